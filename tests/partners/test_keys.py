"""API keys: sent as Bearer or X-API-Key, refused alike when unknown, revoked or expired."""

from __future__ import annotations

import logging
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest

from django.core.management import call_command
from django.utils import timezone

from cms.partners.keys import KEY_PREFIX, authenticate, create_key, rotate_key
from cms.partners.models import Partner, PartnerKey

from .conftest import api_post, key_record

INTROSPECTION = "{ __schema { queryType { name } } }"
INVALID = {
    "errors": [
        {
            "message": "The API key is not valid: it is unknown, revoked or expired.",
            "extensions": {"code": "INVALID_API_KEY"},
        }
    ]
}


def test_only_the_hash_and_a_prefix_are_stored(partner: Partner) -> None:
    record, key = create_key(partner)
    assert key.startswith(KEY_PREFIX)
    assert key not in record.key_hash
    assert key.startswith(record.prefix)
    assert len(record.prefix) < len(key) // 3


@pytest.mark.parametrize("header", ["Authorization", "X-API-Key"])
def test_a_valid_key_is_accepted_either_way(client: Any, key: str, header: str) -> None:
    value = f"Bearer {key}" if header == "Authorization" else key
    response = api_post(client, **{header: value})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}
    assert key_record(key).last_used_at is not None


def test_no_key_is_anonymous(client: Any, db: None) -> None:
    assert api_post(client).status_code == 200


@pytest.mark.parametrize("state", ["unknown", "revoked", "expired", "inactive partner"])
def test_unusable_keys_get_the_same_401(
    client: Any, partner: Partner, key: str, state: str, caplog: Any
) -> None:
    record = key_record(key)
    if state == "unknown":
        key = key[:-4] + "AAAA"
    elif state == "revoked":
        record.revoked_at = timezone.now()
        record.save()
    elif state == "expired":
        record.expires_at = timezone.now() - timedelta(seconds=1)
        record.save()
    else:
        partner.active = False
        partner.save()
    with caplog.at_level(logging.DEBUG):
        response = api_post(client, Authorization=f"Bearer {key}")
    assert response.status_code == 401
    assert response.json() == INVALID
    assert "no-store" in response["Cache-Control"]
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert key not in caplog.text
    assert record.prefix not in caplog.text


def test_required_key(client: Any, settings: Any, key: str) -> None:
    settings.CMS_API_REQUIRE_KEY = True
    response = api_post(client)
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "API_KEY_REQUIRED"
    assert api_post(client, X_API_Key=key).status_code == 200


def test_rotation_revokes_the_old_key(partner: Partner) -> None:
    old_record, old_key = create_key(partner, scopes={"preview"})
    new_record, new_key = rotate_key(old_record)
    assert new_record.scopes == {"preview"}
    assert authenticate(new_key).key_id == new_record.pk
    old_record.refresh_from_db()
    assert old_record.status() == "revoked"


def test_introspection_scope(client: Any, settings: Any, partner: Partner) -> None:
    settings.CMS_GRAPHQL_INTROSPECTION = False
    plain = create_key(partner)[1]
    scoped = create_key(partner, scopes={"introspection"})[1]
    assert "errors" in api_post(client, INTROSPECTION).json()
    assert "errors" in api_post(client, INTROSPECTION, X_API_Key=plain).json()
    answer = api_post(client, INTROSPECTION, X_API_Key=scoped).json()
    assert answer == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


def test_an_introspection_answer_is_never_served_to_callers_without_the_scope(
    client: Any, settings: Any, partner: Partner
) -> None:
    settings.CMS_GRAPHQL_INTROSPECTION = False
    settings.CMS_GRAPHQL_CACHE_SECONDS = 60
    plain = create_key(partner)[1]
    scoped = create_key(partner, scopes={"introspection"})[1]
    answer = api_post(client, INTROSPECTION, X_API_Key=scoped).json()
    assert answer == {"data": {"__schema": {"queryType": {"name": "Query"}}}}
    # The same text, asked next (GET, the cached path) by callers the schema is hidden from,
    # is refused again rather than answered from the scoped caller's cache entry.
    for headers in ({}, {"HTTP_X_API_KEY": plain}):
        response = client.get("/graphql/", {"query": INTROSPECTION}, **headers)
        assert "errors" in response.json(), response.headers.get("X-Cache")


def test_preview_scope(client: Any, settings: Any, partner: Partner) -> None:
    settings.CMS_PREVIEW_REQUIRES_KEY = True
    query = '{ page(token: "not-a-token") { id } }'
    plain = create_key(partner)[1]
    scoped = create_key(partner, scopes={"preview"})[1]
    for headers in ({}, {"X_API_Key": plain}):
        message = api_post(client, query, **headers).json()["errors"][0]["message"]
        assert "preview scope" in message
    message = api_post(client, query, X_API_Key=scoped).json()["errors"][0]["message"]
    assert message == "invalid or expired preview token"


def test_command_prints_the_key_once(partner: Partner) -> None:
    out, err = StringIO(), StringIO()
    call_command(
        "partner_key", "create", partner.name, "--scope", "preview", stdout=out, stderr=err
    )
    key = out.getvalue().strip()
    assert authenticate(key).partner_id == partner.pk
    assert key not in err.getvalue()
    record = PartnerKey.objects.get()
    assert record.scopes == {"preview"}
    listing = StringIO()
    call_command("partner_key", "list", partner.name, stdout=listing)
    assert record.prefix in listing.getvalue()
    assert key not in listing.getvalue()
