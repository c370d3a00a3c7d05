"""`make fleet`: the production layout on this machine, on loopback ports.

Varnish in front of two gunicorn instances of the production settings, a background worker
(`manage.py db_worker`), a private PostgreSQL cluster and Redis server of the fleet's own (so
that `make soak` can stop them without touching anyone else's), and moto_server as the
S3-compatible object store for media. State (data, logs, the ports) lives in `.fleet/`.

    python deploy/fleet.py up        start everything, print the addresses, wait for Ctrl-C
    python deploy/fleet.py status    print what runs, from .fleet/state.json

`deploy/soak.py` and `deploy/restore_drill.py` use :class:`Fleet` the same way.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STATE_DIR = BASE_DIR / ".fleet"
# Varnish and PostgreSQL run as their own users: their folders live where those users can go.
RUNTIME_DIR = Path(os.environ.get("FLEET_RUNTIME_DIR", "/tmp/solidarity-fleet"))  # noqa: S108
EDITOR = ("fleet-editor", "fleet-editor-password")
BUCKET = "media"
START_TIMEOUT = 90


def _port(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


@dataclass
class Ports:
    """Loopback ports of the fleet's services (FLEET_*_PORT override them)."""

    proxy: int = field(default_factory=lambda: _port("FLEET_PROXY_PORT", 8080))
    app1: int = field(default_factory=lambda: _port("FLEET_APP1_PORT", 8001))
    app2: int = field(default_factory=lambda: _port("FLEET_APP2_PORT", 8002))
    postgres: int = field(default_factory=lambda: _port("FLEET_POSTGRES_PORT", 55432))
    redis: int = field(default_factory=lambda: _port("FLEET_REDIS_PORT", 56379))
    s3: int = field(default_factory=lambda: _port("FLEET_S3_PORT", 55000))


def say(line: str) -> None:
    print(f"== {line}", flush=True)  # noqa: T201 (a command-line tool)


def as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def wait_for(url: str, timeout: float = START_TIMEOUT, accept: tuple[int, ...] = (200,)) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status in accept:
                    return
        except urllib.error.HTTPError as error:
            if error.code in accept:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")
        time.sleep(0.3)


class Fleet:
    """Starts, restarts and stops the fleet's processes."""

    def __init__(
        self, ports: Ports | None = None, name: str = "cms", env: dict[str, str] | None = None
    ) -> None:
        self.ports = ports or Ports()
        self.name = name
        #: Settings of every app process beyond the production layout's (the soak's).
        self.env = env or {}
        self.logs = STATE_DIR / "logs"
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.pg_data = RUNTIME_DIR / "pg"
        self.worker_restarts = 0
        self._stopping = threading.Event()
        self.varnish_dir = RUNTIME_DIR / "varnish"

    # --- Addresses and environment ------------------------------------------------------------

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.proxy}"

    def app_url(self, number: int) -> str:
        return f"http://127.0.0.1:{getattr(self.ports, f'app{number}')}"

    @property
    def database_url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.ports.postgres}/{self.name}"

    @property
    def s3_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.s3}"

    def secret_key(self) -> str:
        path = STATE_DIR / "secret_key"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(50))
            path.chmod(0o600)
        return path.read_text().strip()

    def environment(self, **overrides: str) -> dict[str, str]:
        """The production settings' environment of every app process of the fleet."""
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": self.secret_key(),
            "DATABASE_URL": self.database_url,
            "REDIS_URL": f"redis://127.0.0.1:{self.ports.redis}/0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": f"{self.proxy_url},https://127.0.0.1:{self.ports.proxy}",
            # Plain HTTP on loopback: the proxy says `X-Forwarded-Proto: https` for editors.
            "SECURE_SSL_REDIRECT": "false",
            "TRUSTED_PROXY_COUNT": "1",
            "REQUEST_ID_TRUSTED_PROXIES": "127.0.0.1",
            "WAGTAILADMIN_BASE_URL": self.proxy_url,
            "CMS_FRONTEND_URL": f"{self.proxy_url}/partner-site/",
            "STATIC_ROOT": str(STATE_DIR / "static"),
            "MEDIA_S3_BUCKET": BUCKET,
            "MEDIA_S3_ENDPOINT_URL": self.s3_url,
            "MEDIA_S3_REGION": "us-east-1",
            "MEDIA_S3_ACCESS_KEY_ID": "fleet",
            "MEDIA_S3_SECRET_ACCESS_KEY": "fleet-secret",
            "PROXY_PURGE_URLS": self.proxy_url,
            "METRICS_ENABLED": "true",
            "LOG_FORMAT": "json",
            "WEB_CONCURRENCY": "2",
            **self.env,
        }
        env.update(overrides)
        return env

    def manage(self, *args: str, env: dict[str, str] | None = None) -> None:
        # Set-up commands (the demo's hundreds of publishes) queue no purges: no proxy runs yet.
        subprocess.run(  # noqa: S603
            [str(BIN / "python"), "manage.py", *args],
            cwd=BASE_DIR,
            env=env or self.environment(PROXY_PURGE_URLS=""),
            check=True,
        )

    # --- Services -----------------------------------------------------------------------------

    def _spawn(self, key: str, command: list[str], env: dict[str, str] | None = None) -> None:
        log = (self.logs / f"{key}.log").open("ab")
        self.processes[key] = subprocess.Popen(  # noqa: S603
            command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )

    def start_postgres(self) -> None:
        if not (self.pg_data / "PG_VERSION").exists():
            say(f"PostgreSQL: a private cluster in {self.pg_data}")
            self.pg_data.mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(self.pg_data, "postgres")
            self.pg_data.chmod(0o700)
            subprocess.run(  # noqa: S603
                as_postgres(["initdb", "-D", str(self.pg_data), "-A", "trust", "-U", "postgres"]),
                check=True,
                stdout=subprocess.DEVNULL,
            )
        subprocess.run(  # noqa: S603
            as_postgres(
                [
                    "pg_ctl",
                    "-D",
                    str(self.pg_data),
                    "-l",
                    str(self.pg_data / "server.log"),
                    "-o",
                    f"-p {self.ports.postgres} -k /tmp -c listen_addresses=127.0.0.1",
                    "-w",
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def stop_postgres(self) -> None:
        subprocess.run(  # noqa: S603
            as_postgres(["pg_ctl", "-D", str(self.pg_data), "-m", "fast", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
        )

    def create_database(self, name: str) -> None:
        """Create database ``name`` on the fleet's cluster unless it exists."""
        exists = subprocess.run(  # noqa: S603
            [  # noqa: S607 (Debian's psql, from PATH)
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.ports.postgres),
                "-U",
                "postgres",
                "-tAc",
                f"SELECT 1 FROM pg_database WHERE datname = '{name}'",  # noqa: S608 (ours)
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not exists:
            subprocess.run(  # noqa: S603
                ["createdb", "-h", "127.0.0.1", "-p", str(self.ports.postgres), "-U", "postgres"]
                + [name],
                check=True,
            )

    def start_redis(self) -> None:
        self._spawn(
            "redis",
            ["redis-server", "--port", str(self.ports.redis), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
        )

    def start_s3(self) -> None:
        self._spawn("s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.ports.s3)])
        wait_for(self.s3_url + "/", accept=(200, 403, 404))
        self.s3_client().create_bucket(Bucket=BUCKET)

    def s3_client(self) -> Any:
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.s3_url,
            region_name="us-east-1",
            aws_access_key_id="fleet",
            aws_secret_access_key="fleet-secret",  # noqa: S106 (the local moto_server's)
        )

    def start_app(self, number: int) -> None:
        port = getattr(self.ports, f"app{number}")
        metrics_dir = RUNTIME_DIR / f"metrics-app{number}"
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(parents=True)
        env = self.environment(PROMETHEUS_MULTIPROC_DIR=str(metrics_dir))
        self._spawn(
            f"app{number}",
            [str(BIN / "gunicorn"), "cms.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "2", "--worker-class", "gthread", "--threads", "4"]
            + ["--timeout", "30", "--graceful-timeout", "5"]
            # Longer than Varnish's backend_idle_timeout (60 s): Varnish, not gunicorn, closes
            # an idle connection, so it never sends a request on one being closed.
            + ["--keep-alive", "75"]
            + ["--control-socket", str(RUNTIME_DIR / f"app{number}.ctl")],
            env=env,
        )

    def wait_for_app(self, number: int) -> None:
        wait_for(self.app_url(number) + "/healthz")

    def kill_app(self, number: int) -> None:
        """Kill an instance at once (SIGKILL to gunicorn and its workers)."""
        process = self.processes.pop(f"app{number}")
        for pid in _children(process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.kill()
        process.wait()

    def supervise_worker(self) -> None:
        """Start the worker again whenever it exits, as systemd's Restart=always would.

        db_worker exits when the database goes away (a restart of PostgreSQL).
        """
        while not self._stopping.wait(1):
            process = self.processes.get("worker")
            if process is not None and process.poll() is not None:
                self.worker_restarts += 1
                say(f"The worker exited ({process.returncode}); starting it again")
                self.start_worker()

    def start_worker(self) -> None:
        self._spawn(
            "worker",
            [
                str(BIN / "python"),
                "manage.py",
                "db_worker",
                "--backend",
                "webhooks",
                "--interval",
                "0.5",
            ]
            + ["--queue-name", "*"]
            + ["--no-startup-delay", "--no-reload"],
            env=self.environment(),
        )

    def start_proxy(self) -> None:
        vcl = (BASE_DIR / "deploy" / "varnish.vcl").read_text()
        vcl = vcl.replace("APP1_PORT", str(self.ports.app1)).replace(
            "APP2_PORT", str(self.ports.app2)
        )
        self.varnish_dir.mkdir(parents=True, exist_ok=True)
        rendered = RUNTIME_DIR / "varnish.vcl"
        rendered.write_text(vcl)
        self._spawn(
            "proxy",
            ["varnishd", "-F", "-n", str(self.varnish_dir), "-f", str(rendered)]
            + ["-a", f"127.0.0.1:{self.ports.proxy}", "-s", "malloc,256m"]
            + ["-T", "none", "-p", "ban_lurker_sleep=0.05"],
        )
        wait_for(self.proxy_url + "/healthz")

    def pid(self, key: str) -> int:
        return self.processes[key].pid

    # --- The whole fleet ----------------------------------------------------------------------

    def start(self) -> None:
        for folder in (STATE_DIR, self.logs, RUNTIME_DIR):
            folder.mkdir(parents=True, exist_ok=True)
        self.start_postgres()
        # moto keeps objects in memory: a fresh bucket needs a fresh database beside it, or
        # the database would name images the store no longer has.
        subprocess.run(  # noqa: S603
            ["dropdb", "--if-exists", "-h", "127.0.0.1", "-p", str(self.ports.postgres)]
            + ["-U", "postgres", self.name],
            check=True,
        )
        self.create_database(self.name)
        self.start_redis()
        self.start_s3()
        say("Migrating, loading the demo content, collecting static files")
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("load_demo", "--if-empty")
        self.manage("collectstatic", "--noinput", "-v", "0")
        self.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model; U = get_user_model(); "
            f"U.objects.filter(username={EDITOR[0]!r}).exists() or "
            f"U.objects.create_superuser({EDITOR[0]!r}, 'editor@example.org', {EDITOR[1]!r})",
        )
        self.start_app(1)
        self.start_app(2)
        self.start_worker()
        threading.Thread(target=self.supervise_worker, daemon=True).start()
        self.wait_for_app(1)
        self.wait_for_app(2)
        self.start_proxy()
        self.write_state()

    def stop(self) -> None:
        self._stopping.set()
        for key in ("proxy", "app1", "app2", "worker", "s3", "redis"):
            process = self.processes.pop(key, None)
            if process is None:
                continue
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.stop_postgres()
        (STATE_DIR / "state.json").unlink(missing_ok=True)
        say("The fleet is stopped")

    def write_state(self) -> None:
        state = {
            "ports": asdict(self.ports),
            "pids": {key: process.pid for key, process in self.processes.items()},
            "database_url": self.database_url,
            "proxy_url": self.proxy_url,
            "s3_url": self.s3_url,
        }
        (STATE_DIR / "state.json").write_text(json.dumps(state, indent=2))

    @contextlib.contextmanager
    def running(self) -> Iterator[Fleet]:
        try:
            self.start()
            yield self
        finally:
            self.stop()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["up", "status"])
    args = parser.parse_args(argv)
    if args.command == "status":
        path = STATE_DIR / "state.json"
        print(path.read_text() if path.exists() else "No fleet is running.")  # noqa: T201
        return 0
    fleet = Fleet()
    with fleet.running():
        say(f"Proxy (Varnish):  {fleet.proxy_url}/graphql/  (admin: {fleet.proxy_url}/admin/)")
        say(f"Instances:        {fleet.app_url(1)}  {fleet.app_url(2)}  (metrics at /metrics)")
        say(f"Object store:     {fleet.s3_url}/{BUCKET} (moto_server)")
        say(f"PostgreSQL:       {fleet.database_url}")
        say(f"Editor sign-in:   {EDITOR[0]} / {EDITOR[1]}")
        say(f"Logs:             {fleet.logs}/  (Ctrl-C stops the fleet)")
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    return 0


if __name__ == "__main__":
    sys.exit(main())
