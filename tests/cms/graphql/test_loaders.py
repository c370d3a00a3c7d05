"""The request's loaders and rich text rendering do their per-request work once (issue 14).

A batch looks into each object the request has noted once, however many times it misses
(looking into every noted object again on each miss made a request quadratic in what it
loads), and the rich text rewriter is built once per request and language, not per value.
"""

from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from django.test import RequestFactory

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from cms.graphql import loaders as loaders_module
from cms.graphql import rich_text as rich_text_module
from cms.graphql.context import RequestContext

pytestmark = pytest.mark.django_db

NOTED = 40


@pytest.fixture
def context() -> RequestContext:
    return RequestContext(request=RequestFactory().get("/graphql/"))


def _counting(function: Any, looked_into: list[Any]) -> Any:
    def count(items: Iterable[Any]) -> Iterator[int]:
        items = list(items)
        looked_into.extend(items)
        return function(items)

    return count


def test_chosen_pages_look_into_each_noted_object_once(context, monkeypatch) -> None:
    looked_into: list[Any] = []
    monkeypatch.setattr(
        loaders_module, "linked_page_ids", _counting(loaders_module.linked_page_ids, looked_into)
    )
    loaders = context.loaders
    loaders.note([Page(title=f"Page {n}", slug=f"page-{n}") for n in range(NOTED)])
    locale = Locale.get_default()
    # Every lookup misses (no such page): each used to look into all 40 objects again.
    for page_id in range(10_000, 10_000 + NOTED):
        assert loaders.chosen_page(page_id, locale) is None
    assert len(looked_into) == NOTED


def test_chosen_images_look_into_each_noted_object_once(context, monkeypatch) -> None:
    looked_into: list[Any] = []
    monkeypatch.setattr(
        loaders_module, "chosen_image_ids", _counting(loaders_module.chosen_image_ids, looked_into)
    )
    loaders = context.loaders
    loaders.note([Page(title=f"Page {n}", slug=f"page-{n}") for n in range(NOTED)])
    for image_id in range(10_000, 10_000 + NOTED):
        assert loaders.chosen_image(image_id) is None
    assert len(looked_into) == NOTED


def test_a_batch_loads_what_was_noted_after_its_first_miss(context) -> None:
    loaders = context.loaders
    first = [Page(title=f"First {n}", slug=f"first-{n}") for n in range(3)]
    later = [Page(title=f"Later {n}", slug=f"later-{n}") for n in range(3)]
    calls: list[list[str]] = []

    def load_many(items: list[Any], _visibility: Any) -> dict[int, str]:
        calls.append([item.title for item in items])
        return {id(item): item.title.upper() for item in items}

    loaders.note(first)
    assert loaders.batch("titles", first[1], load_many) == "FIRST 1"
    loaders.note(later)
    assert [loaders.batch("titles", page, load_many) for page in first + later] == [
        "FIRST 0",
        "FIRST 1",
        "FIRST 2",
        "LATER 0",
        "LATER 1",
        "LATER 2",
    ]
    # One load for what was noted before the first miss, one for what came after.
    assert [sorted(titles) for titles in calls] == [
        ["First 0", "First 1", "First 2"],
        ["Later 0", "Later 1", "Later 2"],
    ]


def test_rich_text_values_of_a_list_share_one_rewriter(graphql, home, monkeypatch) -> None:
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory

    index = CallIndexPageFactory(parent=home)
    html = f'<p><a linktype="page" id="{home.pk}">home</a></p>'
    for _ in range(5):
        CallPageFactory(parent=index, body=[("paragraph", RichText(html))])
    built: list[Any] = []
    build = rich_text_module._rewriter
    monkeypatch.setattr(
        rich_text_module, "_rewriter", lambda *args: built.append(args) or build(*args)
    )
    body = graphql("""{ calls { items { body { ... on RichTextBlock { value } } } } }""")
    values = [item["body"][0]["value"] for item in body["data"]["calls"]["items"]]
    assert len(values) == 5 and all("<a href=" in value for value in values)
    assert len(built) == 1
