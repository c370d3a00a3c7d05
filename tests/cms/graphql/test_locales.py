"""Partners ask in a language and get that language, or the fallback chain's next one."""

import pytest

from cms.translation import translate
from tests.cms.graphql.conftest import add_page

pytestmark = pytest.mark.django_db

QUERY = (
    "query($l: String, $f: Boolean) "
    '{ page(urlPath: "/about/", locale: $l, fallback: $f) { title locale } }'
)


@pytest.fixture
def about(home_pages, django_capture_on_commit_callbacks):
    page = add_page(home_pages["en"], "about", intro="About the network")
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, "sl", {"About": "O mreži"})
    return page


def test_page_by_path_answers_in_the_requested_language(graphql, about) -> None:
    body = graphql(QUERY, {"l": "sl"})
    assert body["data"]["page"] == {"title": "O mreži", "locale": "sl"}


def test_missing_translation_falls_back_to_the_default_language(graphql, about) -> None:
    body = graphql(QUERY, {"l": "sv"})
    assert body["data"]["page"] == {"title": "About", "locale": "en"}


def test_fallback_false_gives_only_real_translations(graphql, about) -> None:
    body = graphql(QUERY, {"l": "sv", "f": False})
    assert body["data"]["page"] is None


def test_an_unpublished_translation_is_not_served_but_falls_back(graphql, about) -> None:
    about.get_translation(about.locale.__class__.objects.get(language_code="sl")).unpublish()
    body = graphql(QUERY, {"l": "sl"})
    assert body["data"]["page"] == {"title": "About", "locale": "en"}
    assert graphql(QUERY, {"l": "sl", "f": False})["data"]["page"] is None


def test_translations_list_the_live_translation_with_its_url(graphql, about) -> None:
    body = graphql('{ page(urlPath: "/about/") { translations { locale title url } } }')
    assert body["data"]["page"]["translations"] == [
        {"locale": "sl", "title": "O mreži", "url": "http://127.0.0.1:8000/partner-site/?locale=sl"}
    ]
