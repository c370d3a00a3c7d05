"""Every query is bounded, and a violation says which limit it hit."""

import contextlib

import pytest
from graphql import FragmentDefinitionNode, get_operation_ast, parse

from django.test import Client

from cms.graphql.limits import LimitExceeded, Limits, LimitWalker, check_limits
from cms.graphql.schema import schema

pytestmark = pytest.mark.django_db


def nested_children(levels: int) -> str:
    query = "title"
    for _ in range(levels):
        query = f"children(limit: 1) {{ {query} }}"
    return f'{{ page(urlPath: "/") {{ {query} }} }}'


def test_depth_limit_names_the_limit(graphql, home) -> None:
    body = graphql(nested_children(12))
    assert body["_status"] == 400
    assert "depth limit" in body["errors"][0]["message"]
    assert "maximum depth is 8" in body["errors"][0]["message"]
    assert "data" not in body


def test_a_query_within_the_depth_limit_runs(graphql, home) -> None:
    body = graphql(nested_children(6))
    assert body["_status"] == 200, body


def test_cost_limit_weights_lists_by_their_page_size(graphql, home) -> None:
    query = (
        '{ page(urlPath: "/") { children(limit: 100) { children(limit: 100) '
        "{ children(limit: 100) { title slug } } } } }"
    )
    body = graphql(query)
    assert body["_status"] == 400
    assert "cost limit" in body["errors"][0]["message"]


def test_cost_counts_page_size_given_in_variables(graphql, home) -> None:
    query = (
        'query($n: Int!) { page(urlPath: "/") '
        "{ children(limit: $n) { children(limit: $n) { children(limit: $n) { title } } } } }"
    )
    assert graphql(query, {"n": 100})["_status"] == 400
    assert graphql(query, {"n": 5})["_status"] == 200


def test_more_than_twenty_aliased_lists_are_refused(graphql, home) -> None:
    aliases = " ".join(
        f'a{i}: search(query: "x", perPage: 2) {{ items {{ title }} }}' for i in range(21)
    )
    body = graphql(f"{{ {aliases} }}")
    assert body["_status"] == 400
    assert "Alias limit" in body["errors"][0]["message"]
    assert "maximum is 20" in body["errors"][0]["message"]


def test_token_limit_refuses_huge_documents_before_validation(graphql, home) -> None:
    body = graphql("{ " + "x " * 2100 + "}")
    assert body["_status"] == 400
    assert "Token limit" in body["errors"][0]["message"]


def test_request_bodies_over_16_kb_are_refused(client: Client, home) -> None:
    padding = " " * (17 * 1024)
    response = client.post(
        "/graphql/",
        {"query": "{ __typename }" + padding},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "Request size limit" in response.json()["errors"][0]["message"]


def test_batched_requests_are_refused(client: Client, home) -> None:
    response = client.post(
        "/graphql/",
        [{"query": "{ __typename }"}, {"query": "{ __typename }"}],
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "Batched requests are not supported" in response.content.decode()


def test_per_page_over_the_maximum_is_an_error_naming_the_argument(graphql, home) -> None:
    body = graphql('{ search(query: "x", perPage: 101) { items { title } } }')
    assert "Argument 'perPage' must be between 1 and 100" in body["errors"][0]["message"]


@pytest.mark.parametrize("per_page", [0, -1])
def test_non_positive_per_page_is_refused(graphql, home, per_page) -> None:
    body = graphql(
        'query($n: Int) { search(query: "x", perPage: $n) { items { title } } }', {"n": per_page}
    )
    assert "Argument 'perPage'" in body["errors"][0]["message"]
    assert body["data"] is None


def test_children_limit_is_bounded(graphql, home) -> None:
    body = graphql('{ page(urlPath: "/") { children(limit: -1) { title } } }')
    assert "Argument 'limit' must be between 1 and 100" in body["errors"][0]["message"]


def test_unknown_locale_is_an_error_naming_the_argument(graphql, home) -> None:
    body = graphql('{ page(urlPath: "/", locale: "xx") { title } }')
    assert "Argument 'locale': unknown language 'xx'" in body["errors"][0]["message"]


def test_mutations_are_refused(graphql, home) -> None:
    body = graphql("mutation { __typename }")
    assert body["_status"] == 400


# --- Fragments: every check is linear in the document ----------------------------------------


def doubling_chain(links: int, leaf: str = "__typename") -> str:
    """``{ ...F0 }`` where each fragment spreads the next one twice: 2**links leaves."""
    fragments = [f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(links)]
    fragments.append(f"fragment F{links} on Query {{ {leaf} }}")
    return "{ ...F0 } " + " ".join(fragments)


def walk(query: str, variables: dict | None = None, **limits: int) -> LimitWalker:
    """Run the limit walk over ``query`` and return the walker, refused or not."""
    document = parse(query)
    operation = get_operation_ast(document)
    fragments = {
        node.name.value: node
        for node in document.definitions
        if isinstance(node, FragmentDefinitionNode)
    }
    walker = LimitWalker(schema.graphql_schema, fragments, variables or {}, Limits(**limits))
    with contextlib.suppress(LimitExceeded):
        walker.check(operation)
    return walker


@pytest.mark.parametrize("links", [20, 30])
def test_a_doubling_fragment_chain_is_refused(graphql, home, links) -> None:
    body = graphql(doubling_chain(links))
    assert body["_status"] == 400
    assert "cost limit" in body["errors"][0]["message"]
    assert "data" not in body


def test_the_walk_visits_each_fragment_once(home) -> None:
    query = doubling_chain(30)
    with pytest.raises(LimitExceeded, match="cost limit"):
        check_limits_of(query)
    # 31 fragments of two spreads each, and the operation's one: about 64 selections. Without
    # memoising, the walk would take 2**31 steps.
    assert walk(query).steps <= 2 * 64


def test_the_walk_stops_as_soon_as_a_limit_is_passed(home) -> None:
    aliases = " ".join(f"a{i}: calls(perPage: 1) {{ items {{ title }} }}" for i in range(60))
    walker = walk(f"{{ {aliases} }}")
    assert walker.steps < 30 * 4, "the walk should stop at the 21st alias"


def test_a_fragment_spread_at_depth_counts_its_own_depth(graphql, home) -> None:
    inner = "title"
    for _ in range(5):
        inner = f"children(limit: 1) {{ {inner} }}"
    query = (
        f"fragment Deep on PageInterface {{ {inner} }} "
        '{ page(urlPath: "/") { children(limit: 1) { children(limit: 1) { ...Deep } } } }'
    )
    body = graphql(query)
    assert body["_status"] == 400
    assert "maximum depth is 8" in body["errors"][0]["message"]


# --- Aliases: every aliased root field and list counts, whatever its size ---------------------


@pytest.mark.parametrize(
    "field",
    [
        "calls(perPage: 1) { items { title } }",
        'call(slug: "x") { title }',
        'page(urlPath: "/") { title }',
        'search(query: "x", perPage: 1) { items { title } }',
    ],
)
def test_twenty_one_aliased_root_fields_are_refused_whatever_their_size(
    graphql, home, field
) -> None:
    aliases = " ".join(f"a{i}: {field}" for i in range(21))
    body = graphql(f"{{ {aliases} }}")
    assert body["_status"] == 400
    assert "Alias limit" in body["errors"][0]["message"]
    assert "maximum is 20" in body["errors"][0]["message"]


def test_twenty_aliased_single_lookups_still_run(graphql, home) -> None:
    aliases = " ".join(f'a{i}: call(slug: "x") {{ title }}' for i in range(20))
    body = graphql(f"{{ {aliases} }}")
    assert body["_status"] == 200, body


def test_aliased_nested_lists_of_one_item_count(graphql, home) -> None:
    aliases = " ".join(f"a{i}: children(limit: 1) {{ title }}" for i in range(21))
    body = graphql(f'{{ page(urlPath: "/") {{ {aliases} }} }}')
    assert body["_status"] == 400
    assert "Alias limit" in body["errors"][0]["message"]


def test_each_list_resolution_has_a_minimum_cost(home) -> None:
    limits = Limits()
    one = walk("{ calls(perPage: 1) { items { title } } }")
    assert one.cost >= limits.list_cost
    tiny = " ".join(f"a{i}: calls(perPage: 1) {{ items {{ title }} }}" for i in range(100))
    many_tiny = walk(f"{{ {tiny} }}", max_list_aliases=1000, max_cost=10**9)
    one_big = walk("{ calls(perPage: 100) { items { title } } }", max_cost=10**9)
    assert many_tiny.cost > one_big.cost
    assert many_tiny.cost >= 100 * limits.list_cost


def test_many_tiny_lists_are_refused_by_cost_even_past_the_alias_limit(
    graphql, home, settings
) -> None:
    settings.CMS_GRAPHQL_LIMITS = {**settings.CMS_GRAPHQL_LIMITS, "max_list_aliases": 1000}
    tiny = " ".join(f"a{i}: calls(perPage: 1) {{ items {{ title }} }}" for i in range(100))
    body = graphql(f"{{ {tiny} }}")
    assert body["_status"] == 400
    assert "cost limit" in body["errors"][0]["message"]


def check_limits_of(query: str) -> int:
    document = parse(query)
    fragments = {
        node.name.value: node
        for node in document.definitions
        if isinstance(node, FragmentDefinitionNode)
    }
    return check_limits(schema.graphql_schema, get_operation_ast(document), fragments, {}, Limits())
