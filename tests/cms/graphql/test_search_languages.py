"""Full-text search follows each language's rules on PostgreSQL: inflected forms find the same
pages in Slovenian and Swedish, and English keeps its own stemming."""

import io
from typing import Any

import pytest

from django.core.management import call_command
from django.db import connection

from wagtail.models import Page

from pages.home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "Language-aware stemming is PostgreSQL full-text search; SQLite's FTS5 backend "
            "has no per-language configurations (run with TEST_DATABASE_URL=postgres://...)."
        )


def found(graphql: Any, text: str, locale: str) -> set[str]:
    body = graphql(
        "query($q: String!, $l: String) { search(query: $q, locale: $l) { items { slug } } }",
        {"q": text, "l": locale},
    )
    assert "errors" not in body, body
    return {item["slug"] for item in body["data"]["search"]["items"]}


def listed(graphql: Any, text: str, locale: str) -> set[str]:
    body = graphql(
        """query($q: String!, $l: String) {
          newsItems: news(locale: $l, search: $q, fallback: false) { items { slug } } }""",
        {"q": text, "l": locale},
    )
    assert "errors" not in body, body
    return {item["slug"] for item in body["data"]["newsItems"]["items"]}


def add_page(parent: Page, slug: str, *, title: str, search_description: str = "") -> Page:
    page = parent.add_child(
        instance=HomePage(title=title, slug=slug, search_description=search_description)
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def pages(home_pages: dict[str, Page]) -> dict[str, Page]:
    return {
        "sl-1": add_page(home_pages["sl"], "sl-1", title="Prostovoljstvo v mestu"),
        "sl-2": add_page(
            home_pages["sl"],
            "sl-2",
            title="Projekti",
            search_description="Priložnosti prostovoljstva za mlade v občini.",
        ),
        "sl-other": add_page(home_pages["sl"], "sl-other", title="Mladinski center"),
        "sv-1": add_page(home_pages["sv"], "sv-1", title="En volontär berättar"),
        "sv-2": add_page(
            home_pages["sv"], "sv-2", title="Kommunen", search_description="Volontärerna sökes."
        ),
        "sv-other": add_page(home_pages["sv"], "sv-other", title="Ungdomens hus"),
        "en-1": add_page(home_pages["en"], "en-1", title="Volunteering week"),
        "en-2": add_page(home_pages["en"], "en-2", title="Volunteers wanted"),
    }


def test_slovenian_inflections_find_the_same_pages(graphql, pages) -> None:
    assert found(graphql, "prostovoljstvo", "sl") == {"sl-1", "sl-2"}
    assert found(graphql, "prostovoljstva", "sl") == {"sl-1", "sl-2"}


def test_slovenian_search_ignores_accents(graphql, pages) -> None:
    assert found(graphql, "obcini", "sl") == found(graphql, "občini", "sl") == {"sl-2"}


def test_swedish_singular_and_plural_find_the_same_pages(graphql, pages) -> None:
    for form in ("volontär", "volontärer", "volontärerna"):
        assert found(graphql, form, "sv") == {"sv-1", "sv-2"}, form


def test_english_stemming_is_unchanged(graphql, pages) -> None:
    assert found(graphql, "volunteers", "en") == {"en-1", "en-2"}
    assert found(graphql, "volunteering", "en") == {"en-1", "en-2"}


def test_list_search_uses_the_language_of_each_item(graphql, home_pages) -> None:
    from pages.news.factories import NewsIndexPageFactory, NewsPageFactory

    slovenian = NewsIndexPageFactory(parent=home_pages["sl"], slug="novice")
    swedish = NewsIndexPageFactory(parent=home_pages["sv"], slug="nyheter")
    for parent, slug, title in [
        (slovenian, "novica-1", "Teden prostovoljstva"),
        (slovenian, "novica-2", "Prostovoljstvo ima prihodnost"),
        (swedish, "nyhet-1", "Volontärerna i Uppsala"),
        (swedish, "nyhet-2", "Bli volontär"),
    ]:
        NewsPageFactory(parent=parent, slug=slug, title=title).save_revision().publish()
    assert listed(graphql, "prostovoljstvo", "sl") == {"novica-1", "novica-2"}
    assert listed(graphql, "prostovoljstva", "sl") == {"novica-1", "novica-2"}
    for form in ("volontär", "volontärer", "volontärerna"):
        assert listed(graphql, form, "sv") == {"nyhet-1", "nyhet-2"}, form


def test_fallback_items_are_matched_with_their_own_language(graphql, home_pages) -> None:
    """A Slovenian list falling back to English items matches those with English rules."""
    from pages.news.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=home_pages["en"], slug="news")
    NewsPageFactory(
        parent=index, slug="volunteers", title="Volunteers wanted"
    ).save_revision().publish()
    body = graphql('{ news(locale: "sl", search: "volunteering") { items { slug locale } } }')
    assert body["data"]["news"]["items"] == [{"slug": "volunteers", "locale": "en"}]


def test_rebuilding_the_index_keeps_each_language(graphql, pages) -> None:
    call_command("update_index", stdout=io.StringIO())
    assert found(graphql, "prostovoljstva", "sl") == {"sl-1", "sl-2"}
    assert found(graphql, "volontärer", "sv") == {"sv-1", "sv-2"}
    assert found(graphql, "volunteers", "en") == {"en-1", "en-2"}
