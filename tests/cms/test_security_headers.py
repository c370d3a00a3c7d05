"""Security headers: CSP per area, Referrer-Policy, HSTS as one switch, /healthz over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from django.test import Client

from tests.cms.settings_probe import read_settings

pytestmark = pytest.mark.django_db


def policy(response: Any) -> dict[str, list[str]]:
    """The response's Content-Security-Policy as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def production() -> dict[str, Any]:
    return read_settings(
        "cms.settings.production",
        ["SECURE_SSL_REDIRECT", "SECURE_REDIRECT_EXEMPT", "SECURE_HSTS_SECONDS"],
    )


def test_healthz_answers_plain_http_probes_under_the_https_redirect(
    client: Client, settings: Any, production: dict[str, Any]
) -> None:
    assert production["SECURE_SSL_REDIRECT"] is True
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = production["SECURE_REDIRECT_EXEMPT"]

    assert client.get("/healthz").status_code == 200
    redirected = client.get("/admin/login/")
    assert redirected.status_code == 301
    assert redirected["Location"] == "https://testserver/admin/login/"
    assert client.get("/graphql/?query={__typename}").status_code == 301


def test_hsts_is_off_until_switched_on_with_one_setting(
    client: Client, settings: Any, production: dict[str, Any]
) -> None:
    assert production["SECURE_HSTS_SECONDS"] == 0
    assert "Strict-Transport-Security" not in client.get("/healthz", secure=True)

    switched = read_settings(
        "cms.settings.production", ["SECURE_HSTS_SECONDS"], SECURE_HSTS_SECONDS="31536000"
    )
    settings.SECURE_HSTS_SECONDS = switched["SECURE_HSTS_SECONDS"]
    response = Client().get("/healthz", secure=True)  # middleware reads settings when loaded
    assert response["Strict-Transport-Security"] == "max-age=31536000"


def test_admin_pages_carry_a_policy_wagtail_works_under(client: Client, settings: Any) -> None:
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": "https://www.novomesto.si/razpisi/"}
    }
    response = client.get("/admin/login/")

    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]  # Wagtail's inline scripts
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    assert csp["frame-src"] == ["'self'", "https://www.novomesto.si"]  # the preview front end
    assert response["Referrer-Policy"] == "same-origin"


def test_the_api_allows_nothing_to_load_or_frame_it(client: Client) -> None:
    for response in (
        client.post("/graphql/", {"query": "{ __typename }"}, content_type="application/json"),
        client.get("/graphql/", {"query": "{ __typename }"}),
        client.get("/graphql/", {"query": "{ __typename }"}),  # from the response cache
    ):
        assert response.status_code == 200
        assert policy(response) == {
            "default-src": ["'none'"],
            "base-uri": ["'none'"],
            "form-action": ["'none'"],
            "frame-ancestors": ["'none'"],
        }
        assert response["Referrer-Policy"] == "same-origin"


def test_pages_outside_the_admin_get_no_inline_scripts(client: Client) -> None:
    csp = policy(client.get("/healthz"))
    assert csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]


def test_the_example_partner_site_works_under_the_strict_policy(
    client: Client, settings: Any
) -> None:
    settings.ROOT_URLCONF = "tests.browser.urls"
    for page in ("index.html", "call.html", "conference.html", "project.html"):
        response = client.get(f"/partner-site/{page}")
        assert response.status_code == 200
        assert policy(response)["script-src"] == ["'self'"]
        html = b"".join(response.streaming_content).decode()
        scripts = html.split("<script")[1:]
        assert scripts and all(' src="' in tag.split(">")[0] for tag in scripts), page


def test_graphiql_may_load_its_code_from_its_cdn(client: Client, settings: Any) -> None:
    response = client.get("/graphiql/")

    assert response.status_code == 200
    csp = policy(response)
    assert "https://unpkg.com" in csp["script-src"]
    assert "https://unpkg.com" in csp["style-src"]
    assert csp["connect-src"] == ["'self'"]
