"""A publish purges the caching proxy; a proxy that fails never fails the publish."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from wagtail.models import Page

from tests.cms.fleet.moto import free_port

pytestmark = pytest.mark.django_db


class Receiver(ThreadingHTTPServer):
    """A loopback HTTP server that records each request and answers with ``status``."""

    daemon_threads = True

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.received: list[tuple[str, str, str]] = []
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    def do_PURGE(self) -> None:
        server: Receiver = self.server  # type: ignore[assignment]
        server.received.append((self.command, self.path, self.headers.get("Host", "")))
        self.send_response(server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _proxy(settings: Any, location: str, timeout: float = 2.0) -> None:
    settings.WAGTAILFRONTENDCACHE = {
        "proxy1": {
            "BACKEND": "cms.proxy_purge.BoundedHTTPBackend",
            "LOCATION": location,
            "TIMEOUT": timeout,
        }
    }
    settings.CMS_PROXY_PURGE_PATHS = ["/"]
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.org"


def _publish(page: Page, title: str, capture: Any) -> None:
    with capture(execute=True):
        page.title = title
        page.save_revision().publish()


def test_publish_purges_the_proxy(
    settings: Any, receiver: Receiver, home: Page, django_capture_on_commit_callbacks: Any
) -> None:
    _proxy(settings, receiver.url)
    _publish(home, "Renamed", django_capture_on_commit_callbacks)
    assert receiver.received == [("PURGE", "/", "cms.example.org")]


def test_draft_save_does_not_purge(
    settings: Any, receiver: Receiver, home: Page, django_capture_on_commit_callbacks: Any
) -> None:
    _proxy(settings, receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        home.title = "Draft title"
        home.save_revision()
    assert receiver.received == []


def test_no_proxy_no_purge(
    settings: Any, receiver: Receiver, home: Page, django_capture_on_commit_callbacks: Any
) -> None:
    settings.WAGTAILFRONTENDCACHE = {}
    _publish(home, "Renamed", django_capture_on_commit_callbacks)
    assert receiver.received == []


def test_proxy_error_is_logged_publish_succeeds(
    settings: Any,
    receiver: Receiver,
    home: Page,
    django_capture_on_commit_callbacks: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    receiver.status = 500
    _proxy(settings, receiver.url)
    with caplog.at_level(logging.ERROR, logger="cms.proxy_purge"):
        _publish(home, "Renamed despite the proxy", django_capture_on_commit_callbacks)
    home.refresh_from_db()
    assert home.title == "Renamed despite the proxy"
    assert home.live
    assert len(receiver.received) == 1
    assert any("HTTP 500" in record.getMessage() for record in caplog.records)


def test_proxy_down_is_logged_publish_succeeds(
    settings: Any,
    home: Page,
    django_capture_on_commit_callbacks: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _proxy(settings, f"http://127.0.0.1:{free_port()}")
    with caplog.at_level(logging.ERROR, logger="cms.proxy_purge"):
        _publish(home, "Renamed while the proxy is down", django_capture_on_commit_callbacks)
    home.refresh_from_db()
    assert home.title == "Renamed while the proxy is down"
    assert any("failed" in record.getMessage() for record in caplog.records)


def test_hanging_proxy_is_bounded_by_the_timeout(
    settings: Any,
    home: Page,
    django_capture_on_commit_callbacks: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        _proxy(settings, f"http://127.0.0.1:{silent.getsockname()[1]}", timeout=0.5)
        started = time.monotonic()
        with caplog.at_level(logging.ERROR, logger="cms.proxy_purge"):
            _publish(home, "Renamed past a silent proxy", django_capture_on_commit_callbacks)
        assert time.monotonic() - started < 10
    home.refresh_from_db()
    assert home.title == "Renamed past a silent proxy"
    assert any("timed out" in record.getMessage() for record in caplog.records)
