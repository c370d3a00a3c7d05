"""Anonymous GET responses can be stored by nginx, Varnish or a CDN; staff responses cannot."""

import pytest

from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client
from django.utils.cache import cc_delim_re

pytestmark = pytest.mark.django_db

QUERY = {"query": '{ page(urlPath: "/") { title } }'}
PARTNER = "https://partner.example.org"


def vary(response: HttpResponse) -> set[str]:
    return {token.lower() for token in cc_delim_re.split(response.get("Vary", "")) if token}


@pytest.fixture(autouse=True)
def _partner_origin(settings) -> None:
    settings.CORS_ALLOWED_ORIGINS = [PARTNER]


@pytest.mark.parametrize("accept_language", [None, "sl", "sv,en;q=0.5"])
def test_anonymous_get_carries_no_cookie_and_varies_only_on_origin(
    client: Client, home, accept_language: str | None
) -> None:
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    for expected in ("miss", "hit"):
        response = client.get("/graphql/", QUERY, HTTP_ORIGIN=PARTNER, **headers)
        assert response.status_code == 200
        assert response["X-Cache"] == expected
        assert not response.cookies, response.cookies
        assert not response.has_header("Set-Cookie")
        assert vary(response) == {"origin"}
        assert "public" in response["Cache-Control"]
        assert response["Access-Control-Allow-Origin"] == PARTNER
        assert response.json()["data"]["page"]["title"] == "Solidarity network"


def test_production_introspection_rules_do_not_read_the_session(
    client: Client, home, settings
) -> None:
    # Without introspection for everyone, the view checks for staff: not by asking the session
    # of a request that carries no session cookie.
    settings.CMS_GRAPHQL_INTROSPECTION = False
    response = client.get("/graphql/", QUERY)
    assert response.status_code == 200
    assert vary(response) == {"origin"}


def test_a_revalidation_answers_304_without_a_cookie(client: Client, home) -> None:
    etag = client.get("/graphql/", QUERY)["ETag"]
    response = client.get("/graphql/", QUERY, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert not response.cookies
    assert vary(response) <= {"origin"}


def test_anonymous_post_sets_no_cookie_either(client: Client, home) -> None:
    response = client.post("/graphql/", QUERY, content_type="application/json")
    assert response.status_code == 200
    assert not response.cookies


def test_the_answer_does_not_follow_accept_language(client: Client, home) -> None:
    # Country names are translated by Django: they must come in the API's one language, never
    # in the browser's, or the first visitor's language would be cached for everyone.
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory

    CallPageFactory(parent=CallIndexPageFactory(parent=home), eligible_countries=["SI", "SE"])
    query = {"query": "{ calls { items { eligibleCountries { name } } } }"}
    answers = set()
    for language in ("sl", "sv", "en"):
        cache.clear()
        response = client.get("/graphql/", query, HTTP_ACCEPT_LANGUAGE=language)
        assert not response.has_header("Content-Language")
        answers.add(response.content)
    assert len(answers) == 1
    assert b"Slovenia" in answers.pop()


def test_staff_sessions_stay_private(admin_client: Client, home) -> None:
    response = admin_client.get("/graphql/", QUERY)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")
    assert "cookie" in vary(response)


def test_the_admin_still_sets_its_csrf_cookie(client: Client) -> None:
    response = client.get("/admin/login/")
    assert "csrftoken" in response.cookies
