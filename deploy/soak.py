"""`make soak`: the fleet under load through Varnish, then under the same load while it breaks.

A benchmark, not a test: bounded in time (phases of SOAK_SECONDS, default 60, at
SOAK_CONNECTIONS, default 100), loopback only. wrk (deploy/soak.lua) drives a partner mix:
lists in three languages, details, search, 5% cache-busting POSTs; meanwhile an editor signs
in to the admin and publishes the home page every SOAK_PUBLISH_EVERY seconds (3), and checks
how long the proxy keeps serving the old title. Phases: steady; one app instance killed and
started again; PostgreSQL down for 10 s; Redis stopped for 20 s; the object store stopped for
20 s (the fleet's own private servers: nobody else's are touched).

Per phase it prints requests, status counts, p50/p95/p99, the longest time to recover, and
checks: no 5xx but 503 with no-store (and those only while PostgreSQL is down); no stale
answer past STALE_BOUND seconds after a publish; every publish the editor saw succeed is live
and none it saw fail is; the worker's memory flat. Writes bench-results/soak-<time>.json.
"""

from __future__ import annotations

import argparse
import http.cookies
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

#: Seconds after a publish within which the proxy must serve the new content: the worker picks
#: the purge task up within its 0.5 s interval, Varnish bans at once, and the next request
#: fetches from an instance (seconds under this load); the editor polls every 0.1 s.
STALE_BOUND = 10.0
LOCALES = ("en", "sl", "sv")
TITLE = 'query Title { page(urlPath: "/") { id title } }'
LISTS = {
    "calls": "calls(locale: $l, perPage: 20) { items { title slug deadline status } }",
    "news": "news(locale: $l, perPage: 10) { items { title slug date } }",
    "projects": "projects(locale: $l, perPage: 10) { items { title slug acronym } }",
    "conferences": "conferences(locale: $l, perPage: 10) { items { title slug startsAt } }",
}


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
    """The wrk request lines: 95% GETs (lists, details, search), 5% POSTs with a nonce."""
    lines = []
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

    def __init__(self, base: str, page_id: int, every: float) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.page_id = page_id
        self.every = every
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)
        self.stop_event = threading.Event()
        self.succeeded: list[tuple[str, float]] = []
        self.failed: list[str] = []
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
            title = f"Solidarity network (soak {os.getpid()}-{self.counter})"
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

    def _until_fresh(self, title: str, published: float) -> float:
        """Seconds after the publish of the last answer that still showed an older title.

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
        return round(last_stale - published, 2)


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


def run_phase(
    fleet: Fleet, phase: str, seconds: int, connections: int, every: float, page_id: int
) -> dict[str, Any]:
    say(f"Phase {phase}: {seconds} s at {connections} connections")
    worker_before = rss_kb(fleet.pid("worker"))
    restarts_before = fleet.worker_restarts
    editor = Editor(fleet.proxy_url, page_id, every)
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
    for when, action in actions:
        time.sleep(max(0.0, started + when - time.time()))
        action()
    output, _ = wrk.communicate(timeout=seconds + 60)
    editor.stop_event.set()
    editor.join(timeout=40)
    worker_after = rss_kb(fleet.pid("worker"))
    if not worker_after:  # exited just now: measure the one the fleet starts again
        time.sleep(3)
        worker_after = rss_kb(fleet.pid("worker"))
    line = next((line for line in output.splitlines() if line.startswith("SOAK ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{output}")
    result = json.loads(line[5:])
    fault_end = started + fault_at + fault_seconds
    recovery = round(max(0.0, result["last_error"] - fault_end)) if result["last_error"] else 0
    # Wait for the fleet to be whole again before the next phase.
    for number in (1, 2):
        fleet.wait_for_app(number)
    live = graphql(fleet.app_url(1), TITLE)["data"]["page"]["title"]
    last_success = editor.succeeded[-1][0] if editor.succeeded else None
    checks = {
        "no_5xx_except_503_no_store": result["bad_5xx"] == 0,
        "503_only_while_postgres_down": result["ok_503_no_store"] == 0 or phase == "postgres-down",
        "fresh_within_bound": all(s <= STALE_BOUND for s in editor.staleness),
        "last_success_live": last_success is None or live == last_success,
        "no_failed_publish_live": live not in editor.failed,
        # A worker started again (after PostgreSQL went away) is compared with its predecessor.
        "worker_memory_flat": worker_after <= worker_before * 1.5 + 20_000,
    }
    return {
        "phase": phase,
        **result,
        "requests_per_second": round(result["requests"] / (result["duration_us"] / 1e6), 1),
        "recovery_seconds": recovery,
        "publishes": {"succeeded": len(editor.succeeded), "failed": len(editor.failed)},
        "staleness_seconds": {
            "max": max(editor.staleness, default=0),
            "all": editor.staleness,
        },
        "worker_rss_kb": [worker_before, worker_after],
        "worker_restarts": fleet.worker_restarts - restarts_before,
        "checks": checks,
        "passed": all(checks.values()),
    }


def table(phases: list[dict[str, Any]]) -> str:
    rows = [
        f"{'phase':15} {'requests':>9} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} "
        f"{'recover':>7} {'stale':>6}  statuses / checks"
    ]
    for p in phases:
        failed = [name for name, ok in p["checks"].items() if not ok]
        rows.append(
            f"{p['phase']:15} {int(p['requests']):9d} {p['requests_per_second']:7.0f} "
            f"{p['p50_ms']:6.1f}ms {p['p95_ms']:6.1f}ms {p['p99_ms']:6.1f}ms "
            f"{int(p['recovery_seconds']):6d}s {p['staleness_seconds']['max']:5.1f}s  "
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
    fleet = Fleet()
    phases: list[dict[str, Any]] = []
    out = BASE_DIR / "bench-results" / f"soak-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    report: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "seconds_per_phase": args.seconds,
        "connections": args.connections,
        "stale_bound_seconds": STALE_BOUND,
        "phases": phases,
    }
    with fleet.running():
        page_id = int(graphql(fleet.proxy_url, TITLE)["data"]["page"]["id"])
        (STATE_DIR / "soak-requests.txt").write_text("\n".join(request_mix(fleet.proxy_url)) + "\n")
        for phase in args.phases.split(","):
            phases.append(
                run_phase(fleet, phase, args.seconds, args.connections, args.publish_every, page_id)
            )
            out.write_text(json.dumps(report, indent=2))  # kept if a later phase fails
            say(table(phases[-1:]).splitlines()[1])
    print(table(phases))  # noqa: T201
    ok = all(p["passed"] for p in phases)
    say(f"Soak {'passed' if ok else 'FAILED'}; written to {out}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
