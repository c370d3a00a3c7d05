"""An editor's call goes live only after a call moderator approves it."""

from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client

from wagtail.models import Locale

from pages.calls.models import CallIndexPage, CallPage
from tests.editorial.helpers import add_url, call_form, call_form_from, call_titles, edit_url

pytestmark = pytest.mark.django_db


def submitted_call(client: Client, index: CallIndexPage, esc: Any) -> CallPage:
    response = client.post(
        add_url(CallPage, index),
        call_form(programme=esc.pk, **{"action-submit": "Submit for moderation"}),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return CallPage.objects.get(slug="solidarity-projects-2026")


def test_editor_submits_and_moderator_approves_then_the_call_is_live(
    editor: Any,
    moderator: Any,
    client_for: Callable[[Any], Client],
    index: CallIndexPage,
    esc: Any,
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    call = submitted_call(client_for(editor), index, esc)

    assert call.workflow_in_progress
    assert call.current_workflow_task.name == "Call moderators approval"
    assert not CallPage.objects.live().filter(pk=call.pk).exists()
    assert "Solidarity projects 2026" not in call_titles(graphql)

    # The moderator sees it on the dashboard, then approves.
    moderator_client = client_for(moderator)
    dashboard = moderator_client.get("/admin/")
    assert "Solidarity projects 2026" in dashboard.content.decode()
    task_state = call.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            f"/admin/pages/workflow/action/{call.pk}/approve/{task_state.pk}/", {"comment": ""}
        )

    assert response.status_code in (200, 302)
    assert CallPage.objects.live().filter(pk=call.pk).exists()
    assert "Solidarity projects 2026" in call_titles(graphql)


@pytest.mark.parametrize("via", ["add", "edit"])
def test_an_editor_alone_cannot_publish_a_call(
    via: str,
    editor: Any,
    client_for: Callable[[Any], Client],
    index: CallIndexPage,
    esc: Any,
    graphql: Any,
) -> None:
    client = client_for(editor)
    publish = {"action-publish": "Publish"}
    if via == "add":
        response = client.post(add_url(CallPage, index), call_form(programme=esc.pk, **publish))
        call = CallPage.objects.get(slug="solidarity-projects-2026")
    else:
        response = client.post(add_url(CallPage, index), call_form(programme=esc.pk))
        call = CallPage.objects.get(slug="solidarity-projects-2026")
        response = client.post(edit_url(call), call_form_from(call, **publish))

    # The button is not offered and pressing it anyway only saves a draft.
    assert response.status_code == 302
    call.refresh_from_db()
    assert not call.live
    assert call.has_unpublished_changes
    assert "Solidarity projects 2026" not in call_titles(graphql)
    assert 'name="action-publish"' not in client.get(edit_url(call)).content.decode()


def test_a_moderator_may_publish_calls_directly(
    moderator: Any,
    client_for: Callable[[Any], Client],
    index: CallIndexPage,
    esc: Any,
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(moderator).post(
            add_url(CallPage, index), call_form(programme=esc.pk, **{"action-publish": "Publish"})
        )

    assert response.status_code == 302
    assert CallPage.objects.live().filter(slug="solidarity-projects-2026").exists()
    assert "Solidarity projects 2026" in call_titles(graphql)


def test_submitting_a_live_call_for_translation_does_not_publish_the_translation(
    editor: Any,
    client_for: Callable[[Any], Client],
    live_call: CallPage,
    index: CallIndexPage,
    translate_to: Any,
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    translate_to(index, "sl", {"Calls": "Razpisi"})
    slovenian = Locale.objects.get(language_code="sl")

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(
            f"/admin/localize/submit/page/{live_call.pk}/", {"locales": [slovenian.pk]}
        )

    assert response.status_code == 302
    translation = live_call.get_translation(slovenian)
    assert not translation.live
    assert call_titles(graphql, "sl") == ["Solidarity projects"]  # the English fallback
    assert not CallPage.objects.live().filter(locale=slovenian).exists()
