"""Revisions: reverting a call reaches the API once published; concurrent editors lose nothing."""

from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client

from pages.calls.models import CallPage
from tests.editorial.helpers import call_form_from, call_titles, edit_url

pytestmark = pytest.mark.django_db

FIRST_SUMMARY = "Young people run projects in their community."


def test_an_editor_reverts_a_call_and_the_api_serves_it_after_approval(
    editor: Any,
    moderator: Any,
    client_for: Callable[[Any], Client],
    live_call: CallPage,
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    first_revision = live_call.latest_revision
    moderator_client = client_for(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            edit_url(live_call),
            call_form_from(live_call, title="Renamed projects", **{"action-publish": "1"}),
        )
    assert call_titles(graphql) == ["Renamed projects"]

    # The editor opens the earlier revision: the form shows its content ...
    client = client_for(editor)
    revert_url = f"/admin/pages/{live_call.pk}/revisions/{first_revision.pk}/revert/"
    form = client.get(revert_url)
    assert form.status_code == 200
    assert form.context["form"]["title"].value() == "Solidarity projects"
    # ... and submits it for moderation, since editors do not publish calls.
    old = first_revision.as_object()
    response = client.post(
        revert_url, call_form_from(old, **{"action-submit": "Submit for moderation"})
    )
    assert response.status_code == 302
    assert call_titles(graphql) == ["Renamed projects"]  # not live until approved

    call = CallPage.objects.get(pk=live_call.pk)
    task_state = call.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"/admin/pages/workflow/action/{call.pk}/approve/{task_state.pk}/", {"comment": ""}
        )

    assert call_titles(graphql) == ["Solidarity projects"]
    titles = [revision.as_object().title for revision in call.revisions.order_by("created_at")]
    assert titles == ["Solidarity projects", "Renamed projects", "Solidarity projects"]


def ping(client: Client, url: str, **data: Any) -> dict[str, Any]:
    response = client.post(url, data)
    assert response.status_code == 200
    return response.json()


def test_a_second_editor_is_told_about_the_first_and_both_revisions_remain(
    make_user: Callable[..., Any],
    client_for: Callable[[Any], Client],
    live_call: CallPage,
) -> None:
    erika = client_for(make_user("Editors", username="erika"))
    lars = client_for(make_user("Editors", username="lars"))

    erika_opens = erika.get(edit_url(live_call))
    lars_opens = lars.get(edit_url(live_call))
    erika_session = erika_opens.context["editing_sessions"]
    lars_session = lars_opens.context["editing_sessions"]
    loaded = {
        "loaded_revision_id": live_call.latest_revision_id,
        "loaded_revision_created_at": lars_session.revision_created_at,
    }

    # Erika types; Lars's editor (polling as Wagtail's script does) shows it.
    ping(erika, erika_session.ping_url, is_editing="1")
    seen = ping(lars, lars_session.ping_url)
    assert [(s["user"], s["is_editing"]) for s in seen["other_sessions"]] == [("Erika", True)]
    assert "Erika has unsaved changes" in seen["html"]

    # Erika saves a draft; Lars is told a newer version exists.
    response = erika.post(
        edit_url(live_call), {**call_form_from(live_call, summary="Erika's summary"), **loaded}
    )
    assert response.status_code == 302
    seen = ping(
        lars,
        lars_session.ping_url,
        revision_id=live_call.latest_revision_id,
        revision_created_at=lars_session.revision_created_at,
    )
    assert "Erika saved a new version" in seen["html"]

    # Autosave would overwrite Erika's version: refused.
    lars_form = {**call_form_from(live_call, summary="Lars's summary"), **loaded}
    autosave = lars.post(edit_url(live_call), lars_form, HTTP_ACCEPT="application/json")
    assert autosave.json()["error_message"] == "Saving will overwrite a newer version."
    # Lars saves on purpose: a new revision, beside Erika's, not over it.
    assert lars.post(edit_url(live_call), lars_form).status_code == 302

    summaries = [
        revision.as_object().summary
        for revision in live_call.revisions.order_by("created_at", "pk")
    ]
    assert summaries == [FIRST_SUMMARY, "Erika's summary", "Lars's summary"]
    assert erika_session.current_session.pk != lars_session.current_session.pk
