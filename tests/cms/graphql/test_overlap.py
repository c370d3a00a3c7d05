"""Validation cannot be made quadratic: repeated fields are counted before it runs."""

import contextlib

import pytest
from graphql import parse

from cms.graphql.limits import LimitExceeded, Limits
from cms.graphql.overlap import OverlapCounter
from tests.cms.graphql.test_limits import doubling_chain

pytestmark = pytest.mark.django_db

REPEATED_TYPENAME = "{ " + " ".join(["__typename"] * 1000) + " }"
SPREAD_FRAGMENTS = (
    "{ "
    + " ".join(f"...F{i}" for i in range(180))
    + " } "
    + " ".join(f"fragment F{i} on Query {{ __typename }}" for i in range(180))
)
SAME_FIELD_IN_MANY_OBJECTS = "{ " + " ".join(['page(urlPath: "/") { title slug }'] * 150) + " }"


def count(query: str, **limits: int) -> OverlapCounter:
    """Count the comparisons of ``query``, refused or not; return the counter."""
    document = parse(query)
    counter = OverlapCounter(document, Limits(**limits))
    with contextlib.suppress(LimitExceeded):
        counter.check(document)
    return counter


@pytest.mark.parametrize("query", [REPEATED_TYPENAME, SPREAD_FRAGMENTS, SAME_FIELD_IN_MANY_OBJECTS])
def test_documents_that_make_validation_quadratic_are_refused(graphql, home, query) -> None:
    body = graphql(query)
    assert body["_status"] == 400, body
    assert "Field merge limit exceeded" in body["errors"][0]["message"]
    assert "more than 5000 pairs" in body["errors"][0]["message"]
    assert "data" not in body


def test_the_count_stops_at_the_limit() -> None:
    # A thousand repeats would be half a million comparisons; counting stops right after the
    # limit, so refusing costs no more than the limit itself.
    counter = count(REPEATED_TYPENAME, max_merge_checks=500)
    assert 500 < counter.work <= 500 + 1000


def test_fragments_are_counted_once_however_often_they_are_reached() -> None:
    # 2**30 leaves if expanded; validation compares each fragment once per selection set that
    # reaches it, and so does the count: at most 31 fragments for each of 32 selection sets.
    counter = count(doubling_chain(30))
    assert counter.work < 32 * 31


def test_usual_queries_cost_little(graphql, home) -> None:
    query = """
      query Listing($locale: String) {
        calls(locale: $locale) { items { ...Card } pagination { total } }
        news(locale: $locale) { items { ...Card } pagination { total } }
        search(query: "volunteering", locale: $locale) {
          items { title ... on CallPage { deadline } ... on NewsPage { title } }
        }
      }
      fragment Card on PageInterface { id title slug url locale translations { locale url } }
    """
    assert count(query).work < 200
    body = graphql(query, {"locale": "sl"})
    assert body["_status"] == 200, body
