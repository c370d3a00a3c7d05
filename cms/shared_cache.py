"""The cache every worker shares: Redis settings that survive an outage, and the worker check.

Imported by the settings modules, so it imports nothing that needs configured settings.
"""

import argparse
import shlex
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Any

LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"


def redis_cache(url: str) -> dict[str, Any]:
    """The ``CACHES["default"]`` entry for the Redis at ``url``.

    An outage costs speed, never answers: django-redis then reads every key as missing and
    drops writes (``IGNORE_EXCEPTIONS``), so the API answers from the database and editors
    keep saving. Short timeouts bound what an unreachable Redis adds to a request.
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "solidarity",
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 1,
            "IGNORE_EXCEPTIONS": True,
        },
    }


def serving_workers(environ: Mapping[str, str], argv: Sequence[str]) -> int:
    """How many worker processes serve this configuration, as far as the process can tell.

    gunicorn's own command line (``-w``/``--workers``) wins over ``GUNICORN_CMD_ARGS``, which
    wins over ``WEB_CONCURRENCY`` (gunicorn's default, also set by many hosting platforms);
    otherwise 1. A ``workers =`` line in a gunicorn configuration file is not seen: set
    ``WEB_CONCURRENCY`` beside it.
    """
    found = [
        _workers_option(argv[1:]) if _is_gunicorn(argv) else None,
        _workers_option(shlex.split(environ.get("GUNICORN_CMD_ARGS", ""))),
        _positive_int(environ.get("WEB_CONCURRENCY")),
    ]
    return next((workers for workers in found if workers is not None), 1)


def local_cache_refusal(
    caches: Mapping[str, Mapping[str, Any]], workers: int, *, allowed: bool
) -> str | None:
    """Why production must not start with this cache and this many workers, or None."""
    backend = caches.get("default", {}).get("BACKEND", "")
    if allowed or workers <= 1 or backend != LOCAL_MEMORY:
        return None
    return (
        f"The cache is local to each process ({backend}) but {workers} workers will serve: "
        "each would keep its own cached responses and persisted queries (an Apollo client "
        "would get PersistedQueryNotFound from every worker but one). Set REDIS_URL to a "
        "Redis all workers share, or CMS_ALLOW_LOCAL_CACHE=true to accept per-worker "
        "caches (README, production notes)."
    )


def _is_gunicorn(argv: Sequence[str]) -> bool:
    if not argv:
        return False
    program = PurePath(argv[0])
    return program.name.startswith("gunicorn") or program.parent.name == "gunicorn"


def _workers_option(arguments: Sequence[str]) -> int | None:
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    parser.add_argument("-w", "--workers", type=int)
    try:
        known, _rest = parser.parse_known_args(list(arguments))
    except (argparse.ArgumentError, SystemExit):  # e.g. "-w" without a number
        return None
    return known.workers if known.workers and known.workers > 0 else None


def _positive_int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number > 0 else None
