"""Browser tests: Debian's Chromium driven by Playwright against a live server.

Each test gets ``tab``, a page in a fresh Chromium profile, and saves a screenshot of its final
state in ``SCREENSHOTS``. The path is printed at the end of a run whose main process loads this
file, i.e. one given ``tests/browser`` (as ``make test`` runs it); under xdist a bare ``pytest``
loads it only in the workers, which cannot print a summary.

The server sends the Content-Security-Policy headers production sends (cms/security_headers.py);
an uncaught JavaScript error or a CSP violation in any frame fails the test.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import sync_playwright

from django.conf import settings as django_settings
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(django_settings.BASE_DIR) / ".test-artifacts" / "screenshots"
RUN_STARTED = time.time()
MISSING_CHROMIUM = (
    f"Browser tests need Debian's chromium package at {CHROMIUM}: apt-get install chromium "
    "(`make test` installs it)."
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives Chromium against a live server (tests/browser/)"
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    taken = [shot for shot in SCREENSHOTS.glob("*.png") if shot.stat().st_mtime >= RUN_STARTED - 1]
    if taken:
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(
            f"{len(taken)} screenshots of the browser tests' final state: {SCREENSHOTS}/"
        )


class _OneRequestAtATime(LiveServerThread):
    """A live server that answers one request at a time.

    On the in-memory SQLite test database every server thread shares the test's one connection.
    A tab loads a page, its JavaScript catalogues and the editing-session ping at once, and each
    admin request is a transaction (cms/admin_transactions.py): threads interleaving on one
    connection broke each other's savepoints ("no such savepoint", 500s no production server
    gives). Django's plain WSGIServer closes each connection after its response, so Chromium's
    parallel requests simply queue.
    """

    def _create_server(self, connections_override: Any = None) -> WSGIServer:
        return WSGIServer(
            (self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=False
        )


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[Any]:
    """pytest-django's live server; one request at a time where the connection is shared."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(request.config.getvalue("liveserver") or "localhost", start=False)
    if server.thread.connections_override:
        shared = server.thread
        server.thread = _OneRequestAtATime(
            shared.host,
            shared.static_handler,
            connections_override=shared.connections_override,
            port=shared.port,
        )
        server.thread.daemon = True
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _partner_site(live_server: Any, settings: Any) -> None:
    """Serve examples/partner-site/ at /partner-site/ and make it the preview target and the
    frontend page URLs lead to."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": f"{live_server.url}/partner-site/"}
    }
    settings.CMS_FRONTEND_URL = f"{live_server.url}/partner-site/"
    # The live server speaks plain HTTP; secure-only cookies would never come back.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def tab(
    request: pytest.FixtureRequest,
    transactional_db: None,
    live_server: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Iterator[BrowserPage]:
    """A Chromium tab with a fresh profile; an uncaught JavaScript error fails the test."""
    if not CHROMIUM.exists():
        pytest.fail(MISSING_CHROMIUM, pytrace=False)
    # Playwright's sync API keeps an asyncio loop running in this thread, and Django refuses
    # ORM calls while one runs; the test code itself stays synchronous. Only for this test.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    errors: list[str] = []
    violations: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            locale="en-GB",
            timezone_id="Europe/Ljubljana",
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(10_000)
        # Every frame reports a Content-Security-Policy violation to the console, where it
        # fails the test like a JavaScript error (Chromium also logs its own "Refused to ...").
        context.add_init_script(CSP_VIOLATION_REPORTER)
        context.on("console", lambda message: _record_csp_violation(message, violations))
        page = context.pages[0] if context.pages else context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        try:
            yield page
        finally:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
            context.close()
            # While Playwright's loop runs, Django's thread-local connections resolve to a
            # separate set; close those here, or PostgreSQL refuses to drop the test database
            # ("being accessed by other users") at the end of the run.
            connections.close_all()
    assert not errors, f"JavaScript errors in the browser: {errors}"
    assert not violations, f"Content-Security-Policy violations in the browser: {violations}"


CSP_VIOLATION_REPORTER = """
document.addEventListener("securitypolicyviolation", (event) => {
    const blocked = event.blockedURI || "inline";
    console.error(`CSP violation: ${event.violatedDirective} blocked ${blocked}`
        + ` in ${event.documentURI} (${event.sourceFile || ""}:${event.lineNumber || 0})`);
});
"""


def _record_csp_violation(message: Any, violations: list[str]) -> None:
    text = message.text
    if "CSP violation" in text or "Content Security Policy" in text:
        violations.append(text)
