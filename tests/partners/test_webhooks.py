"""Webhooks end to end: publish, the database worker delivers, a loopback receiver verifies
the Standard Webhooks signature; temporary failures are retried, final ones are not."""

from __future__ import annotations

import contextlib
import io
import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from typing import Any
from unittest import mock

import pytest
import urllib3.util.connection
from django_tasks_db.models import DBTaskResult
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.editorial.groups import grant_page_rights
from cms.partners.delivery import resume_stalled
from cms.partners.models import Partner, WebhookDelivery, WebhookEndpoint
from cms.partners.outbound import UnsafeTarget, pool_for, resolve_target


class Receiver:
    """A loopback HTTP server that answers with the queued statuses, then 200."""

    def __init__(self) -> None:
        self.statuses: list[int] = []
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.answered: list[tuple[int, dict[str, str], bytes]] = []
        self.hold = threading.Event()
        self.hold.set()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers = {k.lower(): v for k, v in self.headers.items()}
                receiver.received.append((headers, body))
                receiver.hold.wait(timeout=30)
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                receiver.answered.append((status, headers, body))
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
        self.hold.set()
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


@pytest.fixture
def editor_client(db: None) -> Client:
    """An editor allowed to publish below the home page, logged in to the admin."""
    editor = get_user_model().objects.create_user(username="erika", password="pw")
    editors = Group.objects.get(name="Editors")
    editor.groups.add(editors)
    grant_page_rights(editors, Site.objects.get(is_default_site=True).root_page, ["publish_page"])
    client = Client()
    client.force_login(editor)
    return client


def publish_in_admin(client: Client, page: Page, capture: Any, intro: str) -> None:
    """Press "Publish" on the page's edit form, as the editor does."""
    form = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": intro,
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    with capture(execute=True):
        response = client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.specific.intro == intro


def test_a_publish_in_the_admin_is_delivered_signed_once_after_retries(
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    home: Page,
    editor_client: Client,
    django_capture_on_commit_callbacks: Any,
) -> None:
    receiver.statuses = [503, 500]
    publish_in_admin(editor_client, home, django_capture_on_commit_callbacks, "New intro.")
    # The editor's publish made no request: the worker has not run yet.
    assert receiver.received == []
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.PENDING
    run_worker()
    assert [status for status, _h, _b in receiver.answered] == [503, 500, 200]
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
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint.secret).verify(body + b" ", headers)
    # Running the worker again sends nothing more: one successful delivery, not two.
    run_worker()
    assert [status for status, _h, _b in receiver.answered] == [503, 500, 200]


def test_an_editors_publish_does_not_wait_for_a_slow_receiver(
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    home: Page,
    editor_client: Client,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.CMS_WEBHOOK_TIMEOUT_SECONDS = 0.5
    settings.CMS_WEBHOOK_RETRY_BASE_SECONDS = 3600
    receiver.hold.clear()  # the receiver answers nothing until the test ends
    publish_in_admin(editor_client, home, django_capture_on_commit_callbacks, "Slow day.")
    assert receiver.received == []
    assert WebhookDelivery.objects.get().attempts == 0
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("retrying", 1, None)
    assert "timed out" in delivery.error.lower()


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
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://0.0.0.0/",
        "ftp://example.org/",
        "http://localhost/",
        "http://[/",
        "http://[::1/",
    ):
        with pytest.raises(UnsafeTarget):
            resolve_target(url)


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


def test_a_host_that_rebinds_to_loopback_after_the_check_is_not_reached(
    settings: Any,
    receiver: Receiver,
    home: Page,
    django_capture_on_commit_callbacks: Any,
    db: None,
) -> None:
    """DNS rebinding: the name answers a public address to the check and loopback afterwards;
    the delivery goes to the address that was checked, never to the receiver on loopback."""
    settings.CMS_WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    settings.CMS_WEBHOOK_RETRY_BASE_SECONDS = 3600
    port = receiver.server.server_port
    partner = Partner.objects.create(name="Rebinding")
    WebhookEndpoint.objects.create(partner=partner, url=f"http://rebind.example:{port}/hook")
    real_getaddrinfo = socket.getaddrinfo
    real_create_connection = urllib3.util.connection.create_connection
    answers = iter(["93.184.216.34"])
    connected: list[str] = []

    def rebinding_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "rebind.example":
            address = next(answers, "127.0.0.1")
            return real_getaddrinfo(address, *args, **kwargs)
        return real_getaddrinfo(host, *args, **kwargs)

    def create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> Any:
        connected.append(address[0])
        if address[0] == "93.184.216.34":  # the checked public host is unreachable offline
            raise ConnectionRefusedError("refused")
        return real_create_connection(address, *args, **kwargs)

    with (
        mock.patch("socket.getaddrinfo", rebinding_getaddrinfo),
        mock.patch("urllib3.util.connection.create_connection", create_connection),
    ):
        publish(home, django_capture_on_commit_callbacks)
        run_worker()
    assert receiver.received == []
    assert connected == ["93.184.216.34"]
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("retrying", 1)


def test_the_pinned_connection_keeps_the_host_name(
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    home: Page,
    django_capture_on_commit_callbacks: Any,
) -> None:
    endpoint.url = f"http://localhost:{receiver.server.server_port}/hook"
    endpoint.save()
    publish(home, django_capture_on_commit_callbacks)
    run_worker()
    headers, body = receiver.received[-1]
    assert headers["host"] == f"localhost:{receiver.server.server_port}"
    assert Webhook(endpoint.secret).verify(body, headers)["type"] == "page.published"


def test_an_https_target_is_reached_at_the_checked_address_under_its_name(settings: Any) -> None:
    settings.CMS_WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    target = resolve_target("https://localhost:8443/hook?x=1")
    pool = pool_for(target, 10)
    assert (pool.host, pool.port, target.path) == (target.address, 8443, "/hook?x=1")
    assert target.address in ("127.0.0.1", "::1")
    # SNI and the certificate check use the name, not the address.
    assert pool.conn_kw["server_hostname"] == "localhost"
    assert pool.assert_hostname == "localhost"
    assert target.host_header == "localhost:8443"


def age_history(days: int) -> set[Any]:
    """Make every delivery and finished task result ``days`` old; the task results' ids."""
    then = timezone.now() - timedelta(days=days)
    WebhookDelivery.objects.update(created_at=then)
    DBTaskResult.objects.update(enqueued_at=then, finished_at=then)
    return set(DBTaskResult.objects.values_list("pk", flat=True))


def test_the_worker_prunes_history_older_than_30_days_once_a_day(
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    home: Page,
    django_capture_on_commit_callbacks: Any,
) -> None:
    publish(home, django_capture_on_commit_callbacks)
    run_worker()
    old_results = age_history(31)
    publish(home, django_capture_on_commit_callbacks)
    run_worker()
    assert WebhookDelivery.objects.count() == 1  # the new one; the 31-day-old one is gone
    assert old_results and not DBTaskResult.objects.filter(pk__in=old_results).exists()
    publish(home, django_capture_on_commit_callbacks)
    run_worker()
    assert WebhookDelivery.objects.count() == 2
    # Pruning was queued once in the day, not once per delivery.
    assert DBTaskResult.objects.filter(task_path__contains="prune").count() == 1


def test_the_prune_command_clears_old_deliveries_and_task_results(
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    home: Page,
    django_capture_on_commit_callbacks: Any,
) -> None:
    publish(home, django_capture_on_commit_callbacks)
    run_worker()
    old_results = age_history(31)
    publish(home, django_capture_on_commit_callbacks)
    out = io.StringIO()
    call_command("prune_webhook_deliveries", stdout=out)
    assert WebhookDelivery.objects.count() == 1
    assert not DBTaskResult.objects.filter(pk__in=old_results).exists()
    assert DBTaskResult.objects.count() == 1  # the new delivery's task, still queued
    assert "Deleted 1 deliveries" in out.getvalue()


class DrippingReceiver:
    """Answers 200, but one header byte at a time: no single read ever waits long."""

    def __init__(self, seconds: float) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/hook"
        self.seconds = seconds
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self) -> None:
        connection, _address = self.listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            deadline = time.monotonic() + self.seconds
            with contextlib.suppress(OSError):
                while time.monotonic() < deadline:
                    connection.sendall(b"a")
                    time.sleep(0.05)
                connection.sendall(b"\r\nContent-Length: 0\r\n\r\n")

    def close(self) -> None:
        self.listener.close()


def test_an_attempt_ends_at_the_timeout_even_when_the_receiver_keeps_sending(
    endpoint: WebhookEndpoint,
    home: Page,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.CMS_WEBHOOK_TIMEOUT_SECONDS = 0.5
    settings.CMS_WEBHOOK_RETRY_BASE_SECONDS = 3600
    dripping = DrippingReceiver(seconds=4)
    endpoint.url = dripping.url
    endpoint.save()
    try:
        publish(home, django_capture_on_commit_callbacks)
        run_worker()
    finally:
        dripping.close()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("retrying", 1, None)
    assert "timed out" in delivery.error


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
