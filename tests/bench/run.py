"""`make bench`: the partner API under load, against Wagtail's REST API v2 and a trivial view.

Steps: create the benchmark database if missing, migrate, load the generated data set once
(tests/bench/generate.py), count SQL statements per request in-process, serve with gunicorn
(2 workers) on a free port of 127.0.0.1, drive each scenario with wrk, and write
``bench-results/latest.json`` and ``bench-results/latest.txt`` (plus timestamped copies).
docs/performance.md explains the scenarios and records the figures.

Every step is bounded: wrk runs for a fixed duration, subprocesses have timeouts, and all
traffic goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent.parent
WRK_DIR = Path(__file__).resolve().parent / "wrk"
RESULTS_DIR = BASE_DIR / "bench-results"
SETTINGS = "tests.bench.settings"
HOST = "127.0.0.1"
WORKERS = 2

GRAPHQL_QUERY = (
    'query { calls(locale: "en", perPage: 20) { items { title slug deadline status '
    "programme { name } translations { locale url } } pagination { total } } }"
)
REST_PATH = "/api/v2/pages/?type=calls.CallPage&locale=en&fields=title,slug,deadline&limit=20"


@dataclass(frozen=True)
class Scenario:
    """One load test: what wrk requests, and how the SQL count is taken in-process."""

    key: str
    title: str
    method: str
    path: str
    script: str

    def url(self, base: str) -> str:
        return base + self.path


SCENARIOS = [
    Scenario(
        "graphql_uncached",
        "GraphQL calls listing, uncached (POST)",
        "POST",
        "/graphql/",
        "graphql_post.lua",
    ),
    Scenario(
        "graphql_cached",
        "GraphQL calls listing, cached (GET)",
        "GET",
        "/graphql/?" + urllib.parse.urlencode({"query": GRAPHQL_QUERY}),
        "report.lua",
    ),
    Scenario("rest_v2", "Wagtail REST API v2 calls listing", "GET", REST_PATH, "report.lua"),
    Scenario("trivial", "Trivial Django JSON view", "GET", "/bench/trivial", "report.lua"),
]


class BenchError(RuntimeError):
    """A step failed; the message says which and what to do."""


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# --- Services --------------------------------------------------------------------------------


def ensure_database(url: str, reset: bool) -> None:
    """Create the benchmark database if it is missing (and drop it first with ``reset``)."""
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in ("postgres", "postgresql", "pgsql") or not name:
        raise BenchError(f"BENCH_DATABASE_URL must be a PostgreSQL URL naming a database: {url}")
    maintenance = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(maintenance, autocommit=True, connect_timeout=5) as connection:
            if reset:
                say(f"Dropping the benchmark database {name} (--reset).")
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                say(f"Creating the benchmark database {name}.")
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as exc:
        raise BenchError(
            f"PostgreSQL did not answer at {parts.hostname}:{parts.port or 5432} ({exc}). Start "
            "it, or point BENCH_DATABASE_URL at one."
        ) from exc


def check_redis(url: str) -> str:
    import redis

    try:
        return str(
            redis.Redis.from_url(url, socket_connect_timeout=2).info("server")["redis_version"]
        )
    except redis.RedisError as exc:
        raise BenchError(
            f"Redis did not answer at {url} ({exc}); the cached scenario needs it. Start it, "
            "or point BENCH_REDIS_URL at one."
        ) from exc


def find_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise BenchError("wrk is not installed; `make bench` installs it with apt-get.")
    return wrk


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def http(
    base: str, method: str, path: str, body: bytes | None = None, headers: dict | None = None
) -> tuple[int, dict[str, str], bytes]:
    """One request to the local server (the URL is always http://127.0.0.1:<port>)."""
    request = urllib.request.Request(  # noqa: S310 - base is http://127.0.0.1:<port>
        base + path, data=body, method=method, headers=headers or {}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Server:
    """gunicorn with the benchmark settings, started and stopped by this script only."""

    def __init__(self, port: int, log_path: Path) -> None:
        self.port = port
        self.base = f"http://{HOST}:{port}"
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [
            str(gunicorn),
            "cms.wsgi:application",
            "--workers",
            str(WORKERS),
            "--bind",
            f"{HOST}:{self.port}",
            "--pythonpath",
            str(BASE_DIR),
            "--log-level",
            "warning",
        ]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
        log = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603 - fixed argument list
            command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn exited at start; see {self.log_path}")
            try:
                status, _headers, _body = http(self.base, "GET", "/healthz")
            except OSError:
                status = 0
            if status == 200:
                return
            time.sleep(0.5)
        raise BenchError(f"gunicorn did not answer /healthz within 90 s; see {self.log_path}")

    def worker_pids(self) -> list[int]:
        if self.process is None:
            return []
        return children_of(self.process.pid)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


# --- CPU accounting (Linux /proc; empty elsewhere) ------------------------------------------


def children_of(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


@dataclass(frozen=True)
class CpuSnapshot:
    """CPU seconds used so far: by the machine, by each process, by this script's children."""

    at: float
    load: float
    machine_busy: float | None
    processes: dict[int, tuple[str, float]]
    children: float


def cpu_snapshot() -> CpuSnapshot:
    import resource

    ticks = os.sysconf("SC_CLK_TCK")
    processes: dict[int, tuple[str, float]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            head, tail = (entry / "stat").read_text().rsplit(")", 1)
        except OSError:
            continue  # the process ended meanwhile
        fields = tail.split()
        name = head.split("(", 1)[1]
        processes[int(entry.name)] = (name, (int(fields[11]) + int(fields[12])) / ticks)
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        machine_busy: float | None = (sum(values) - values[3] - values[4]) / ticks
    except (OSError, IndexError):
        machine_busy = None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return CpuSnapshot(
        at=time.monotonic(),
        load=os.getloadavg()[0],
        machine_busy=machine_busy,
        processes=processes,
        children=usage.ru_utime + usage.ru_stime,
    )


def cpu_report(before: CpuSnapshot, after: CpuSnapshot, workers: list[int]) -> dict[str, Any]:
    """Cores in use during a run: the machine, gunicorn's workers, PostgreSQL, Redis, wrk and
    everything else. PostgreSQL's share includes any other client of the same server."""
    wall = after.at - before.at

    def used(pids: list[int]) -> float:
        return sum(
            after.processes[pid][1] - before.processes.get(pid, ("", 0.0))[1]
            for pid in pids
            if pid in after.processes
        )

    def named(prefix: str) -> list[int]:
        return [pid for pid, (name, _s) in after.processes.items() if name.startswith(prefix)]

    seconds = {
        "gunicorn": used(workers),
        "postgres": used(named("postgres")),
        "redis": used(named("redis-server")),
        "wrk": after.children - before.children,
    }
    report: dict[str, Any] = {
        "wall_seconds": round(wall, 3),
        "cpu_seconds": {name: round(value, 3) for name, value in seconds.items()},
        "load_average_1min_before": round(before.load, 2),
        "load_average_1min_after": round(after.load, 2),
        **{f"{name}_cores": round(value / wall, 2) for name, value in seconds.items()},
    }
    if before.machine_busy is not None and after.machine_busy is not None:
        busy = (after.machine_busy - before.machine_busy) / wall
        report["machine_cores_busy"] = round(busy, 2)
        ours = sum(
            report[key] for key in ("gunicorn_cores", "postgres_cores", "redis_cores", "wrk_cores")
        )
        report["other_cores"] = round(max(busy - ours, 0.0), 2)
    return report


# --- Measurements ----------------------------------------------------------------------------


def graphql_body(nonce: str) -> bytes:
    return json.dumps({"query": GRAPHQL_QUERY, "variables": {"nonce": nonce}}).encode()


def check_response(key: str, status: int, headers: dict[str, str], body: bytes) -> None:
    """The scenario answers what it should: 200 and twenty calls, no GraphQL errors."""
    if status != 200:
        raise BenchError(f"{key}: HTTP {status}: {body[:300]!r}")
    data = json.loads(body)
    if key.startswith("graphql"):
        if data.get("errors"):
            raise BenchError(f"{key}: GraphQL errors: {data['errors']}")
        items = data["data"]["calls"]["items"]
    elif key == "rest_v2":
        items = data["items"]
    else:
        return
    if len(items) != 20:
        raise BenchError(f"{key}: expected 20 calls, got {len(items)}; is the data set loaded?")


def request_in_process(client: Any, scenario: Scenario, nonce: str) -> Any:
    if scenario.method == "POST":
        return client.post(scenario.path, graphql_body(nonce), content_type="application/json")
    return client.get(scenario.path)


def count_sql(scenarios: list[Scenario]) -> dict[str, int]:
    """SQL statements per request, in-process: one warm-up request, then one counted."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for scenario in scenarios:
        warm = request_in_process(client, scenario, "sql-warm-up")
        check_response(scenario.key, warm.status_code, dict(warm.headers), warm.content)
        with CaptureQueriesContext(connection) as queries:
            response = request_in_process(client, scenario, f"sql-{time.time_ns()}")
        check_response(scenario.key, response.status_code, dict(response.headers), response.content)
        counts[scenario.key] = len(queries)
    return counts


def preflight(base: str, scenarios: list[Scenario]) -> None:
    """Over HTTP, before any load: POSTs miss the cache, a repeated GET hits it."""
    keys = {scenario.key for scenario in scenarios}
    if "graphql_uncached" in keys:
        status, headers, body = http(
            base,
            "POST",
            "/graphql/",
            graphql_body("preflight"),
            {"Content-Type": "application/json"},
        )
        check_response("graphql_uncached", status, headers, body)
        if headers.get("X-Cache") == "hit":
            raise BenchError("graphql_uncached: a POST was answered from the response cache.")
    if "graphql_cached" in keys:
        cached = SCENARIOS[1]
        for _attempt in range(2):
            status, headers, body = http(base, "GET", cached.path)
            check_response(cached.key, status, headers, body)
        if headers.get("X-Cache") != "hit":
            raise BenchError(
                f"graphql_cached: the repeated GET was not a cache hit (X-Cache: "
                f"{headers.get('X-Cache')!r}); is GRAPHQL_CACHE_SECONDS above 0?"
            )
    for scenario in SCENARIOS[2:]:
        if scenario.key in keys:
            status, headers, body = http(base, "GET", scenario.path)
            check_response(scenario.key, status, headers, body)


def run_wrk(
    wrk: str,
    server: Server,
    scenario: Scenario,
    *,
    duration: int,
    threads: int,
    connections: int,
) -> dict[str, Any]:
    """One wrk run; returns its figures and what the CPUs did meanwhile."""
    command = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(WRK_DIR / scenario.script),
        scenario.url(server.base),
    ]
    env = {**os.environ, "BENCH_GRAPHQL_QUERY_JSON": json.dumps(GRAPHQL_QUERY)}
    workers = server.worker_pids()
    before = cpu_snapshot()
    completed = subprocess.run(  # noqa: S603 - fixed argument list
        command, capture_output=True, text=True, timeout=duration + 60, env=env, check=False
    )
    after = cpu_snapshot()
    line = next(
        (ln for ln in completed.stdout.splitlines() if ln.startswith("BENCH_RESULT ")), None
    )
    if completed.returncode != 0 or line is None:
        raise BenchError(
            f"wrk failed for {scenario.key} (exit {completed.returncode}):\n"
            f"{completed.stdout}\n{completed.stderr}"
        )
    result = json.loads(line.removeprefix("BENCH_RESULT "))
    seconds = result["duration_us"] / 1e6
    result["requests_per_second"] = result["requests"] / seconds
    cpu = result["cpu"] = cpu_report(before, after, workers)
    if result["requests"]:
        # Much less load-dependent than requests/s: what one request costs each service.
        for name in ("gunicorn", "postgres"):
            result[f"{name}_cpu_ms_per_request"] = round(
                cpu["cpu_seconds"][name] / result["requests"] * 1000, 2
            )
    return result


# --- Report ----------------------------------------------------------------------------------


def environment(redis_version: str) -> dict[str, Any]:
    import gunicorn

    import django
    from django.db import connection

    import wagtail

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor()
    wrk_version = subprocess.run(  # noqa: S603 - fixed argument list
        [find_wrk(), "-v"], capture_output=True, text=True, timeout=10, check=False
    ).stdout.splitlines()
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "gunicorn": gunicorn.__version__,
        "postgresql": postgres,
        "redis": redis_version,
        "wrk": wrk_version[0] if wrk_version else "",
    }


def ratios(results: dict[str, dict[str, Any]]) -> dict[str, float]:
    def rps(key: str) -> float:
        return results[key]["requests_per_second"]

    def p50(key: str) -> float:
        return results[key]["p50_us"]

    def cpu(key: str) -> float:
        return results[key].get("gunicorn_cpu_ms_per_request") or 0.0

    pairs = {
        "ours_over_rest_v2": ("graphql_uncached", "rest_v2"),
        "cached_over_trivial": ("graphql_cached", "trivial"),
        "cached_over_uncached": ("graphql_cached", "graphql_uncached"),
    }
    found: dict[str, float] = {}
    for name, (ours, theirs) in pairs.items():
        if ours not in results or theirs not in results:
            continue  # --only left one of the two out
        found[f"{name}_throughput"] = round(rps(ours) / rps(theirs), 2)
        if name != "cached_over_uncached":
            found[f"{name}_p50_latency"] = round(p50(ours) / p50(theirs), 2)
        if name == "cached_over_trivial" and cpu(theirs):
            found[f"{name}_worker_cpu_per_request"] = round(cpu(ours) / cpu(theirs), 2)
    return found


def table(report: dict[str, Any]) -> str:
    run = report["run"]
    lines = [
        f"Solidarity CMS benchmark, {report['finished_at']}",
        f"{report['environment']['cpu_count']} CPUs ({report['environment']['cpu_model']}); "
        f"gunicorn {WORKERS} sync workers; wrk -t{run['threads']} -c{run['connections']} "
        f"-d{run['duration_seconds']}s after a {run['warmup_seconds']} s warm-up.",
        f"Data set: {report['dataset']['counts'].get('pages')} pages "
        f"({report['dataset']['counts'].get('calls')} calls).",
        "",
        f"{'scenario':<40} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'SQL/req':>7} "
        f"{'CPU ms/req: gunicorn':>20} {'postgres':>8}   "
        f"{'cores: busy':>11} {'gunicorn':>8} {'postgres':>8} {'wrk':>4} {'other':>5}",
    ]
    for scenario in SCENARIOS:
        if scenario.key not in report["results"]:
            continue
        result = report["results"][scenario.key]
        cpu = result["cpu"]
        lines.append(
            f"{scenario.title:<40} {result['requests_per_second']:>7.1f} "
            f"{result['p50_us'] / 1000:>7.1f} {result['p95_us'] / 1000:>7.1f} "
            f"{report['sql_per_request'][scenario.key]:>7} "
            f"{result.get('gunicorn_cpu_ms_per_request', '-'):>20} "
            f"{result.get('postgres_cpu_ms_per_request', '-'):>8}   "
            f"{cpu.get('machine_cores_busy', '-'):>11} {cpu['gunicorn_cores']:>8} "
            f"{cpu['postgres_cores']:>8} {cpu['wrk_cores']:>4} {cpu.get('other_cores', '-'):>5}"
        )
    lines.append(
        f"cores: CPU cores in use during the run (the machine has "
        f"{report['environment']['cpu_count']}); other: every process not listed, such as other "
        "work on the machine. PostgreSQL's share includes its other clients, if any."
    )
    lines.append("")
    for name, value in report["ratios"].items():
        lines.append(f"{name.replace('_', ' ')}: {value}")
    return "\n".join(lines) + "\n"


def write_report(report: dict[str, Any]) -> Path:
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = report["finished_at"].replace(":", "").replace("-", "")
    text = table(report)
    for name in (f"bench-{stamp}", "latest"):
        (RESULTS_DIR / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
        (RESULTS_DIR / f"{name}.txt").write_text(text)
    return RESULTS_DIR / "latest.json"


# --- Main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reset", action="store_true", help="drop the benchmark database first")
    parser.add_argument("--duration", type=int, default=15, help="seconds per scenario")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured seconds first")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--only",
        action="append",
        choices=[scenario.key for scenario in SCENARIOS],
        help="run only this scenario (repeat for several; default: all)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.duration <= 120 or not 0 <= args.warmup <= 30:
        parser.error("--duration must be 1 to 120 seconds and --warmup 0 to 30.")
    args.scenarios = [s for s in SCENARIOS if not args.only or s.key in args.only]
    try:
        return bench(args)
    except BenchError as error:
        say(f"make bench: {error}")
        return 1


def bench(args: argparse.Namespace) -> int:
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    sys.path.insert(0, str(BASE_DIR))
    from tests.bench import settings as bench_settings

    wrk = find_wrk()
    ensure_database(bench_settings.BENCH_DATABASE_URL, args.reset)
    media = Path(bench_settings.MEDIA_ROOT).resolve()
    if args.reset and RESULTS_DIR.resolve() in media.parents:
        # The old data set's images; a MEDIA_ROOT outside bench-results/ is never deleted.
        shutil.rmtree(media, ignore_errors=True)
    redis_version = check_redis(bench_settings.BENCH_REDIS_URL)

    import django

    django.setup()
    from django.core.management import call_command

    from tests.bench.generate import ensure_dataset

    started = time.monotonic()
    say("== Migrating the benchmark database")
    call_command("migrate", interactive=False, verbosity=0)
    say(f"   done in {time.monotonic() - started:.0f} s")
    say("== Data set")
    dataset = ensure_dataset(log=say)
    if not dataset.skipped:
        say(f"   generated in {dataset.seconds['total']:.0f} s")

    # Bulk-loaded tables have no planner statistics until autovacuum gets to them; a production
    # database has them, so every run starts from fresh ones.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    say("== SQL statements per request (in-process, after one warm-up request)")
    sql = count_sql(args.scenarios)
    for key, count in sql.items():
        say(f"   {key}: {count}")

    server = Server(free_port(), RESULTS_DIR / "gunicorn.log")
    RESULTS_DIR.mkdir(exist_ok=True)
    say(f"== gunicorn ({WORKERS} workers) on {server.base}")
    results: dict[str, dict[str, Any]] = {}
    try:
        server.start()
        preflight(server.base, args.scenarios)
        for scenario in args.scenarios:
            say(f"== {scenario.title}")
            if args.warmup:
                run_wrk(
                    wrk,
                    server,
                    scenario,
                    duration=args.warmup,
                    threads=args.threads,
                    connections=args.connections,
                )
            result = run_wrk(
                wrk,
                server,
                scenario,
                duration=args.duration,
                threads=args.threads,
                connections=args.connections,
            )
            errors = {name: n for name, n in result["errors"].items() if n}
            if errors:
                raise BenchError(f"{scenario.key}: wrk counted errors {errors}; see gunicorn.log")
            results[scenario.key] = result
            say(
                f"   {result['requests_per_second']:.1f} req/s, p50 "
                f"{result['p50_us'] / 1000:.1f} ms, p95 {result['p95_us'] / 1000:.1f} ms, "
                f"cores busy {result['cpu'].get('machine_cores_busy', '-')}"
            )
    finally:
        server.stop()

    report = {
        "finished_at": datetime.datetime.now(tz=datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "run": {
            "duration_seconds": args.duration,
            "warmup_seconds": args.warmup,
            "threads": args.threads,
            "connections": args.connections,
            "gunicorn_workers": WORKERS,
            "scenarios": [scenario.key for scenario in args.scenarios],
        },
        "queries": {"graphql": GRAPHQL_QUERY, "rest_v2": REST_PATH},
        "environment": environment(redis_version),
        "dataset": dataset.as_dict(),
        "sql_per_request": sql,
        "results": results,
        "ratios": ratios(results),
    }
    path = write_report(report)
    say("")
    say(table(report))
    say(f"Written to {path} and {path.with_suffix('.txt')}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
