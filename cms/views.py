"""Operational endpoints."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)
# Rate-limited in settings.LOGGING: a load balancer probes every few seconds.
cache_logger = logging.getLogger("cms.cache")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Report the database and the cache; only the database makes the service unavailable.

    Without the cache the API answers from the database and editors keep saving, only
    slower: that is "degraded" with 200, so a load balancer keeps sending traffic.
    """
    checks = {"database": _check_database(), "cache": _check_cache()}
    if checks["database"] != "ok":
        status, code = "unavailable", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "checks": checks}, status=code)


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
    except Exception as error:  # noqa: BLE001 (client errors vary by backend; any means down)
        cache_logger.warning("Health check: cache unavailable (%s)", type(error).__name__)
        return "degraded: cache did not answer"
    if not answered:
        # django-redis reports an outage as a miss (IGNORE_EXCEPTIONS) and logs it itself.
        return "degraded: cache did not keep a value"
    return "ok"
