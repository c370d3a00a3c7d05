"""The content generation kept in the shared cache: a cache hit reads no SQL, a publish is seen
at once, and never later than ``CMS_GRAPHQL_GENERATION_CACHE_SECONDS`` when the cache write of
the new generation failed (cms/graphql/invalidation.py)."""

from __future__ import annotations

import os
import random
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from django.core.cache import cache, caches
from django.db.models import F
from django.test import Client

from wagtail.models import Page

from cms.graphql import invalidation
from cms.graphql.invalidation import GENERATION_CACHE_KEY, publish_generation
from cms.models import ContentGeneration
from cms.shared_cache import redis_cache
from tests.cms.graphql.conftest import add_page

CHILDREN = {"query": '{ page(urlPath: "/") { children { title } } }'}
SECONDS = 5


@pytest.fixture
def generation_cached(settings: Any) -> None:
    settings.CMS_GRAPHQL_GENERATION_CACHE_SECONDS = SECONDS


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[float], None]:
    """Moves the clock the caches read forward (no test waits)."""
    real = time.time
    offset = [0.0]
    monkeypatch.setattr(time, "time", lambda: real() + offset[0])

    def advance(seconds: float) -> None:
        offset[0] += seconds

    return advance


def ask(client: Client) -> tuple[str, str]:
    response = client.get("/graphql/", CHILDREN)
    assert response.status_code == 200, response.content
    return response["X-Cache"], response.content.decode()


def advance_in_another_process() -> None:
    """What a publish in another process leaves behind here: the row advanced, nothing else."""
    ContentGeneration.objects.filter(pk=ContentGeneration.ROW).update(value=F("value") + 1)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.django_db
def test_a_cache_hit_reads_no_sql(
    client: Client, home: Page, generation_cached: None, django_assert_num_queries: Any
) -> None:
    assert ask(client)[0] == "miss"
    with django_assert_num_queries(0):
        state, body = ask(client)
    assert state == "hit"
    assert "errors" not in body


@pytest.mark.django_db
def test_without_the_generation_in_the_cache_a_hit_reads_only_the_generation(
    client: Client, home: Page, generation_cached: None, django_assert_num_queries: Any
) -> None:
    ask(client)
    cache.delete(GENERATION_CACHE_KEY)  # expired, evicted, or Redis restarted
    with django_assert_num_queries(1) as captured:
        assert ask(client)[0] == "hit"
    assert "locale" not in captured.captured_queries[0]["sql"].lower()
    assert cache.get(GENERATION_CACHE_KEY) == invalidation.content_generation()


@pytest.mark.django_db
def test_a_publish_here_is_seen_at_once(
    client: Client,
    home: Page,
    generation_cached: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    ask(client)
    assert ask(client)[0] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        add_page(home, "fresh-news")
    state, body = ask(client)
    assert state == "miss"
    assert "Fresh News" in body


@pytest.mark.django_db
def test_a_publish_in_another_process_is_seen_within_the_bound(
    client: Client, home: Page, generation_cached: None, clock: Callable[[float], None]
) -> None:
    ask(client)
    assert ask(client)[0] == "hit"
    page = add_page(home, "elsewhere-news")  # committed elsewhere: this process heard nothing
    advance_in_another_process()
    clock(SECONDS - 1)
    assert ask(client)[0] == "hit"  # the bound: the generation read at most SECONDS ago
    clock(1.5)
    state, body = ask(client)
    assert state == "miss"
    assert page.title in body
    assert ask(client)[0] == "hit"


@pytest.mark.django_db
def test_a_failed_write_of_the_generation_keeps_no_stale_answer_beyond_the_bound(
    client: Client,
    home: Page,
    generation_cached: None,
    clock: Callable[[float], None],
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    ask(client)
    clock(SECONDS - 1)  # late in the life of the generation this process read
    assert ask(client)[0] == "hit"
    backend = caches["default"]
    real_set = backend.set
    # As django-redis with IGNORE_EXCEPTIONS drops a write while Redis blips.
    monkeypatch.setattr(
        backend,
        "set",
        lambda key, *args, **kwargs: (
            None if key == GENERATION_CACHE_KEY else real_set(key, *args, **kwargs)
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(home, "blip-news")
    assert ask(client)[0] == "hit"  # stale, within the bound
    clock(1.5)  # past the lifetime of the generation read before the publish
    state, body = ask(client)
    assert state == "miss"
    assert page.title in body


@pytest.mark.django_db
def test_with_redis_down_the_api_answers_from_the_database(
    client: Client, home: Page, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.CMS_GRAPHQL_GENERATION_CACHE_SECONDS = SECONDS
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{_closed_port()}/0")}
    assert ask(client)[0] == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(home, "down-news")
    state, body = ask(client)
    assert state == "miss"
    assert page.title in body


def test_racing_publishes_never_move_the_local_generation_backwards(settings: Any) -> None:
    settings.CMS_GRAPHQL_GENERATION_CACHE_SECONDS = SECONDS
    _race(publish_generation)
    publish_generation(3)
    assert cache.get(GENERATION_CACHE_KEY) == 200


@pytest.fixture
def shared_redis(settings: Any) -> Iterator[Any]:
    # TEST_REDIS_URL: a database of the shared Redis that nobody else writes to.
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
    settings.CACHES = {"default": redis_cache(url)}
    settings.CMS_GRAPHQL_GENERATION_CACHE_SECONDS = SECONDS
    caches["default"].delete(GENERATION_CACHE_KEY)
    yield caches["default"]
    caches["default"].delete(GENERATION_CACHE_KEY)


@pytest.mark.skipif(not _redis_answers(), reason="needs Redis on 127.0.0.1:6379")
def test_racing_publishes_never_move_the_redis_generation_backwards(shared_redis: Any) -> None:
    _race(publish_generation)
    publish_generation(3)
    assert shared_redis.get(GENERATION_CACHE_KEY) == 200
    assert 0 < shared_redis.ttl(GENERATION_CACHE_KEY) <= SECONDS
    # A reader's value from the database never replaces a publish's.
    invalidation.remember_generation(150)
    assert shared_redis.get(GENERATION_CACHE_KEY) == 200


def _race(publish: Callable[[int], None]) -> None:
    """Publishes 1..200 from eight threads, in shuffled order."""
    values = list(range(1, 201))
    random.Random(14).shuffle(values)  # noqa: S311 - an order, not a secret
    start = threading.Barrier(8)

    def run(share: list[int]) -> None:
        start.wait()
        for value in share:
            publish(value)

    threads = [threading.Thread(target=run, args=(values[n::8],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
