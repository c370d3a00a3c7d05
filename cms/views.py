"""Operational endpoints."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Report whether the database and the cache answer; 503 names the one that does not."""
    checks = {"database": _check_database(), "cache": _check_cache()}
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # Any driver error means "down"; the detail goes to the log only.
        logger.exception("Health check: database unavailable")
        return "unavailable: database did not answer"
    return "ok"


def _check_cache() -> str:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=5)
        answered = cache.get(key) == "1"
        cache.delete(key)
    except Exception:  # Redis client errors vary by version; the detail goes to the log only.
        logger.exception("Health check: cache unavailable")
        return "unavailable: cache did not answer"
    return "ok" if answered else "unavailable: cache did not keep a value"
