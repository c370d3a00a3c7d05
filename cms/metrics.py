"""Prometheus metrics at /metrics (METRICS_ENABLED): requests, latencies, GraphQL operations,
response-cache hits and the task queue's depth.

Labels are bounded: routes are URL patterns, never paths; operation names past
MAX_OPERATION_NAMES distinct ones in a process count as "other". Under gunicorn each worker
keeps its own counts unless PROMETHEUS_MULTIPROC_DIR names a shared folder (prometheus-client's
multiprocess mode), which this view then reads.
"""

from __future__ import annotations

import os
import re
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse

MAX_OPERATION_NAMES = 200
_OPERATION_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")

REQUESTS = Counter("cms_http_requests", "HTTP requests answered", ["route", "method", "status"])
LATENCY = Histogram(
    "cms_http_request_duration_seconds",
    "Time to answer a request",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
OPERATIONS = Counter("cms_graphql_operations", "GraphQL operations executed", ["operation"])
RESPONSE_CACHE = Counter(
    "cms_graphql_response_cache", "GraphQL responses by server-side cache result", ["result"]
)
QUEUE_DEPTH = Gauge(
    "cms_task_queue_depth", "Background tasks waiting to run", multiprocess_mode="mostrecent"
)

_seen_operations: set[str] = set()


def observe_request(
    route: str, method: str, status: int, seconds: float, response: HttpResponse
) -> None:
    REQUESTS.labels(route, method[:10], str(status)).inc()
    LATENCY.labels(route).observe(seconds)
    cache = response.get("X-Cache")
    if cache in ("hit", "miss"):
        RESPONSE_CACHE.labels(cache).inc()


def observe_operation(name: str) -> None:
    OPERATIONS.labels(operation_label(name)).inc()


def operation_label(name: str) -> str:
    """The label for an operation name: bounded in length, in characters and in number."""
    if not _OPERATION_NAME.fullmatch(name):
        return "other"
    if name not in _seen_operations:
        if len(_seen_operations) >= MAX_OPERATION_NAMES:
            return "other"
        _seen_operations.add(name)
    return name


def _queue_depth() -> int | None:
    from django.apps import apps

    if not apps.is_installed("django_tasks_db"):
        return None
    from django_tasks_db.models import DBTaskResult

    try:
        return DBTaskResult.objects.ready().count()
    except DatabaseError:
        return None


def metrics_view(request: HttpRequest) -> HttpResponse:
    """The metrics in Prometheus' text format; 404 unless METRICS_ENABLED."""
    if not settings.CMS_METRICS_ENABLED:
        raise Http404
    depth = _queue_depth()
    if depth is not None:
        QUEUE_DEPTH.set(depth)
    registry: Any = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    response = HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response
