"""`make soak`: the fleet under load through Varnish, then under the same load while it breaks.

A benchmark, not a test: bounded in time (phases of SOAK_SECONDS, default 60, at
SOAK_CONNECTIONS, default 100), loopback only. wrk (deploy/soak.lua) drives a partner mix:
lists in three languages, details, search, the feeds, the sitemap and the widget, 5%
cache-busting POSTs; meanwhile an editor signs in to the admin and publishes the home page
every SOAK_PUBLISH_EVERY seconds (3), and checks how long the proxy keeps serving the old
title; every publish sends a partner webhook, which the worker (db_worker) delivers to a
receiver here. Phases: steady; one app instance killed and started again; PostgreSQL down for
10 s; Redis stopped for 20 s; the object store stopped for 20 s (the fleet's own private
servers: nobody else's are touched).

Per phase it prints requests, status counts, p50/p95/p99, the longest time to recover, and
checks: no 5xx but 503 with no-store, and those only while PostgreSQL is down (or within
RECONNECT_GRACE seconds of its return); no stale answer past STALE_BOUND seconds after a
publish; every publish the editor saw succeed went live (and the last is served), and none it
saw fail is half-done (the database's live page row and live revision agree); every webhook
delivered; the worker's memory (sampled every second) flat. Writes
bench-results/soak-<time>.json.
"""

from __future__ import annotations

import argparse
import http.cookies
import http.server
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fleet import BASE_DIR, EDITOR, STATE_DIR, Fleet, say

#: Seconds after a publish within which the proxy must serve the new content: the publishing
#: process bans the proxy's copies right after the commit, and the next request fetches from
#: an instance (seconds under this load); the editor polls every 0.1 s.
STALE_BOUND = 10.0
#: Seconds after PostgreSQL is back within which a 503 still counts as the outage's: each
#: instance thread's persistent connection fails once before Django replaces it.
RECONNECT_GRACE = 5.0
#: Seconds the soak waits after a phase for the worker to deliver that phase's webhooks.
DELIVERY_WAIT = 60.0
#: wrk's 100 connections come from one loopback address but stand for many partners and
#: visitors: the anonymous per-address budgets (cms/partners/rate_limits.py) are raised so
#: they do not turn the soak into a rate-limit test; the limiter still runs (Redis included).
SOAK_SETTINGS = {
    "RATE_LIMIT_ANONYMOUS_UNCACHED": "1000000/minute",
    "RATE_LIMIT_ANONYMOUS_REQUESTS": "1000000/minute",
    # The webhook receiver is this script, on loopback.
    "WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",
    "WEBHOOK_RETRY_BASE_SECONDS": "1",
}
LOCALES = ("en", "sl", "sv")
TITLE = 'query Title { page(urlPath: "/") { id title } }'
LISTS = {
    "calls": "calls(locale: $l, perPage: 20) { items { title slug deadline status } }",
    "news": "news(locale: $l, perPage: 10) { items { title slug date } }",
    "projects": "projects(locale: $l, perPage: 10) { items { title slug acronym } }",
    "conferences": "conferences(locale: $l, perPage: 10) { items { title slug startsAt } }",
}
#: The feeds, the sitemap and the widget's script, fetched as partners' sites and readers do.
FEEDS = (
    "/feeds/calls.ics",
    "/feeds/conferences.ics",
    "/feeds/news.atom?locale=en",
    "/feeds/news.atom?locale=sl",
    "/feeds/news.atom?locale=sv",
    "/sitemap.xml",
    "/widget/solidarity-calls.js",
)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def get_path(query: str, variables: dict[str, Any] | None = None) -> str:
    params = {"query": query}
    if variables:
        params["variables"] = json.dumps(variables)
    return "/graphql/?" + urllib.parse.urlencode(params)


def graphql(base: str, query: str, variables: dict[str, Any] | None = None) -> Any:
    with urllib.request.urlopen(base + get_path(query, variables), timeout=10) as response:  # noqa: S310
        return json.loads(response.read())


def request_mix(base: str) -> list[str]:
    """The wrk request lines: 95% GETs (lists, details, search, feeds, widget), 5% POSTs."""
    lines = [f"GET\t{path}" for path in FEEDS]
    for locale in LOCALES:
        for selection in LISTS.values():
            lines.append(
                f"GET\t{get_path(f'query L($l: String) {{ {selection} }}', {'l': locale})}"
            )
        data = graphql(
            base,
            "query($l: String) { calls(locale: $l, perPage: 10) { items { slug } } }",
            {"l": locale},
        )
        for item in data["data"]["calls"]["items"][:5]:
            lines.append(
                "GET\t"
                + get_path(
                    "query D($s: String!, $l: String) { call(slug: $s, locale: $l) "
                    "{ title summary deadline status translations { locale slug } } }",
                    {"s": item["slug"], "l": locale},
                )
            )
        for word in ("solidarity", "youth", "culture"):
            lines.append(
                "GET\t"
                + get_path(
                    "query S($q: String!, $l: String) { search(query: $q, locale: $l) "
                    "{ items { title } pagination { total } } }",
                    {"q": word, "l": locale},
                )
            )
    posts = max(1, round(len(lines) * 5 / 95))
    body = json.dumps({"query": 'query P { page(urlPath: "/") { title } } #NONCE'})
    lines += [f"POST\t/graphql/\t{body}"] * posts
    return lines


class Editor(threading.Thread):
    """Signs in to the admin through the proxy and publishes the home page again and again."""

    def __init__(self, base: str, page_id: int, every: float, phase: str) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.page_id = page_id
        self.every = every
        self.phase = phase
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)
        self.stop_event = threading.Event()
        self.succeeded: list[tuple[str, float]] = []
        self.failed: list[str] = []
        #: Every title tried, in order.
        self.tried: list[str] = []
        self.staleness: list[float] = []
        self.counter = 0

    def _request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str]:
        headers = {
            # The proxy in front says the editor came over HTTPS (SECURE_PROXY_SSL_HEADER).
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Referer": f"https://{urllib.parse.urlsplit(self.base).netloc}{path}",
        }
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310
        try:
            response = self.opener.open(request, timeout=15)
            status, text = response.status, response.read().decode(errors="replace")
            set_cookies = response.headers.get_all("Set-Cookie") or []
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
            set_cookies = error.headers.get_all("Set-Cookie") or []
        for header in set_cookies:
            cookie = http.cookies.SimpleCookie(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return status, text

    def _csrf(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return match.group(1) if match else self.cookies.get("csrftoken", "")

    def sign_in(self) -> None:
        _, html = self._request("/admin/login/")
        status, _ = self._request(
            "/admin/login/",
            {"username": EDITOR[0], "password": EDITOR[1], "csrfmiddlewaretoken": self._csrf(html)},
        )
        if status != 302:
            raise RuntimeError(f"The editor could not sign in (HTTP {status})")

    def publish(self, title: str) -> bool:
        status, html = self._request(f"/admin/pages/{self.page_id}/edit/")
        if status != 200:
            return False
        slug = re.search(r'name="slug"[^>]*value="([^"]*)"', html)
        data = {
            "csrfmiddlewaretoken": self._csrf(html),
            "title": title,
            "slug": slug.group(1) if slug else "home",
            "intro": "",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        }
        status, _ = self._request(f"/admin/pages/{self.page_id}/edit/", data)
        return status == 302

    def run(self) -> None:
        while not self.stop_event.wait(self.every):
            self.counter += 1
            # Unique in the whole run: the audit finds each publish by its title.
            title = f"Solidarity network (soak {self.phase} {self.counter})"
            self.tried.append(title)
            try:
                ok = self.publish(title)
            except OSError:
                ok = False
            if not ok:
                self.failed.append(title)
                continue
            published = time.monotonic()
            self.succeeded.append((title, published))
            self.staleness.append(self._until_fresh(title, published))

    def _until_fresh(self, title: str, published: float) -> float | None:
        """Seconds after the publish of the last answer that still showed an older title;
        None when the proxy never showed the new one within 30 s.

        An error (the database down) is not stale content: only answers count.
        """
        deadline = published + 30
        last_stale = published
        while time.monotonic() < deadline:
            try:
                seen = graphql(self.base, TITLE)["data"]["page"]["title"]
            except (OSError, ValueError, KeyError, TypeError):
                seen = None
            answered = time.monotonic()
            if seen == title:
                return round(last_stale - published, 2)
            if seen is not None:
                last_stale = answered
            time.sleep(0.1)
        return None


class WebhookReceiver(http.server.ThreadingHTTPServer):
    """A partner's webhook endpoint on loopback: records the message ids it receives."""

    def __init__(self) -> None:
        self.received: set[str] = set()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.received.add(self.headers.get("webhook-id", ""))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hooks/solidarity"


class MemorySampler(threading.Thread):
    """The worker's resident memory once a second, whichever worker process runs."""

    def __init__(self, fleet: Fleet) -> None:
        super().__init__(daemon=True)
        self.fleet = fleet
        self.samples: list[tuple[float, int, int]] = []
        self.stop_event = threading.Event()

    def run(self) -> None:
        while not self.stop_event.wait(1):
            process = self.fleet.processes.get("worker")
            if process is not None and (kb := rss_kb(process.pid)):
                self.samples.append((time.time(), process.pid, kb))

    def summary(self, since: float) -> dict[str, Any]:
        """First, lowest, highest and last RSS (KB) since ``since``, per worker process."""
        per_pid: dict[int, list[int]] = {}
        for when, pid, kb in self.samples:
            if when >= since:
                per_pid.setdefault(pid, []).append(kb)
        return {
            str(pid): {"first": kbs[0], "min": min(kbs), "max": max(kbs), "last": kbs[-1]}
            for pid, kbs in per_pid.items()
        }


def rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # exited; the fleet starts it again
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def fault_plan(fleet: Fleet, phase: str, at: float) -> tuple[list[tuple[float, Any]], float]:
    """Actions at times into the phase, and how long the fault lasts."""
    if phase == "app-killed":
        return [(at, lambda: fleet.kill_app(2)), (at + 10, lambda: fleet.start_app(2))], 10
    if phase == "postgres-down":
        return [(at, fleet.stop_postgres), (at + 10, fleet.start_postgres)], 10
    if phase == "redis-stopped":

        def stop_redis() -> None:
            process = fleet.processes.pop("redis")
            process.terminate()
            process.wait()

        return [(at, stop_redis), (at + 20, fleet.start_redis)], 20
    if phase == "s3-stopped":
        return [
            (at, lambda: os.kill(fleet.pid("s3"), signal.SIGSTOP)),
            (at + 20, lambda: os.kill(fleet.pid("s3"), signal.SIGCONT)),
        ], 20
    return [], 0


AUDIT = """
import json, os
from django.db.models import Count
from wagtail.models import Page, PageLogEntry, Revision
from cms.partners.models import WebhookDelivery
a = json.loads(os.environ["SOAK_AUDIT"])
page = Page.objects.get(pk=a["page"])
titles = a["succeeded"] + a["failed"]
published = PageLogEntry.objects.filter(
    page_id=page.pk, action="wagtail.publish", revision__content__title__in=titles
).values_list("revision__content__title", flat=True)
saved = Revision.objects.filter(
    object_id=str(page.pk), content__title__in=titles
).values_list("content__title", flat=True)
deliveries = WebhookDelivery.objects.filter(created_at__gte=a["since"])
print("AUDIT " + json.dumps({
    "live_title": page.title,
    "live_revision_title": page.live_revision.content["title"] if page.live_revision else None,
    "published": sorted(set(published)),
    "saved": sorted(set(saved)),
    "deliveries": dict(deliveries.order_by().values_list("status").annotate(n=Count("id"))),
    "delivered_ids": list(
        deliveries.filter(status="succeeded").values_list("message_id", flat=True)
    ),
}))
"""


def audit(fleet: Fleet, page_id: int, editor: Editor, since: float) -> dict[str, Any]:
    """What the database says about the phase's publishes and webhook deliveries."""
    data = {
        "page": page_id,
        "succeeded": [title for title, _ in editor.succeeded],
        "failed": editor.failed,
        "since": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(since)),
    }
    output = subprocess.run(  # noqa: S603
        [str(Path(sys.executable).parent / "python"), "manage.py", "shell", "-c", AUDIT],
        cwd=BASE_DIR,
        env={**fleet.environment(LOG_LEVEL="WARNING"), "SOAK_AUDIT": json.dumps(data)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("AUDIT "))
    return json.loads(line[6:])


def settled_audit(
    fleet: Fleet, page_id: int, editor: Editor, since: float, receiver: WebhookReceiver
) -> dict[str, Any]:
    """The audit once the worker has delivered the phase's webhooks (or DELIVERY_WAIT passed)."""
    deadline = time.monotonic() + DELIVERY_WAIT
    while True:
        found = audit(fleet, page_id, editor, since)
        waiting = set(found["deliveries"]) - {"succeeded", "failed"}
        if not waiting or time.monotonic() > deadline:
            found["not_received"] = sorted(set(found.pop("delivered_ids")) - receiver.received)
            return found
        time.sleep(3)


def run_phase(
    fleet: Fleet,
    phase: str,
    seconds: int,
    connections: int,
    every: float,
    page_id: int,
    receiver: WebhookReceiver,
    memory: MemorySampler,
) -> dict[str, Any]:
    say(f"Phase {phase}: {seconds} s at {connections} connections")
    restarts_before = fleet.worker_restarts
    editor = Editor(fleet.proxy_url, page_id, every, phase)
    editor.sign_in()
    fault_at = min(15.0, seconds / 4)
    actions, fault_seconds = fault_plan(fleet, phase, fault_at)
    started = time.time()
    editor.start()
    wrk = subprocess.Popen(  # noqa: S603
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s"]
        + ["--latency", "-s", str(BASE_DIR / "deploy" / "soak.lua"), fleet.proxy_url],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "SOAK_REQUESTS": str(STATE_DIR / "soak-requests.txt")},
    )
    # When the fault really began and ended (stopping and starting take time under load).
    fault_began = fault_ended = None
    for when, action in actions:
        time.sleep(max(0.0, started + when - time.time()))
        fault_began = fault_began or time.time()
        action()
        fault_ended = time.time()
    output, _ = wrk.communicate(timeout=seconds + 60)
    editor.stop_event.set()
    editor.join(timeout=40)
    line = next((line for line in output.splitlines() if line.startswith("SOAK ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{output}")
    result = json.loads(line[5:])
    recovery = 0
    if result["last_error"] and fault_ended:
        recovery = round(max(0.0, result["last_error"] + 1 - fault_ended))
    # Wait for the fleet to be whole again before the next phase.
    for number in (1, 2):
        fleet.wait_for_app(number)
    found = settled_audit(fleet, page_id, editor, started, receiver)
    served = graphql(fleet.proxy_url, TITLE)["data"]["page"]["title"]
    # A publish the editor saw fail may still have completed (its answer was lost): then it is
    # whole, and the last publish to complete, in the editor's order, is the one live.
    succeeded = {title for title, _ in editor.succeeded}
    completed = [t for t in editor.tried if t in succeeded or t in found["published"]]
    ok_503_in_outage = result["ok_503_no_store"] == 0 or (
        phase == "postgres-down"
        and fault_began is not None
        and fault_ended is not None
        # wrk's clock has whole seconds.
        and result["first_503"] >= int(fault_began) - 1
        and result["last_503"] <= fault_ended + RECONNECT_GRACE
    )
    memory_kb = memory.summary(started)
    first_kb = next(iter(memory_kb.values()))["first"] if memory_kb else 0
    highest_kb = max((m["max"] for m in memory_kb.values()), default=0)
    checks = {
        "no_5xx_except_503_no_store": result["bad_5xx"] == 0,
        "503_only_while_postgres_down": ok_503_in_outage,
        "fresh_within_bound": all(s is not None and s <= STALE_BOUND for s in editor.staleness),
        "every_success_published": all(t in found["published"] for t, _ in editor.succeeded),
        "last_publish_live": not completed or found["live_title"] == completed[-1],
        "live_row_matches_live_revision": found["live_title"] == found["live_revision_title"],
        "proxy_serves_live_title": served == found["live_title"],
        "webhooks_delivered": set(found["deliveries"]) <= {"succeeded"}
        and not found["not_received"],
        # A worker started again (after PostgreSQL went away) grows back to its predecessor's
        # size, not past it.
        "worker_memory_flat": highest_kb <= first_kb * 1.10 + 10_000,
    }
    return {
        "phase": phase,
        **result,
        "requests_per_second": round(result["requests"] / (result["duration_us"] / 1e6), 1),
        "fault_seconds": [
            round(fault_began - started, 1) if fault_began else None,
            round(fault_ended - started, 1) if fault_ended else None,
        ],
        "recovery_seconds": recovery,
        "publishes": {
            "succeeded": len(editor.succeeded),
            "failed": len(editor.failed),
            "failed_but_completed": sorted(set(editor.failed) & set(found["published"])),
            "failed_kept_as_draft": sorted(
                set(editor.failed) & (set(found["saved"]) - set(found["published"]))
            ),
        },
        "staleness_seconds": {
            "max": max((s for s in editor.staleness if s is not None), default=0),
            "never_fresh": sum(1 for s in editor.staleness if s is None),
            "all": editor.staleness,
        },
        "webhooks": {**found["deliveries"], "not_received": found["not_received"]},
        "worker_rss_kb": memory_kb,
        "worker_restarts": fleet.worker_restarts - restarts_before,
        "checks": checks,
        "passed": all(checks.values()),
    }


def check_mix(base: str, mix: list[str]) -> None:
    """Every GET of the mix answers 200 before the load starts (a wrong path fails here)."""
    for line in mix:
        method, path, *_ = line.split("\t")
        if method == "GET":
            with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
                if response.status != 200:
                    raise RuntimeError(f"{path} answered {response.status}")


def table(phases: list[dict[str, Any]]) -> str:
    rows = [
        f"{'phase':15} {'requests':>9} {'req/s':>7} {'p50':>8} {'p95':>8} {'p99':>8} "
        f"{'recover':>7} {'stale':>6} {'publish':>7} {'hooks':>5}  statuses / checks"
    ]
    for p in phases:
        failed = [name for name, ok in p["checks"].items() if not ok]
        publishes = f"{p['publishes']['succeeded']}/{p['publishes']['failed']}"
        rows.append(
            f"{p['phase']:15} {int(p['requests']):9d} {p['requests_per_second']:7.0f} "
            f"{p['p50_ms']:6.1f}ms {p['p95_ms']:6.1f}ms {p['p99_ms']:6.1f}ms "
            f"{int(p['recovery_seconds']):6d}s {p['staleness_seconds']['max']:5.1f}s "
            f"{publishes:>7} {p['webhooks'].get('succeeded', 0):5d}  "
            f"{p['statuses']} {'ok' if not failed else 'FAILED: ' + ', '.join(failed)}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("SOAK_SECONDS", 60)))
    parser.add_argument(
        "--connections", type=int, default=int(os.environ.get("SOAK_CONNECTIONS", 100))
    )
    parser.add_argument(
        "--publish-every", type=float, default=float(os.environ.get("SOAK_PUBLISH_EVERY", 3))
    )
    parser.add_argument(
        "--phases",
        default="steady,app-killed,postgres-down,redis-stopped,s3-stopped",
        help="comma-separated subset of the phases, in order",
    )
    args = parser.parse_args(argv)
    if (STATE_DIR / "state.json").exists():
        say("A fleet is already running (make fleet): stop it first; the soak starts its own.")
        return 1
    fleet = Fleet(env=SOAK_SETTINGS)
    phases: list[dict[str, Any]] = []
    out = BASE_DIR / "bench-results" / f"soak-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    report: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "seconds_per_phase": args.seconds,
        "connections": args.connections,
        "stale_bound_seconds": STALE_BOUND,
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip(),
        "load_average": os.getloadavg(),
        "phases": phases,
    }
    receiver = WebhookReceiver()
    memory = MemorySampler(fleet)
    with fleet.running():
        page_id = int(graphql(fleet.proxy_url, TITLE)["data"]["page"]["id"])
        mix = request_mix(fleet.proxy_url)
        check_mix(fleet.proxy_url, mix)
        (STATE_DIR / "soak-requests.txt").write_text("\n".join(mix) + "\n")
        fleet.manage(
            "shell",
            "-c",
            "from cms.partners.models import Partner, WebhookEndpoint; "
            "p, _ = Partner.objects.get_or_create(name='Soak receiver'); "
            f"WebhookEndpoint.objects.create(partner=p, url={receiver.url!r})",
        )
        memory.start()
        for phase in args.phases.split(","):
            phases.append(
                run_phase(
                    fleet,
                    phase,
                    args.seconds,
                    args.connections,
                    args.publish_every,
                    page_id,
                    receiver,
                    memory,
                )
            )
            out.write_text(json.dumps(report, indent=2))  # kept if a later phase fails
            say(table(phases[-1:]).splitlines()[1])
    print(table(phases))  # noqa: T201
    ok = all(p["passed"] for p in phases)
    say(f"Soak {'passed' if ok else 'FAILED'}; written to {out}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
