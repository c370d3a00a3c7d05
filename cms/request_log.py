"""One log line per request: method, path, status, duration, SQL statements, partner key prefix.

The request id is added by the logging configuration (django-guid's filter), as on every line.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.db import connections
from django.http import HttpRequest, HttpResponse

from cms import metrics

logger = logging.getLogger("cms.request")

#: The first characters of the partner key the request authenticated with, when it did.
_partner_key_prefix: ContextVar[str | None] = ContextVar("partner_key_prefix", default=None)


def note_partner_key(prefix: str) -> None:
    """Record the partner key prefix of the current request (for its log line)."""
    _partner_key_prefix.set(prefix)


class _StatementCounter:
    """Counts the statements one database connection runs (``execute_wrapper``)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable[..., Any], *args: Any) -> Any:
        self.count += 1
        return execute(*args)


class RequestLogMiddleware:
    """Logs each request once it is answered, and counts it for /metrics."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _partner_key_prefix.set(None)
        counter = _StatementCounter()
        started = time.perf_counter()
        try:
            with connections["default"].execute_wrapper(counter):
                response = self.get_response(request)
            duration = time.perf_counter() - started
            route = _route(request)
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "route": route,
                    "status": response.status_code,
                    "duration_ms": round(duration * 1000, 1),
                    "sql_count": counter.count,
                    "partner_key": _partner_key_prefix.get(),
                    "cache": response.get("X-Cache"),
                },
            )
            metrics.observe_request(
                route, request.method or "", response.status_code, duration, response
            )
            return response
        finally:
            _partner_key_prefix.reset(token)


def _route(request: HttpRequest) -> str:
    """The URL pattern that answered (bounded: never the path itself)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "static" if request.path.startswith("/static/") else "unmatched"
    return match.route or match.view_name or "unmatched"
