"""Every query is bounded, and a violation says which limit it hit."""

import pytest

from django.test import Client

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
