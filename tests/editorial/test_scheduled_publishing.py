"""A call scheduled to go live appears in the API only once its time has come."""

import datetime
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import Revision

from pages.calls.models import CallIndexPage, CallPage
from tests.editorial.helpers import add_url, admin_datetime, call_form, call_titles

pytestmark = pytest.mark.django_db


def publish_scheduled(capture: Any) -> None:
    with capture(execute=True):
        call_command("publish_scheduled", stdout=StringIO())


def test_a_scheduled_call_goes_live_when_publish_scheduled_runs_after_its_time(
    moderator: Any,
    client_for: Callable[[Any], Client],
    index: CallIndexPage,
    esc: Any,
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    go_live_at = timezone.now() + datetime.timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(moderator).post(
            add_url(CallPage, index),
            call_form(
                programme=esc.pk,
                go_live_at=admin_datetime(go_live_at),
                **{"action-publish": "Publish"},
            ),
        )
    assert response.status_code == 302
    call = CallPage.objects.get(slug="solidarity-projects-2026")
    scheduled = Revision.objects.get(object_id=str(call.pk), approved_go_live_at__isnull=False)

    assert not call.live
    assert "Solidarity projects 2026" not in call_titles(graphql)
    # Before its time, the scheduler leaves it alone.
    publish_scheduled(django_capture_on_commit_callbacks)
    assert not CallPage.objects.get(pk=call.pk).live
    assert "Solidarity projects 2026" not in call_titles(graphql)

    # Time passes (the schedule is moved into the past rather than the clock forward).
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save(update_fields=["approved_go_live_at", "content"])
    publish_scheduled(django_capture_on_commit_callbacks)

    assert CallPage.objects.get(pk=call.pk).live
    assert "Solidarity projects 2026" in call_titles(graphql)
