"""API keys: made once, shown once, stored as a hash; and the caller a request's key names."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from cms.partners.models import Partner, PartnerKey

#: Every key starts with this, so secret scanners and people recognise one.
KEY_PREFIX = "scms_"
#: Characters of the key kept in clear for display (the prefix above and a few more).
DISPLAY_CHARS = 12
#: A key's last use is written at most this often: reading the API stays free of writes.
LAST_USED_PRECISION = timedelta(minutes=1)


class InvalidKey(Exception):
    """A key was sent but names no usable key (unknown, revoked or expired: not told which)."""


@dataclass(frozen=True)
class Caller:
    """Who is calling the API: a partner's key or an anonymous client."""

    key_id: int | None = None
    #: The key's displayed prefix (``PartnerKey.prefix``): safe to log, unlike the key.
    key_prefix: str = ""
    partner_id: int | None = None
    partner_name: str = ""
    scopes: frozenset[str] = field(default_factory=frozenset)
    uncached_rate: str = ""
    request_rate: str = ""

    @property
    def anonymous(self) -> bool:
        return self.key_id is None

    def may(self, scope: str) -> bool:
        return scope in self.scopes


ANONYMOUS = Caller()


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(
    partner: Partner,
    *,
    label: str = "",
    scopes: frozenset[str] | set[str] = frozenset(),
    expires_at: datetime | None = None,
) -> tuple[PartnerKey, str]:
    """A new key for ``partner``: the stored row and the key itself, which is never stored."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    record = PartnerKey.objects.create(
        partner=partner,
        label=label,
        prefix=key[:DISPLAY_CHARS],
        key_hash=hash_key(key),
        scope_preview=PartnerKey.SCOPE_PREVIEW in scopes,
        scope_introspection=PartnerKey.SCOPE_INTROSPECTION in scopes,
        expires_at=expires_at,
    )
    return record, key


def revoke_key(record: PartnerKey) -> None:
    if record.revoked_at is None:
        record.revoked_at = timezone.now()
        record.save(update_fields=["revoked_at"])


@transaction.atomic
def rotate_key(record: PartnerKey) -> tuple[PartnerKey, str]:
    """Revoke ``record`` and make its successor with the same label, scopes and expiry."""
    revoke_key(record)
    return create_key(
        record.partner,
        label=record.label,
        scopes=record.scopes,
        expires_at=record.expires_at,
    )


def sent_key(request: HttpRequest) -> str | None:
    """The key in ``Authorization: Bearer`` or ``X-API-Key``, or None when neither is sent."""
    authorization = request.headers.get("Authorization", "")
    scheme, _space, value = authorization.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    api_key = request.headers.get("X-API-Key", "").strip()
    return api_key or None


def authenticate(key: str, now: datetime | None = None) -> Caller:
    """The caller ``key`` names; :class:`InvalidKey` when it names no usable key."""
    now = now or timezone.now()
    if not key.startswith(KEY_PREFIX) or len(key) > 200:
        raise InvalidKey
    record = (
        PartnerKey.objects.usable(now)
        .select_related("partner")
        .filter(key_hash=hash_key(key))
        .first()
    )
    if record is None:
        raise InvalidKey
    if record.last_used_at is None or record.last_used_at < now - LAST_USED_PRECISION:
        PartnerKey.objects.filter(pk=record.pk).update(last_used_at=now)
    return Caller(
        key_id=record.pk,
        key_prefix=record.prefix,
        partner_id=record.partner_id,
        partner_name=record.partner.name,
        scopes=record.scopes,
        uncached_rate=record.partner.uncached_rate,
        request_rate=record.partner.request_rate,
    )
