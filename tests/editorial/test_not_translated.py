"""Translators find every published item not yet in their language, page by page."""

import re
from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client

from cms.editorial.views import NotTranslatedView
from pages.calls.factories import CallPageFactory
from pages.calls.models import CallIndexPage

pytestmark = pytest.mark.django_db


def text(response: Any) -> str:
    """The page's HTML with runs of white space folded, as a reader sees the text."""
    return " ".join(response.content.decode().split())


def translate_links(html: str) -> list[str]:
    return re.findall(r'href="(/admin/localize/submit/[^"]+)"', html)


def test_the_listing_pages_through_pages_then_snippets(
    sl_translator: Any,
    client_for: Callable[[Any], Client],
    index: CallIndexPage,
    esc: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(NotTranslatedView, "per_page", 4)
    calls = []
    for number in range(5):
        call = CallPageFactory(parent=index, title=f"Call number {number}")
        call.save_revision().publish()
        calls.append(call)
    translator = client_for(sl_translator)

    first = text(translator.get("/admin/editorial/not-translated/sl/"))
    second = text(translator.get("/admin/editorial/not-translated/sl/?p=2"))

    # Five calls, their index page and the programme; the newest publication first.
    assert "Published English pages and snippets with no Slovenian version yet: 7." in first
    assert translate_links(first) == [
        f"/admin/localize/submit/page/{call.pk}/" for call in reversed(calls[1:])
    ]
    assert translate_links(second) == [
        f"/admin/localize/submit/page/{calls[0].pk}/",
        f"/admin/localize/submit/page/{index.pk}/",
        f"/admin/localize/submit/snippet/programmes/programme/{esc.pk}/",
    ]
    assert "Page 2 of 2" in second


def test_the_dashboard_links_to_the_listing_when_there_is_more(
    admin_client: Client, index: CallIndexPage
) -> None:
    for number in range(11):
        CallPageFactory(parent=index, title=f"Call number {number}").save_revision().publish()

    dashboard = text(admin_client.get("/admin/"))

    # Eleven calls, their index page and the calls' programme: three beyond the ten shown.
    assert (
        '<a href="/admin/editorial/not-translated/sl/">3 more not yet translated into Slovenian</a>'
        in dashboard
    )


def test_a_translator_is_refused_another_language_s_listing(
    sl_translator: Any, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(sl_translator).get("/admin/editorial/not-translated/sv/")

    assert response.status_code == 403
    assert "You do not translate into Swedish." in response.content.decode()


def test_the_source_language_has_no_listing(admin_client: Client) -> None:
    assert admin_client.get("/admin/editorial/not-translated/en/").status_code == 404
    assert admin_client.get("/admin/editorial/not-translated/xx/").status_code == 404


def test_the_rows_can_be_indexed_like_a_list(
    index: CallIndexPage, esc: Any, locales: Any, django_assert_max_num_queries: Any
) -> None:
    from cms.editorial.untranslated import NotTranslated

    for number in range(3):
        CallPageFactory(parent=index, title=f"Call number {number}").save_revision().publish()
    rows = NotTranslated(locales["en"], locales["sl"])
    titles = [row["title"] for row in rows[:]]

    assert len(titles) == len(rows) == 5  # three calls, their index page, the programme
    assert rows[0]["title"] == titles[0]
    assert rows[-1]["title"] == titles[-1] == "European Solidarity Corps (ESC)"
    with pytest.raises(IndexError):
        rows[5]
    with pytest.raises(IndexError):
        rows[-6]
    with pytest.raises(ValueError, match="no step"):
        rows[::-1]
    # Iterating costs a query per kind of content, not per row.
    with django_assert_max_num_queries(1 + 5):
        assert [row["title"] for row in rows] == titles
