"""The embeddable widget on a municipality's page served from another origin."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import expect

from django.core.management import call_command

from cms.partners.models import Partner
from pages.calls.models import CallPage
from pages.calls.selectors import calls_open

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Municipality</title>
<style>
  * { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
  li, a, h2 { display: none !important; }
</style></head>
<body>
  <h1>Our municipality</h1>
  <script type="module" src="{cms}/widget/solidarity-calls.js"></script>
  <solidarity-calls country="SI" lang="sl"></solidarity-calls>
</body></html>
"""


class HostSite:
    """A municipality's page on its own loopback port (its own origin)."""

    def __init__(self, cms: str) -> None:
        page = HOST_PAGE.replace("{cms}", cms).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def host_sites(live_server: Any) -> Iterator[tuple[HostSite, HostSite]]:
    allowed, other = HostSite(live_server.url), HostSite(live_server.url)
    yield allowed, other
    allowed.close()
    other.close()


def test_widget_shows_open_calls_in_slovenian_only_on_allowed_origins(
    tab: BrowserPage, host_sites: tuple[HostSite, HostSite], settings: Any, locales: Any
) -> None:
    settings.CORS_ALLOWED_ORIGINS = []
    settings.CORS_ALLOWED_ORIGIN_REGEXES = []
    call_command("load_demo", stdout=io.StringIO())
    allowed, other = host_sites
    Partner.objects.create(name="Municipality", allowed_origins=allowed.origin)
    expected = [
        call.title
        for call in calls_open(locales["sl"]).order_by("deadline")
        if "SI" in {country.code for country in call.all_eligible_countries}
    ]
    assert expected, "the demo has open calls for Slovenia"

    tab.goto(f"{allowed.origin}/")
    widget = tab.locator("solidarity-calls")
    expect(widget.locator("[part~=title]").first).to_be_visible()
    titles = widget.locator("[part~=title]").all_inner_texts()
    assert titles == expected
    expect(widget.locator("h2")).to_have_text("Odprti razpisi")
    assert "Rok" in widget.locator("[part=item]").first.inner_text()
    # The host page's styles stop at the shadow root.
    link = widget.locator("[part~=title]").first
    assert link.evaluate("e => getComputedStyle(e).color") != "rgb(255, 0, 0)"
    assert link.evaluate("e => getComputedStyle(e).fontSize") != "40px"
    assert tab.locator("h1").evaluate("e => getComputedStyle(e).color") == "rgb(255, 0, 0)"
    assert CallPage.objects.exists()

    tab.goto(f"{other.origin}/")
    expect(widget.locator("[part=error]")).to_have_text("Razpisov ni bilo mogoče naložiti.")
