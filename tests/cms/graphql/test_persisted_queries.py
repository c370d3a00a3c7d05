"""Automatic persisted queries: only queries that would run are stored, and not forever."""

import hashlib
import json
from typing import Any

import pytest

from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    cache.clear()


def extensions(query: str) -> str:
    digest = hashlib.sha256(query.encode()).hexdigest()
    return json.dumps({"persistedQuery": {"version": 1, "sha256Hash": digest}})


def by_hash(client: Client, query: str) -> dict[str, Any]:
    response = client.get("/graphql/", {"extensions": extensions(query)})
    body = response.json()
    body["_status"] = response.status_code
    return body


def register(client: Client, query: str) -> int:
    return client.get("/graphql/", {"query": query, "extensions": extensions(query)}).status_code


def assert_not_found(body: dict[str, Any]) -> None:
    error = body["errors"][0]
    assert error["message"] == "PersistedQueryNotFound"
    assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


def test_an_unknown_hash_says_not_found_with_apollos_code(client: Client, home) -> None:
    body = by_hash(client, '{ page(urlPath: "/") { title } }')
    assert_not_found(body)


def test_a_valid_query_is_stored_and_found_by_hash(client: Client, home) -> None:
    query = '{ page(urlPath: "/") { title } }'
    assert register(client, query) == 200
    assert by_hash(client, query)["data"]["page"]["title"] == "Solidarity network"


@pytest.mark.parametrize(
    "query",
    [
        "{ page(urlPath: ",  # does not parse
        "{ nosuchfield }",  # does not validate
        "{ " + " ".join(f'a{i}: call(slug: "x") {{ title }}' for i in range(21)) + " }",  # limit
        "mutation { __typename }",  # not a query
    ],
)
def test_queries_that_would_not_run_are_not_stored(client: Client, home, query) -> None:
    assert register(client, query) == 400
    assert_not_found(by_hash(client, query))


def test_stored_queries_expire(client: Client, home, settings, monkeypatch) -> None:
    settings.CMS_GRAPHQL_LIMITS = {**settings.CMS_GRAPHQL_LIMITS, "persisted_query_ttl": 600}
    stored: list[tuple[str, Any]] = []
    add = cache.add

    def spy(key: str, value: Any, timeout: Any = None, **kwargs: Any) -> bool:
        stored.append((key, timeout))
        return add(key, value, timeout, **kwargs)

    monkeypatch.setattr(cache, "add", spy)
    assert register(client, "{ __typename }") == 200
    digest = hashlib.sha256(b"{ __typename }").hexdigest()
    assert [timeout for key, timeout in stored if key.endswith(digest)] == [600]


def test_the_store_is_capped(client: Client, home, settings) -> None:
    settings.CMS_GRAPHQL_LIMITS = {**settings.CMS_GRAPHQL_LIMITS, "max_persisted_queries": 2}
    queries = ["{ __typename }", "{ t: __typename }", "{ u: __typename }"]
    for query in queries:
        assert register(client, query) == 200  # the query itself always runs
    assert "data" in by_hash(client, queries[0])
    assert "data" in by_hash(client, queries[1])
    assert_not_found(by_hash(client, queries[2]))


def test_registering_a_stored_query_again_does_not_use_up_the_cap(
    client: Client, home, settings
) -> None:
    settings.CMS_GRAPHQL_LIMITS = {**settings.CMS_GRAPHQL_LIMITS, "max_persisted_queries": 2}
    for _ in range(3):
        assert register(client, "{ __typename }") == 200
    assert register(client, "{ t: __typename }") == 200
    assert "data" in by_hash(client, "{ t: __typename }")


def test_a_hash_that_does_not_match_the_query_is_refused(client: Client, home) -> None:
    ext = extensions("{ __typename }")
    response = client.get("/graphql/", {"query": "{ t: __typename }", "extensions": ext})
    assert response.status_code == 400
    assert_not_found(by_hash(client, "{ t: __typename }"))
