"""Webhooks end to end: publish, the database worker delivers, a loopback receiver verifies
the Standard Webhooks signature; temporary failures are retried, final ones are not."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from typing import Any
from unittest import mock

import pytest
from django_tasks_db.models import DBTaskResult
from standardwebhooks.webhooks import Webhook

from django.core.management import call_command
from django.test import Client

from wagtail.models import Page

from cms.partners.delivery import UnsafeTarget, check_target, resume_stalled
from cms.partners.models import Partner, WebhookDelivery, WebhookEndpoint


class Receiver:
    """A loopback HTTP server that answers with the queued statuses, then 200."""

    def __init__(self) -> None:
        self.statuses: list[int] = []
        self.received: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                if status in (301, 302):
                    self.send_header("Location", "http://127.0.0.1:9/elsewhere")
                self.end_headers()
                self.wfile.write(b"ok" * 1000)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    yield running
    running.close()


@pytest.fixture
def endpoint(db: None, receiver: Receiver, settings: Any) -> WebhookEndpoint:
    settings.CMS_WEBHOOK_ALLOW_PRIVATE_TARGETS = True  # the receiver is on loopback
    settings.CMS_WEBHOOK_RETRY_BASE_SECONDS = 0
    partner = Partner.objects.create(name="Receiver")
    return WebhookEndpoint.objects.create(partner=partner, url=receiver.url)


def run_worker() -> None:
    # The worker closes "obsolete" connections between tasks; inside a test's transaction that
    # would close the test's own connection.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker",
            "--backend",
            "webhooks",
            "--queue-name",
            "*",
            "--batch",
            "--no-startup-delay",
            "--interval",
            "0",
            "--no-reload",
        )


def publish(page: Page, capture: Any) -> None:
    with capture(execute=True):
        page.save_revision().publish()


def test_publish_is_delivered_signed_after_retries(
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    home: Page,
    django_capture_on_commit_callbacks: Any,
) -> None:
    receiver.statuses = [503, 500]
    publish(home, django_capture_on_commit_callbacks)
    # The editor's publish made no request: the worker has not run yet.
    assert receiver.received == []
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.PENDING
    run_worker()
    assert len(receiver.received) == 3
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 3, 200)
    assert delivery.response_body == ("ok" * 1000)[:1024]
    ids = {headers["webhook-id"] for headers, _body in receiver.received}
    assert ids == {delivery.message_id}
    headers, body = receiver.received[-1]
    payload = Webhook(endpoint.secret).verify(body, headers)
    assert payload["type"] == "page.published"
    assert payload["data"]["id"] == home.pk
    assert payload["data"]["locale"] == "en"
    assert payload["data"]["translationKey"] == str(home.translation_key)
    with pytest.raises(Exception):  # noqa: B017 (any verification failure)
        Webhook(endpoint.secret).verify(body + b" ", headers)


@pytest.mark.parametrize(("status", "attempts"), [(404, 1), (302, 1), (429, 2), (408, 2)])
def test_final_and_temporary_answers(
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    home: Page,
    django_capture_on_commit_callbacks: Any,
    status: int,
    attempts: int,
) -> None:
    receiver.statuses = [status]
    publish(home, django_capture_on_commit_callbacks)
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.attempts == attempts
    assert delivery.status == ("failed" if attempts == 1 else "succeeded")


def test_filters_by_event_and_language(
    endpoint: WebhookEndpoint, home_pages: dict[str, Page], django_capture_on_commit_callbacks: Any
) -> None:
    endpoint.languages = "sl"
    endpoint.events = "page.unpublished"
    endpoint.save()
    publish(home_pages["sl"], django_capture_on_commit_callbacks)
    assert not WebhookDelivery.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        home_pages["en"].unpublish()
        home_pages["sl"].unpublish()
    assert [d.payload["data"]["locale"] for d in WebhookDelivery.objects.all()] == ["sl"]


def test_private_targets_are_refused(settings: Any) -> None:
    settings.CMS_WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    for url in (
        "http://127.0.0.1:8000/",
        "http://10.1.2.3/",
        "http://169.254.169.254/latest",
        "http://[::1]/",
        "ftp://example.org/",
        "http://localhost/",
    ):
        with pytest.raises(UnsafeTarget):
            check_target(url)


def test_redeliver_in_the_admin(
    admin_client: Client,
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    home: Page,
    django_capture_on_commit_callbacks: Any,
) -> None:
    receiver.statuses = [404]
    publish(home, django_capture_on_commit_callbacks)
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"
    listing = admin_client.get("/admin/webhook_deliveries/")
    assert listing.status_code == 200
    assert (
        delivery.message_id
        in admin_client.get(f"/admin/webhook_deliveries/inspect/{delivery.pk}/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/webhook_deliveries/redeliver/{delivery.pk}/")
    assert response.status_code == 302
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("succeeded", 2)
    assert json.loads(receiver.received[-1][1])["type"] == "page.published"


def test_a_delivery_whose_worker_died_is_resumed(
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    home: Page,
    django_capture_on_commit_callbacks: Any,
) -> None:
    publish(home, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    # Waiting in the queue: not stalled, however long it waits.
    assert resume_stalled(timedelta(0)) == []
    # A worker claims the task and dies under it (PostgreSQL went away): it stays RUNNING
    # and no worker runs it again.
    DBTaskResult.objects.get().claim("worker-that-died")
    run_worker()
    assert receiver.received == []
    # Running for less than two minutes: maybe still alive.
    assert resume_stalled() == []
    out = StringIO()
    call_command("resume_webhook_deliveries", "--minutes", "0", stdout=out)
    assert out.getvalue() == "Resumed 1 webhook deliveries.\n"
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("succeeded", 1)
    assert [headers["webhook-id"] for headers, _body in receiver.received] == [delivery.message_id]
    assert resume_stalled(timedelta(0)) == []
