"""With Redis down, the API answers from the database, editors save, health says "degraded"."""

import logging
import socket
from typing import Any

import pytest

from django.test import Client

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.log_filters import RateLimitFilter
from cms.shared_cache import redis_cache

pytestmark = pytest.mark.django_db

QUERY = {"query": '{ page(urlPath: "/") { title } }'}


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down(settings: Any) -> None:
    """The production cache configuration, pointed at a Redis that is not there."""
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{_closed_port()}/0")}
    for log_filter in logging.getLogger(settings.DJANGO_REDIS_LOGGER).filters:
        if isinstance(log_filter, RateLimitFilter):
            log_filter.reset()


def test_graphql_admin_and_healthz_keep_working_without_redis(
    redis_down: None,
    client: Client,
    admin_client: Client,
    home: Page,
    caplog: pytest.LogCaptureFixture,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with caplog.at_level(logging.INFO):
        for _request in range(5):
            response = client.get("/graphql/", QUERY)
            assert response.status_code == 200
            assert response.json()["data"]["page"]["title"] == "Solidarity network"

        data = nested_form_data(
            {
                "title": "Renamed while Redis is down",
                "slug": home.slug,
                "intro": "",
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(f"/admin/pages/{home.pk}/edit/", data)
        assert response.status_code == 302, response.context and response.context["form"].errors
        assert client.get("/graphql/", QUERY).json()["data"]["page"]["title"] == (
            "Renamed while Redis is down"
        )

        for _probe in range(3):
            health = client.get("/healthz")
            assert health.status_code == 200
            body = health.json()
            assert body["status"] == "degraded"
            assert body["checks"]["database"] == "ok"
            assert body["checks"]["cache"].startswith("degraded")

    # One line for the whole outage (the first failure), not one per request or probe.
    cache_lines = [record for record in caplog.records if record.name == "cms.cache"]
    assert len(cache_lines) == 1, [record.getMessage() for record in cache_lines]
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == cache_lines


def test_sessions_and_cache_errors_are_configured_for_outages(settings: Any) -> None:
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS
    assert settings.DJANGO_REDIS_LOGGER == "cms.cache"
    assert redis_cache("redis://cache.internal:6379/0")["OPTIONS"]["IGNORE_EXCEPTIONS"] is True


def test_the_log_says_redis_is_down_once_per_interval() -> None:
    now = [1000.0]
    log_filter = RateLimitFilter(interval=60, clock=lambda: now[0])

    def record() -> logging.LogRecord:
        return logging.LogRecord(
            "django_redis.cache", logging.ERROR, __file__, 1, "Exception ignored", None, None
        )

    assert log_filter.filter(record())
    assert not any(log_filter.filter(record()) for _request in range(100))
    now[0] += 61
    later = record()
    assert log_filter.filter(later)
    assert "100 more like it" in later.getMessage()
