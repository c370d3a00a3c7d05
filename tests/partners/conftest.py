"""Partners, keys and a client that calls the API with a key."""

from __future__ import annotations

from typing import Any

import pytest

from cms.partners.keys import create_key
from cms.partners.models import Partner, PartnerKey

QUERY = "{ __typename }"


@pytest.fixture
def partner(db: None) -> Partner:
    return Partner.objects.create(
        name="Ljubljana", contact="web@ljubljana.example", allowed_origins="https://lj.example"
    )


@pytest.fixture
def key(partner: Partner) -> str:
    return create_key(partner, label="site")[1]


def api_post(client: Any, query: str = QUERY, **headers: Any) -> Any:
    return client.post(
        "/graphql/", {"query": query}, content_type="application/json", headers=headers
    )


def key_record(key: str) -> PartnerKey:
    from cms.partners.keys import hash_key

    return PartnerKey.objects.get(key_hash=hash_key(key))
