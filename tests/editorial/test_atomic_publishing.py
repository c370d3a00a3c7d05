"""A publish, unpublish, revert or approval is all or nothing, its audit-log entry included.

Each test makes the last statement of the action fail (the audit-log insert) the way a database
that goes away mid-request fails, and checks that nothing of the action remains: the page is as
it was, no revision is marked published, the API serves what it served, and the editor is told
plainly that nothing changed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from wagtail.models import PageLogEntry, TaskState, WorkflowState

from pages.calls.models import CallIndexPage, CallPage
from tests.editorial.helpers import add_url, call_form, call_form_from, call_titles, edit_url

pytestmark = pytest.mark.django_db

FailingLog = Callable[..., None]
OUTAGE = OperationalError("server closed the connection unexpectedly")


@pytest.fixture
def failing_log(monkeypatch: pytest.MonkeyPatch) -> FailingLog:
    """Make the audit-log insert of one action fail (by default as a dropped connection does)."""

    def install(failing_action: str, error: Exception = OUTAGE) -> None:
        manager_class = type(PageLogEntry.objects)
        original = manager_class.log_action

        def log_action(self: Any, instance: Any, action: str, **kwargs: Any) -> Any:
            if action == failing_action:
                raise error
            return original(self, instance, action, **kwargs)

        monkeypatch.setattr(manager_class, "log_action", log_action)

    return install


def assert_nothing_changed_answer(response: Any) -> None:
    """The editor gets a plain 503 saying nothing changed, with a request id to quote."""
    assert response.status_code == 503
    body = response.content.decode()
    assert "Your change was not saved" in body
    assert "nothing was changed" in body
    assert response["X-Request-ID"] in body
    assert "no-store" in response["Cache-Control"]


def draft_call(client: Client, index: CallIndexPage, esc: Any) -> CallPage:
    response = client.post(add_url(CallPage, index), call_form(programme=esc.pk))
    assert response.status_code == 302
    return CallPage.objects.get(slug="solidarity-projects-2026")


def test_a_publish_whose_log_entry_fails_publishes_nothing(
    moderator: Any,
    client_for: Callable[[Any], Client],
    index: CallIndexPage,
    esc: Any,
    graphql: Any,
    failing_log: FailingLog,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = client_for(moderator)
    call = draft_call(client, index, esc)
    revisions = call.revisions.count()
    failing_log("wagtail.publish")

    with django_capture_on_commit_callbacks(execute=True) as deferred:
        response = client.post(
            edit_url(call),
            call_form_from(call, title="Published at last", **{"action-publish": "Publish"}),
        )

    assert_nothing_changed_answer(response)
    call.refresh_from_db()
    assert not call.live
    assert call.live_revision is None
    assert call.first_published_at is None
    assert call.draft_title == "Solidarity projects 2026"
    assert call.revisions.count() == revisions  # the publish's own revision is gone too
    assert not PageLogEntry.objects.filter(page=call, action="wagtail.publish").exists()
    assert deferred == []  # nothing deferred to the commit (cache invalidation) ran
    assert "Published at last" not in call_titles(graphql)
    assert "Solidarity projects 2026" not in call_titles(graphql)


def test_any_error_after_the_publish_rolls_it_back(
    moderator: Any,
    index: CallIndexPage,
    esc: Any,
    graphql: Any,
    failing_log: FailingLog,
) -> None:
    """Not only database errors: whatever raises, the request's transaction is rolled back."""
    client = Client(raise_request_exception=False)
    client.force_login(moderator)
    call = draft_call(client, index, esc)
    failing_log("wagtail.publish", RuntimeError("a bug in a signal handler"))

    response = client.post(edit_url(call), call_form_from(call, **{"action-publish": "Publish"}))

    assert response.status_code == 500
    call.refresh_from_db()
    assert not call.live
    assert call.live_revision is None
    assert "Solidarity projects 2026" not in call_titles(graphql)


def test_an_unpublish_whose_log_entry_fails_leaves_the_page_live(
    moderator: Any,
    client_for: Callable[[Any], Client],
    live_call: CallPage,
    graphql: Any,
    failing_log: FailingLog,
) -> None:
    live_call.refresh_from_db()
    live_revision = live_call.live_revision_id
    assert live_revision is not None
    failing_log("wagtail.unpublish")

    response = client_for(moderator).post(f"/admin/pages/{live_call.pk}/unpublish/")

    assert_nothing_changed_answer(response)
    live_call.refresh_from_db()
    assert live_call.live
    assert live_call.live_revision_id == live_revision
    assert not PageLogEntry.objects.filter(page=live_call, action="wagtail.unpublish").exists()
    assert call_titles(graphql) == ["Solidarity projects"]


def test_a_revert_whose_log_entry_fails_keeps_the_live_version(
    moderator: Any,
    client_for: Callable[[Any], Client],
    live_call: CallPage,
    graphql: Any,
    failing_log: FailingLog,
    django_capture_on_commit_callbacks: Any,
) -> None:
    first_revision = live_call.latest_revision
    client = client_for(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            edit_url(live_call),
            call_form_from(live_call, title="Renamed projects", **{"action-publish": "1"}),
        )
    live_call.refresh_from_db()
    renamed_revision = live_call.live_revision_id
    assert call_titles(graphql) == ["Renamed projects"]
    failing_log("wagtail.publish")

    old = first_revision.as_object()
    response = client.post(
        f"/admin/pages/{live_call.pk}/revisions/{first_revision.pk}/revert/",
        call_form_from(old, **{"action-publish": "Publish"}),
    )

    assert_nothing_changed_answer(response)
    live_call.refresh_from_db()
    assert live_call.title == "Renamed projects"
    assert live_call.live_revision_id == renamed_revision
    assert call_titles(graphql) == ["Renamed projects"]


def test_an_approval_whose_publish_fails_leaves_the_call_in_moderation(
    editor: Any,
    moderator: Any,
    client_for: Callable[[Any], Client],
    index: CallIndexPage,
    esc: Any,
    graphql: Any,
    failing_log: FailingLog,
) -> None:
    response = client_for(editor).post(
        add_url(CallPage, index),
        call_form(programme=esc.pk, **{"action-submit": "Submit for moderation"}),
    )
    assert response.status_code == 302
    call = CallPage.objects.get(slug="solidarity-projects-2026")
    task_state = call.current_workflow_task_state
    failing_log("wagtail.publish")

    response = client_for(moderator).post(
        f"/admin/pages/workflow/action/{call.pk}/approve/{task_state.pk}/", {"comment": ""}
    )

    assert_nothing_changed_answer(response)
    call.refresh_from_db()
    assert not call.live
    assert call.live_revision is None
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert call.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not PageLogEntry.objects.filter(page=call, action="wagtail.workflow.approve").exists()
    assert "Solidarity projects 2026" not in call_titles(graphql)


def test_scheduled_publishing_whose_log_entry_fails_publishes_nothing_and_retries(
    index: CallIndexPage, esc: Any, graphql: Any, failing_log: FailingLog
) -> None:
    """Outside a request (publish_scheduled, a shell, an import) a publish is atomic too."""
    from pages.calls.factories import CallPageFactory

    call = CallPageFactory(parent=index, title="Scheduled call", programme=esc, live=False)
    # As a scheduled revision looks once its time has come: approved, go-live time passed.
    past = timezone.now() - datetime.timedelta(minutes=1)
    call.go_live_at = past
    revision = call.save_revision()
    type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=past)
    failing_log("wagtail.publish.scheduled")

    with pytest.raises(OperationalError):
        call_command("publish_scheduled", verbosity=0)

    call.refresh_from_db()
    revision.refresh_from_db()
    assert not call.live
    assert call.live_revision is None
    assert revision.approved_go_live_at == past  # still due: the next run publishes it
    assert "Scheduled call" not in call_titles(graphql)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="raises from a PostgreSQL trigger (PL/pgSQL)"
)
def test_a_publish_whose_log_insert_fails_in_postgresql_publishes_nothing(
    moderator: Any,
    client_for: Callable[[Any], Client],
    index: CallIndexPage,
    esc: Any,
    graphql: Any,
) -> None:
    """The database itself refuses the last statement (SQLSTATE 57P01: the server shut down)."""
    client = client_for(moderator)
    call = draft_call(client, index, esc)
    with connection.cursor() as cursor:
        # DDL is transactional in PostgreSQL: the test's rollback removes the trigger.
        cursor.execute(
            """
            CREATE FUNCTION test_refuse_publish_log() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'terminating connection due to administrator command'
                    USING ERRCODE = '57P01';
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER test_refuse_publish_log BEFORE INSERT ON wagtailcore_pagelogentry
                FOR EACH ROW WHEN (NEW.action = 'wagtail.publish')
                EXECUTE FUNCTION test_refuse_publish_log();
            """
        )

    response = client.post(edit_url(call), call_form_from(call, **{"action-publish": "Publish"}))

    assert_nothing_changed_answer(response)
    call.refresh_from_db()
    assert not call.live
    assert call.live_revision is None
    assert "Solidarity projects 2026" not in call_titles(graphql)
