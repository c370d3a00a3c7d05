"""Production refuses a per-process cache behind several workers unless told otherwise."""

import os
import socket
import subprocess
import sys

import pytest

from django.conf import settings

from cms.shared_cache import serving_workers

REFUSAL = "CMS_ALLOW_LOCAL_CACHE"


@pytest.mark.parametrize(
    ("environ", "argv", "workers"),
    [
        ({}, ["manage.py", "runserver"], 1),
        ({"WEB_CONCURRENCY": "4"}, ["manage.py", "publish_scheduled"], 4),
        ({}, ["/srv/.venv/bin/gunicorn", "cms.wsgi", "--workers", "3"], 3),
        ({}, ["/srv/.venv/bin/gunicorn", "-w3", "cms.wsgi"], 3),
        ({}, ["/srv/.venv/bin/gunicorn", "--workers=2", "--bind", "0.0.0.0:80"], 2),
        ({"GUNICORN_CMD_ARGS": "--bind 0.0.0.0:80 -w 5"}, ["gunicorn", "cms.wsgi"], 5),
        ({"WEB_CONCURRENCY": "4"}, ["gunicorn", "cms.wsgi", "-w", "1"], 1),
        ({}, ["/usr/lib/python3/site-packages/gunicorn/__main__.py", "-w", "2"], 2),
        ({"WEB_CONCURRENCY": "not a number"}, ["manage.py"], 1),
    ],
)
def test_serving_workers_reads_gunicorn_and_web_concurrency(
    environ: dict[str, str], argv: list[str], workers: int
) -> None:
    assert serving_workers(environ, argv) == workers


#: What the developer's own shell may set that would decide these tests for them.
DEPLOYMENT = ("REDIS_URL", "WEB_CONCURRENCY", "GUNICORN_CMD_ARGS", "CMS_ALLOW_LOCAL_CACHE")


def _production_env(**environ: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in DEPLOYMENT}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY="x", **environ)
    return env


def _production(**environ: str) -> subprocess.CompletedProcess[str]:
    env = _production_env(**environ)
    return subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; settings.CACHES"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_a_local_memory_cache_with_several_workers() -> None:
    refused = _production(WEB_CONCURRENCY="3")
    assert refused.returncode != 0
    assert REFUSAL in refused.stderr
    assert "REDIS_URL" in refused.stderr


@pytest.mark.parametrize(
    "environ",
    [
        {"WEB_CONCURRENCY": "1"},
        {"WEB_CONCURRENCY": "3", "CMS_ALLOW_LOCAL_CACHE": "true"},
        {"WEB_CONCURRENCY": "3", "REDIS_URL": "redis://127.0.0.1:6379/0"},
    ],
)
def test_production_starts_with_one_worker_redis_or_explicit_permission(
    environ: dict[str, str],
) -> None:
    started = _production(**environ)
    assert started.returncode == 0, started.stderr


def test_gunicorn_with_two_workers_and_no_redis_does_not_start(tmp_path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = _production_env()
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    result = subprocess.run(  # noqa: S603 (the project's own gunicorn)
        [gunicorn, "cms.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert REFUSAL in result.stderr
