"""search(query:) { snippets }: organisations and people that match, in the language searched."""

from typing import Any

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.translation import translate
from snippets.organisations.factories import OrganisationFactory
from snippets.people.factories import PersonFactory

pytestmark = pytest.mark.django_db

QUERY = """query($q: String!, $l: String, $n: Int) { search(query: $q, locale: $l) {
  items { title }
  snippets(limit: $n) {
    snippetType locale
    ... on Organisation { name city }
    ... on Person { name role }
  } } }"""


def snippets(graphql: Any, text: str, **variables: Any) -> list[dict[str, Any]]:
    body = graphql(QUERY, {"q": text, **variables})
    assert "errors" not in body, body["errors"]
    return body["data"]["search"]["snippets"]


def test_organisations_and_people_are_found_beside_pages(graphql: Any, locales: Any) -> None:
    OrganisationFactory(name="Koper Youth Centre", slug="koper-youth-centre", city="Koper")
    PersonFactory(name="Lea Kovič", role="Youth worker in Koper")
    OrganisationFactory(name="Maribor Food Bank", slug="maribor-food-bank", city="Maribor")

    found = snippets(graphql, "Koper")
    assert {(hit["snippetType"], hit["name"]) for hit in found} >= {
        ("Organisation", "Koper Youth Centre")
    }
    assert all(hit["locale"] == "en" for hit in found)
    assert "Maribor Food Bank" not in {hit["name"] for hit in found}


def test_only_the_language_searched(
    graphql: Any, locales: Any, django_capture_on_commit_callbacks: Any
) -> None:
    centre = OrganisationFactory(name="Koper Youth Centre", slug="koper-youth-centre")
    with django_capture_on_commit_callbacks(execute=True):
        translate(centre, "sl", {"Koper Youth Centre": "Center mladih Koper"})
    found = snippets(graphql, "Center mladih", l="sl")
    assert [(hit["name"], hit["locale"]) for hit in found] == [("Center mladih Koper", "sl")]
    assert snippets(graphql, "Center mladih", l="sv") == []


def test_the_limit_is_bounded(graphql: Any, db: None) -> None:
    body = graphql(QUERY, {"q": "x", "n": 10_000})
    assert body["_status"] < 500
    assert "Argument 'limit'" in body["errors"][0]["message"]


def test_statements_do_not_grow_with_hits(graphql: Any, db: None, settings: Any) -> None:
    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    counts = {}
    made = 0
    for size in (5, 40):
        for n in range(made, size):
            OrganisationFactory(name=f"Solidarity centre {n}", slug=f"solidarity-centre-{n}")
        made = size
        graphql(QUERY, {"q": "solidarity", "n": 50})
        with CaptureQueriesContext(connection) as captured:
            found = snippets(graphql, "solidarity", n=50)
        counts[size] = len(captured.captured_queries)
        assert len(found) == size
    assert counts[5] == counts[40], counts


def test_search_finds_only_what_the_plugins_selector_offers(graphql: Any, locales: Any) -> None:
    """A plugin's API selector decides which of its snippets partners may find (a rule it
    adds there, such as leaving out drafts, holds in search too)."""
    from unittest import mock

    from snippets.people.factories import PersonFactory
    from snippets.people.selectors import people_for_api

    PersonFactory(name="Solidarity Visible", locale=locales["en"])
    PersonFactory(name="Solidarity Withheld", locale=locales["en"])
    query = '{ search(query: "solidarity", locale: "en") { snippets { ... on Person { name } } } }'

    def only_visible(locale: Any) -> Any:
        return people_for_api(locale).exclude(name="Solidarity Withheld")

    with mock.patch("cms.graphql.snippet_search.searchable_snippets", return_value=[only_visible]):
        body = graphql(query)
    assert "errors" not in body, body
    assert body["data"]["search"]["snippets"] == [{"name": "Solidarity Visible"}]
