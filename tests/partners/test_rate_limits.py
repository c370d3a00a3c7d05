"""Rate limits: per address and per key, uncached work apart from cache hits, 429 + headers."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from types import SimpleNamespace
from typing import Any

import pytest

from django.test import Client

from cms.partners import rate_limits
from cms.partners.keys import create_key
from cms.partners.models import Partner

from .conftest import api_post


@pytest.fixture
def budgets(settings: Any) -> dict[str, dict[str, str]]:
    settings.CMS_RATE_LIMITS = {
        "anonymous": {"uncached": "2/minute", "requests": "6/minute"},
        "key": {"uncached": "4/minute", "requests": "10/minute"},
    }
    return settings.CMS_RATE_LIMITS


def distinct(client: Client, number: int, **headers: Any) -> Any:
    return api_post(client, f"query Q{number} {{ __typename }}", **headers)


def test_over_budget_is_429_with_headers(client: Client, db: None, budgets: Any) -> None:
    first = distinct(client, 1)
    assert first.status_code == 200
    assert first["RateLimit-Policy"] == '"requests";q=6;w=60, "uncached";q=2;w=60'
    assert first["RateLimit"].startswith('"requests";r=5;t=')
    assert '"uncached";r=1;t=' in first["RateLimit"]
    assert distinct(client, 2).status_code == 200
    refused = distinct(client, 3)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "no-store" in refused["Cache-Control"]
    assert '"uncached";r=0;t=' in refused["RateLimit"]
    error = refused.json()["errors"][0]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["limit"] == "uncached"
    assert "2 uncached requests per 60 seconds for this address" in error["message"]


def test_cache_hits_spend_only_the_request_budget(client: Client, db: None, budgets: Any) -> None:
    def get() -> Any:
        return client.get("/graphql/", {"query": "{ __typename }"}, headers={"Accept": "*/*"})

    statuses = [get() for _ in range(6)]
    assert [r.status_code for r in statuses] == [200] * 6
    assert [r.get("X-Cache") for r in statuses[:2]] == ["miss", "hit"]
    assert get().status_code == 429  # the seventh request passes the requests budget
    assert get().json()["errors"][0]["extensions"]["limit"] == "requests"


def test_keys_have_their_own_budget(client: Client, partner: Partner, budgets: Any) -> None:
    key = create_key(partner)[1]
    for number in range(2):
        distinct(client, number)
    assert distinct(client, 9).status_code == 429
    for number in range(4):
        assert distinct(client, number, X_API_Key=key).status_code == 200
    refused = distinct(client, 5, X_API_Key=key)
    assert refused.status_code == 429
    assert "for this API key" in refused.json()["errors"][0]["message"]


def test_partner_override(client: Client, partner: Partner, budgets: Any) -> None:
    partner.uncached_rate = "1/minute"
    partner.save()
    key = create_key(partner)[1]
    assert distinct(client, 1, X_API_Key=key)["RateLimit-Policy"].endswith('"uncached";q=1;w=60')
    assert distinct(client, 2, X_API_Key=key).status_code == 429


def test_forwarded_for_is_trusted_only_from_proxies(
    client: Client, db: None, budgets: Any, settings: Any
) -> None:
    for number in range(2):
        distinct(client, number, X_Forwarded_For=f"10.0.0.{number}")
    assert distinct(client, 3, X_Forwarded_For="10.0.0.9").status_code == 429
    settings.CMS_TRUSTED_PROXY_COUNT = 1
    rate_limits.reset()
    for number in range(4):
        assert distinct(client, number, X_Forwarded_For=f"10.0.0.{number}").status_code == 200


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("policy", ["allow", "refuse"])
def test_store_down_policy(
    client: Client, db: None, budgets: Any, settings: Any, caplog: Any, policy: str
) -> None:
    settings.CMS_RATE_LIMIT_STORAGE_URL = f"redis://127.0.0.1:{_unused_port()}/0"
    settings.CMS_RATE_LIMIT_STORE_DOWN = policy
    for once_a_minute in logging.getLogger("cms.partners.rate_limits").filters:
        once_a_minute.reset()
    with caplog.at_level(logging.WARNING, logger="cms.partners.rate_limits"):
        response = distinct(client, 1)
    assert "rate-limit store does not answer" in caplog.text
    if policy == "allow":
        assert response.status_code == 200
        assert "RateLimit" not in response
    else:
        assert response.status_code == 503
        assert response.json()["errors"][0]["extensions"]["code"] == "RATE_LIMIT_STORE_DOWN"


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_answers(), reason="needs Redis on 127.0.0.1:6379")
def test_counts_live_in_redis(client: Client, db: None, budgets: Any, settings: Any) -> None:
    import redis

    # TEST_REDIS_URL: a database of the shared Redis that nobody else writes to.
    settings.CMS_RATE_LIMIT_STORAGE_URL = os.environ.get(
        "TEST_REDIS_URL", "redis://127.0.0.1:6379/13"
    )
    rate_limits.reset()
    try:
        for number in range(2):
            assert distinct(client, number).status_code == 200
        assert distinct(client, 3).status_code == 429
        keys = redis.Redis.from_url(settings.CMS_RATE_LIMIT_STORAGE_URL).keys("solidarity-*")
        assert keys
    finally:
        rate_limits.reset()


def test_documented_defaults() -> None:
    from cms.settings import base

    assert base.CMS_RATE_LIMITS == {
        "anonymous": {"uncached": "60/minute", "requests": "1200/minute"},
        "key": {"uncached": "600/minute", "requests": "6000/minute"},
    }
    assert base.CMS_RATE_LIMIT_STORE_DOWN == "allow"


def test_an_ipv6_client_is_counted_by_its_64_prefix(client: Client, db: None, budgets: Any) -> None:
    """One host owns a whole /64: changing the interface id does not buy a fresh budget."""

    def from_address(number: int, address: str) -> int:
        query = f"query Q{number} {{ __typename }}"
        return client.post(
            "/graphql/", {"query": query}, content_type="application/json", REMOTE_ADDR=address
        ).status_code

    assert from_address(1, "2001:db8:1:2::1") == 200
    assert from_address(2, "2001:db8:1:2:aaaa:bbbb:cccc:dddd") == 200
    assert from_address(3, "2001:db8:1:2::ffff") == 429
    # The neighbouring /64 and IPv4 clients keep their own budgets.
    assert from_address(4, "2001:db8:1:3::1") == 200
    assert from_address(5, "192.0.2.1") == 200
    assert from_address(6, "192.0.2.2") == 200
    assert from_address(7, "192.0.2.2") == 200


FIRST_REQUESTS = """
import os, sys, threading
import django
django.setup()
from django.conf import settings
settings.CMS_RATE_LIMIT_STORAGE_URL = "redis://127.0.0.1:9/0"  # built, never connected
from cms.partners import rate_limits
assert "redis" not in sys.modules
barrier = threading.Barrier(16)
errors = []
def first_request():
    barrier.wait()
    try:
        rate_limits.limiter()
    except Exception as error:
        errors.append(repr(error))
threads = [threading.Thread(target=first_request) for _ in range(16)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(errors[:1])
"""


def test_the_first_requests_of_a_new_process_at_once_find_the_store() -> None:
    # A gthread worker just started (an instance restarted under load): its threads ask for
    # the store together while Redis's client is still being imported.
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", FIRST_REQUESTS],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == "[]"


def test_a_cache_hit_asks_the_store_twice(
    client: Client, db: None, budgets: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The requests budget's header comes from the count its incr returned; only the uncached
    # budget, which a hit does not spend, is read. Window ends are remembered.
    def get() -> Any:
        return client.get("/graphql/", {"query": "{ __typename }"}, headers={"Accept": "*/*"})

    assert get()["X-Cache"] == "miss"
    real = rate_limits.limiter()
    asked: list[str] = []

    class Counted:
        """The store, counting what the request asks of it (not what it does inside)."""

        def __getattr__(self, name: str) -> Any:
            attribute = getattr(real.storage, name)
            if name not in ("incr", "get", "get_expiry"):
                return attribute

            def ask(*args: Any, **kwargs: Any) -> Any:
                asked.append(name)
                return attribute(*args, **kwargs)

            return ask

    monkeypatch.setattr(rate_limits, "limiter", lambda: SimpleNamespace(storage=Counted()))
    hit = get()
    assert hit["X-Cache"] == "hit"
    assert sorted(asked) == ["get", "incr"]
    requests, uncached = hit["RateLimit"].split(", ")
    assert requests.startswith('"requests";r=4;t=')
    assert uncached.startswith('"uncached";r=1;t=')
    assert 55 <= int(requests.rsplit("=", 1)[1]) <= 60
    assert 55 <= int(uncached.rsplit("=", 1)[1]) <= 60
