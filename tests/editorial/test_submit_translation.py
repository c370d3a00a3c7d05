"""A translator starts translations of published pages and never sees an English draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client

from wagtail.models import Locale, Page

from pages.calls.factories import CallPageFactory
from pages.calls.models import CallIndexPage, CallPage
from tests.editorial.helpers import assert_refused

pytestmark = pytest.mark.django_db

SECRET = "Embargoed until Monday"


def submit_url(page: Page) -> str:
    return f"/admin/localize/submit/page/{page.pk}/"


@pytest.fixture
def translator_client(sl_translator: Any, client_for: Callable[[Any], Client]) -> Client:
    return client_for(sl_translator)


@pytest.fixture
def slovenian(locales: dict[str, Locale]) -> Locale:
    return locales["sl"]


@pytest.fixture
def draft_call(index: CallIndexPage, esc: Any) -> CallPage:
    """An English call never published: its title is an editor's draft."""
    call = CallPageFactory(parent=index, title=SECRET, slug="embargoed", programme=esc, live=False)
    call.save_revision()
    return call


@pytest.fixture
def live_call_with_draft(live_call: CallPage) -> CallPage:
    """A published English call whose editor has saved, not published, a new title."""
    live_call.title = SECRET
    live_call.save_revision()
    return live_call


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_translator_is_refused_the_translation_of_an_unpublished_page(
    method: str,
    translator_client: Client,
    draft_call: CallPage,
    slovenian: Locale,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(translator_client, method)(
            submit_url(draft_call), {"locales": [slovenian.pk]} if method == "post" else {}
        )

    assert_refused(response)
    assert SECRET not in response.content.decode()
    assert not draft_call.has_translation(slovenian)


def test_a_translator_sees_the_published_title_of_a_page_with_a_draft(
    translator_client: Client,
    live_call_with_draft: CallPage,
    slovenian: Locale,
    django_capture_on_commit_callbacks: Any,
) -> None:
    form = translator_client.get(submit_url(live_call_with_draft))

    assert form.status_code == 200
    assert SECRET not in form.content.decode()
    assert "Solidarity projects" in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = translator_client.post(
            submit_url(live_call_with_draft), {"locales": [slovenian.pk]}, follow=True
        )
    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    translation = live_call_with_draft.get_translation(slovenian)
    assert translation.title == "Solidarity projects"
    assert SECRET not in translation.draft_title


def test_a_translator_cannot_pull_drafts_in_with_the_subtree(
    translator_client: Client,
    index: CallIndexPage,
    draft_call: CallPage,
    slovenian: Locale,
    django_capture_on_commit_callbacks: Any,
) -> None:
    index.save_revision().publish()
    form = translator_client.get(submit_url(index))
    assert form.status_code == 200
    assert "Include subtree" not in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = translator_client.post(
            submit_url(index), {"locales": [slovenian.pk], "include_subtree": "on"}
        )

    assert response.status_code == 302
    assert index.has_translation(slovenian)
    assert not draft_call.has_translation(slovenian)


def test_an_editor_still_translates_drafts_they_may_edit(
    editor: Any,
    client_for: Callable[[Any], Client],
    draft_call: CallPage,
) -> None:
    form = client_for(editor).get(submit_url(draft_call))

    assert form.status_code == 200
    assert SECRET in form.content.decode()
