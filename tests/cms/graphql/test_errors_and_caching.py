"""Errors never show internals; responses are cached and invalidated on publish."""

import logging

import pytest

from django.db import OperationalError
from django.test import Client, override_settings

from wagtail.models import Page

from cms.graphql.queries import PREVIEW_ERROR
from tests.cms.graphql.conftest import add_page

pytestmark = pytest.mark.django_db


def test_an_unexpected_exception_gives_a_generic_message_with_a_request_id(
    client: Client, home, monkeypatch, caplog
) -> None:
    def explode(locale):
        raise ValueError("secret internal detail")

    monkeypatch.setattr("cms.graphql.queries.locale_homes", explode)
    with caplog.at_level(logging.ERROR):
        response = client.post(
            "/graphql/",
            {"query": '{ page(urlPath: "/") { title } }'},
            content_type="application/json",
        )
    text = response.content.decode()
    assert "secret internal detail" not in text
    request_id = response["X-Request-ID"]
    assert f"quote request id {request_id}" in response.json()["errors"][0]["message"]
    assert any("secret internal detail" in (r.exc_text or "") for r in caplog.records)
    assert "no-store" in response["Cache-Control"]


def test_a_database_outage_is_503_and_never_cached(client: Client, home, monkeypatch) -> None:
    def down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr("cms.graphql.queries.locale_homes", down)
    response = client.post(
        "/graphql/", {"query": '{ page(urlPath: "/") { title } }'}, content_type="application/json"
    )
    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"]
    assert "could not connect" not in response.content.decode()


@pytest.mark.parametrize("token", ["garbage", "id=1:AAAAAA:BBBBBBBBBBBB", ""])
def test_bad_preview_tokens_all_give_the_same_plain_error(graphql, home, token) -> None:
    body = graphql("query($t: String) { page(token: $t) { title } }", {"t": token})
    assert body["errors"][0]["message"] == PREVIEW_ERROR


def test_expired_preview_token_gives_the_same_plain_error(graphql, home, settings) -> None:
    preview = home.create_page_preview()
    settings.CMS_PREVIEW_TOKEN_MAX_AGE = -1
    body = graphql("query($t: String) { page(token: $t) { title } }", {"t": preview.token})
    assert body["errors"][0]["message"] == PREVIEW_ERROR


def test_a_fresh_preview_token_returns_the_draft_privately(client: Client, home) -> None:
    home.title = "Draft home title"
    preview = home.create_page_preview()
    response = client.get(
        "/graphql/", {"query": f'{{ page(token: "{preview.token}") {{ title }} }}'}
    )
    assert response.json()["data"]["page"]["title"] == "Draft home title"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_get_responses_carry_etag_and_answer_304(client: Client, home) -> None:
    query = {"query": '{ page(urlPath: "/") { title } }'}
    first = client.get("/graphql/", query)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    again = client.get("/graphql/", query, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_server_side_cache_is_invalidated_on_publish(
    client: Client, home, django_capture_on_commit_callbacks
) -> None:
    query = {"query": '{ page(urlPath: "/") { children { title } } }'}
    assert client.get("/graphql/", query).json()["data"]["page"]["children"] == []
    cached = client.get("/graphql/", query)
    assert cached["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):  # invalidation waits for the commit
        add_page(home, "new-page")
    fresh = client.get("/graphql/", query)
    assert fresh["X-Cache"] == "miss"
    assert fresh.json()["data"]["page"]["children"] == [{"title": "New Page"}]


@pytest.mark.parametrize("change", ["unpublish", "delete", "move"])
def test_server_side_cache_is_invalidated_on_unpublish_delete_and_move(
    client: Client, home, change, django_capture_on_commit_callbacks
) -> None:
    page = add_page(home, "short-lived")
    other = add_page(home, "other-section")
    query = {"query": '{ page(urlPath: "/short-lived/") { title } }'}
    assert client.get("/graphql/", query).json()["data"]["page"] == {"title": "Short Lived"}
    with django_capture_on_commit_callbacks(execute=True):
        if change == "unpublish":
            page.unpublish()
        elif change == "delete":
            page.delete()
        else:
            Page.objects.get(pk=page.pk).move(other, pos="last-child")
    assert client.get("/graphql/", query).json()["data"]["page"] is None


def test_error_responses_are_never_cached(client: Client, home) -> None:
    response = client.get("/graphql/", {"query": '{ page(urlPath: "/", locale: "xx") { title } }'})
    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_persisted_query_by_hash(client: Client, home) -> None:
    import hashlib
    import json

    query = '{ page(urlPath: "/") { title } }'
    digest = hashlib.sha256(query.encode()).hexdigest()
    ext = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": digest}})
    unknown = client.get("/graphql/", {"extensions": ext})
    assert unknown.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    client.get("/graphql/", {"query": query, "extensions": ext})
    known = client.get("/graphql/", {"extensions": ext})
    assert known.json()["data"]["page"]["title"] == "Solidarity network"
    assert known.has_header("ETag")


@override_settings(CMS_GRAPHQL_INTROSPECTION=False, CMS_GRAPHQL_SUGGESTIONS=False)
def test_production_hides_introspection_and_suggestions_from_anonymous_callers(
    graphql, home
) -> None:
    body = graphql("{ __schema { types { name } } }")
    assert body["_status"] == 400
    assert "introspection" in body["errors"][0]["message"].lower()
    typo = graphql('{ page(urlPath: "/") { titel } }')
    assert "Did you mean" not in typo["errors"][0]["message"]


@override_settings(CMS_GRAPHQL_INTROSPECTION=False)
def test_staff_may_introspect_in_production(admin_client: Client, home) -> None:
    response = admin_client.post(
        "/graphql/",
        {"query": "{ __schema { queryType { name } } }"},
        content_type="application/json",
    )
    assert response.json()["data"]["__schema"]["queryType"]["name"] == "Query"


def test_server_side_cache_is_invalidated_when_a_collection_is_edited(
    client: Client, home, django_capture_on_commit_callbacks
) -> None:
    from wagtail.models import Collection

    query = {"query": '{ page(urlPath: "/") { title } }'}
    client.get("/graphql/", query)
    assert client.get("/graphql/", query)["X-Cache"] == "hit"

    # The admin's collection form saves the collection, then moves it if its parent changed.
    with django_capture_on_commit_callbacks(execute=True):
        Collection.get_first_root_node().add_child(name="Internal").save()

    assert client.get("/graphql/", query)["X-Cache"] == "miss"
