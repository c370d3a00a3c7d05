"""When the English source changes, translators see what changed; a sync keeps the rest."""

from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client
from django.urls import reverse

from wagtail_localize.models import Translation

from pages.calls.models import CallIndexPage, CallPage
from tests.editorial.helpers import call_form_from, edit_url, submit_and_approve

pytestmark = pytest.mark.django_db

OLD_SUMMARY = "Young people run projects in their community."
NEW_SUMMARY = "Groups of five or more young people run projects in their town."
SLOVENIAN = {
    "Solidarity projects": "Solidarnostni projekti",
    OLD_SUMMARY: "Mladi vodijo projekte v svoji skupnosti.",
}


@pytest.fixture
def slovenian(live_call: CallPage, index: CallIndexPage, translate_to: Any) -> CallPage:
    translate_to(index, "sl", {"Calls": "Razpisi"})
    return translate_to(live_call, "sl", SLOVENIAN)


@pytest.fixture
def translation(slovenian: CallPage) -> Translation:
    return Translation.objects.get(
        source__object_id=slovenian.translation_key, target_locale=slovenian.locale
    )


def status_url(translation: Translation) -> str:
    return reverse("editorial_translation_status", args=[translation.pk])


def change_english_summary(
    admin_client: Client, call: CallPage, capture: Any, summary: str = NEW_SUMMARY
) -> None:
    with capture(execute=True):
        response = admin_client.post(
            edit_url(call), call_form_from(call, summary=summary, **{"action-publish": "1"})
        )
    assert response.status_code == 302


def test_translator_sees_the_translation_is_out_of_date_and_which_segment_changed(
    admin_client: Client,
    sl_translator: Any,
    client_for: Callable[[Any], Client],
    live_call: CallPage,
    slovenian: CallPage,
    translation: Translation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    translator = client_for(sl_translator)
    before = translator.get(status_url(translation)).content.decode()
    assert "Up to date" in before
    assert (
        "This translation is out of date"
        not in translator.get(edit_url(slovenian)).content.decode()
    )

    change_english_summary(admin_client, live_call, django_capture_on_commit_callbacks)

    # In wagtail-localize's editor: a warning linking to the changes.
    editor = translator.get(edit_url(slovenian)).content.decode()
    assert "This translation is out of date" in editor
    assert status_url(translation) in editor
    # On the status page: the changed segment, before and after; the title did not change.
    status = translator.get(status_url(translation))
    assert status.status_code == 200
    html = status.content.decode()
    assert "Out of date" in html
    assert "Source changed since last sync" in html
    [changed] = status.context["state"].changes
    assert (changed.label, changed.before, changed.after) == (
        "Summary",
        (OLD_SUMMARY,),
        (NEW_SUMMARY,),
    )
    assert OLD_SUMMARY in html and NEW_SUMMARY in html
    # In the page listing of the Slovenian tree, beside the page.
    listing = translator.get(f"/admin/pages/{slovenian.get_parent().pk}/").content.decode()
    assert "Translation: out of date" in listing


def test_after_a_sync_untouched_segments_keep_their_translation(
    admin_client: Client,
    editor: Any,
    moderator: Any,
    sl_translator: Any,
    client_for: Callable[[Any], Client],
    live_call: CallPage,
    slovenian: CallPage,
    translation: Translation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    change_english_summary(admin_client, live_call, django_capture_on_commit_callbacks)

    # The editor who changed the English page syncs it (without publishing the translations).
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]), {}
        )
    assert response.status_code == 302

    translator = client_for(sl_translator)
    status = translator.get(status_url(translation))
    state = status.context["state"]
    assert not state.source_changed
    assert state.changes == []
    # Only the changed segment waits for a translation; the title keeps its own.
    assert status.context["untranslated"] == [("Summary", NEW_SUMMARY)]
    submit_and_approve(
        translator, client_for(moderator), slovenian, django_capture_on_commit_callbacks
    )
    slovenian.refresh_from_db()
    assert slovenian.title == "Solidarnostni projekti"
    assert slovenian.summary == NEW_SUMMARY  # English until translated
    assert (
        "1 of 2 segments untranslated" in translator.get(status_url(translation)).content.decode()
    )


def test_an_editor_without_publishing_rights_cannot_publish_translations_by_syncing(
    editor: Any,
    client_for: Callable[[Any], Client],
    admin_client: Client,
    live_call: CallPage,
    slovenian: CallPage,
    translation: Translation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    change_english_summary(admin_client, live_call, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"publish_translations": "on"},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )

    assert response.status_code == 403
    slovenian.refresh_from_db()
    assert slovenian.summary == SLOVENIAN[OLD_SUMMARY]


def test_a_changed_snippet_source_is_reported_too(
    sl_translator: Any, client_for: Callable[[Any], Client], esc: Any, translate_to: Any
) -> None:
    translate_to(esc, "sl", {"European Solidarity Corps": "Evropska solidarnostna enota"})
    translation = Translation.objects.get(
        source__object_id=esc.translation_key, target_locale__language_code="sl"
    )
    translator = client_for(sl_translator)
    assert not translator.get(status_url(translation)).context["state"].source_changed

    esc.name = "European Solidarity Corps 2021-2027"
    esc.save()

    status = translator.get(status_url(translation))
    assert status.context["state"].source_changed
    [changed] = status.context["state"].changes
    assert (changed.label, changed.before, changed.after) == (
        "Name",
        ("European Solidarity Corps",),
        ("European Solidarity Corps 2021-2027",),
    )
