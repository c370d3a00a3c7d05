"""Moderation changes cached partner responses once, when a call goes live, and not before."""

from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client

from cms.graphql.invalidation import content_generation
from pages.calls.models import CallIndexPage, CallPage
from tests.editorial.helpers import add_url, call_form

pytestmark = pytest.mark.django_db


def test_submitting_does_not_invalidate_and_approving_invalidates_once(
    editor: Any,
    moderator: Any,
    client_for: Callable[[Any], Client],
    index: CallIndexPage,
    esc: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    before = content_generation()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(
            add_url(CallPage, index),
            call_form(programme=esc.pk, **{"action-submit": "Submit for moderation"}),
        )
    assert response.status_code == 302
    assert content_generation() == before

    call = CallPage.objects.get(slug="solidarity-projects-2026")
    task_state = call.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(moderator).post(
            f"/admin/pages/workflow/action/{call.pk}/approve/{task_state.pk}/", {"comment": ""}
        )
    assert response.status_code in (200, 302)
    call.refresh_from_db()
    assert call.live
    assert content_generation() == before + 1
