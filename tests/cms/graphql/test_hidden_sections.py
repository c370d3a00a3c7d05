"""A section taken down hides everything below it, whatever the tree's counters say.

Treebeard keeps a child count on every page (``numchild``) beside the tree paths; it has been
wrong before (the demo loader left eight translated sections claiming no children), so the
"hidden section" rule must read the paths, never the count.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page

from cms.translation import translate
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

GraphQL = Callable[..., dict[str, Any]]

ENGLISH_ONLY = {"fallback": False, "locale": "sl"}
QUERIES: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {
    "news": (
        "query ($locale: String, $fallback: Boolean) "
        "{ news(locale: $locale, fallback: $fallback) { items { title } } }",
        lambda data: data["news"]["items"],
    ),
    "newsItem": (
        "query ($locale: String, $fallback: Boolean) "
        '{ newsItem(slug: "volunteers-day", locale: $locale, fallback: $fallback) { title } }',
        lambda data: data["newsItem"],
    ),
    "news search": (
        "query ($locale: String, $fallback: Boolean) "
        '{ news(locale: $locale, fallback: $fallback, search: "Prostovoljci") '
        "{ items { title } } }",
        lambda data: data["news"]["items"],
    ),
    "calls": (
        "query ($locale: String, $fallback: Boolean) "
        "{ calls(locale: $locale, fallback: $fallback) { items { title } } }",
        lambda data: data["calls"]["items"],
    ),
    "call": (
        "query ($locale: String, $fallback: Boolean) "
        '{ call(slug: "esc-2030", locale: $locale, fallback: $fallback) { title } }',
        lambda data: data["call"],
    ),
    "page (news item)": (
        "query ($locale: String, $fallback: Boolean) "
        '{ page(urlPath: "/news/volunteers-day/", locale: $locale, fallback: $fallback) '
        "{ title } }",
        lambda data: data["page"],
    ),
    "page (call)": (
        "query ($locale: String, $fallback: Boolean) "
        '{ page(urlPath: "/calls/esc-2030/", locale: $locale, fallback: $fallback) { title } }',
        lambda data: data["page"],
    ),
    "search": (
        "query ($locale: String) "
        '{ search(query: "Prostovoljci", locale: $locale) { items { title } } }',
        lambda data: data["search"]["items"],
    ),
    "translations of the English versions": (
        "query ($fallback: Boolean) { "
        'newsItem(slug: "volunteers-day", fallback: $fallback) { translations { locale } } '
        'call(slug: "esc-2030", fallback: $fallback) { translations { locale } } }',
        lambda data: [
            link
            for item in (data["newsItem"], data["call"])
            for link in item["translations"]
            if link["locale"] == "sl"
        ],
    ),
}


@pytest.fixture
def slovenian_sections(
    home_pages: dict[str, Page], django_capture_on_commit_callbacks: Any
) -> dict[str, Page]:
    """English and Slovenian news and call sections, each with one live page."""
    home = home_pages["en"]
    news_index = NewsIndexPageFactory(parent=home)
    news_item = NewsPageFactory(parent=news_index, title="Volunteers day", slug="volunteers-day")
    news_item.save_revision().publish()
    call_index = CallIndexPageFactory(parent=home)
    call = CallPageFactory(parent=call_index, title="Volunteers wanted", slug="esc-2030")
    call.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        return {
            "news index": translate(news_index, "sl", {"News": "Novice"}),
            "news item": translate(news_item, "sl", {"Volunteers day": "Prostovoljci: dan"}),
            "call index": translate(call_index, "sl", {"Calls": "Razpisi"}),
            "call": translate(call, "sl", {"Volunteers wanted": "Prostovoljci: razpis"}),
        }


def served(graphql: GraphQL, name: str) -> Any:
    query, pick = QUERIES[name]
    body = graphql(query, ENGLISH_ONLY if "$locale" in query else {"fallback": False})
    assert "errors" not in body, body
    return pick(body["data"])


def test_the_slovenian_pages_are_served_while_their_sections_are_live(
    graphql: GraphQL, slovenian_sections: dict[str, Page]
) -> None:
    missing = [name for name in QUERIES if not served(graphql, name)]
    assert missing == []


@pytest.mark.parametrize("name", list(QUERIES))
def test_nothing_below_an_unpublished_section_is_served_even_with_wrong_child_counts(
    graphql: GraphQL, slovenian_sections: dict[str, Page], name: str
) -> None:
    slovenian_sections["news index"].unpublish()
    slovenian_sections["call index"].unpublish()
    # What the demo loader used to leave behind: sections that claim to have no children.
    Page.objects.update(numchild=0)

    assert not served(graphql, name)
    assert Page.objects.live().filter(pk=slovenian_sections["news item"].pk).exists()


def test_an_expired_section_hides_its_pages_even_with_wrong_child_counts(
    graphql: GraphQL, slovenian_sections: dict[str, Page]
) -> None:
    for index in ("news index", "call index"):
        Page.objects.filter(pk=slovenian_sections[index].pk).update(expire_at=timezone.now())
    Page.objects.update(numchild=0)

    assert [name for name in QUERIES if served(graphql, name)] == []


def test_the_hidden_section_rule_costs_one_query_however_many_sections_are_down(
    graphql: GraphQL, slovenian_sections: dict[str, Page], home_pages: dict[str, Page]
) -> None:
    def statements() -> int:
        graphql(QUERIES["news"][0], ENGLISH_ONLY)
        with CaptureQueriesContext(connection) as captured:
            graphql(QUERIES["news"][0], ENGLISH_ONLY)
        return len(captured.captured_queries)

    slovenian_sections["news index"].unpublish()
    one_down = statements()
    for number in range(5):
        section = NewsIndexPageFactory(parent=home_pages["sl"], slug=f"old-news-{number}")
        NewsPageFactory(parent=section).save_revision().publish()
        section.unpublish()
    assert statements() == one_down
