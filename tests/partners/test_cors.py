"""CORS per partner: active partners' origins from the database, no restart."""

from __future__ import annotations

from typing import Any

from cms.partners.models import Partner

from .conftest import api_post

ALLOW = "Access-Control-Allow-Origin"


def preflight(client: Any, origin: str) -> Any:
    return client.options(
        "/graphql/",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-api-key, content-type",
        },
    )


def test_a_new_partners_origin_is_allowed_at_once(client: Any, db: None, settings: Any) -> None:
    settings.CORS_ALLOWED_ORIGINS = ["https://global.example"]
    origin = "https://new.example"
    assert ALLOW not in api_post(client, Origin=origin)
    partner = Partner.objects.create(name="New", allowed_origins=f"{origin}/\nhttps://b.example")
    assert api_post(client, Origin=origin)[ALLOW] == origin
    response = preflight(client, origin)
    assert response[ALLOW] == origin
    assert "x-api-key" in response["Access-Control-Allow-Headers"]
    assert api_post(client, Origin="https://global.example")[ALLOW] == "https://global.example"
    partner.active = False
    partner.save()
    assert ALLOW not in api_post(client, Origin=origin)


def test_partner_origins_open_only_the_api(client: Any, partner: Partner) -> None:
    response = client.get("/healthz", headers={"Origin": "https://lj.example"})
    assert ALLOW not in response


def test_limit_headers_are_exposed(client: Any, partner: Partner) -> None:
    response = api_post(client, Origin="https://lj.example")
    assert "RateLimit" in response["Access-Control-Expose-Headers"]


def test_origins_must_be_origins(db: None) -> None:
    import pytest

    from django.core.exceptions import ValidationError

    partner = Partner(name="Bad", allowed_origins="https://ok.example\nhttps://x.example/path")
    with pytest.raises(ValidationError):
        partner.full_clean()
