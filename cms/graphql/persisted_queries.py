"""Apollo automatic persisted queries: a query document stored under its sha256 hash.

A client sends ``extensions.persistedQuery.sha256Hash`` alone; if the document is unknown it
gets ``PersistedQueryNotFound`` and sends the hash with the document, which is stored once it
has parsed, validated and passed the limits. Storage is bounded: each document expires after
``persisted_query_ttl`` seconds, and at most ``max_persisted_queries`` are stored per such
window, so no more than twice that many are ever kept.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from typing import Any

from graphene_django.views import HttpError

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

from cms.graphql.limits import Limits

HASH = re.compile(r"[0-9a-f]{64}")
PREFIX = "graphql:persisted:"


class PersistedQueryNotFound(HttpError):
    """The hash names no stored document; Apollo clients then resend the document."""

    #: Apollo clients recognise the error by this code (older ones by the message).
    extensions = {"code": "PERSISTED_QUERY_NOT_FOUND"}

    def __init__(self) -> None:
        super().__init__(HttpResponse(status=200), message="PersistedQueryNotFound")


def _bad_request(message: str) -> HttpError:
    return HttpError(HttpResponseBadRequest(message))


def requested_hash(request: HttpRequest, data: Any) -> str | None:
    """The sha256 hash the request names in ``extensions.persistedQuery``, if any."""
    extensions = request.GET.get("extensions") or data.get("extensions")
    if extensions is None:
        return None
    if isinstance(extensions, str):
        try:
            extensions = json.loads(extensions)
        except (ValueError, RecursionError) as exc:
            raise _bad_request(_("extensions is not valid JSON.")) from exc
    if not isinstance(extensions, dict):
        raise _bad_request(_("extensions must be a JSON object."))
    persisted = extensions.get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, dict):
        raise _bad_request(_("extensions.persistedQuery must be a JSON object."))
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or not HASH.fullmatch(digest.lower()):
        raise _bad_request(
            _("extensions.persistedQuery.sha256Hash must be 64 hexadecimal characters.")
        )
    return digest.lower()


def resolve(request: HttpRequest, data: Any, query: str | None) -> str | None:
    """The query to run: the one sent (checked against its hash) or the stored one."""
    digest = requested_hash(request, data)
    if digest is None:
        return query
    if query:
        if hashlib.sha256(query.encode()).hexdigest() != digest:
            raise _bad_request(_("persistedQuery sha256Hash does not match the query."))
        return query
    stored = cache.get(PREFIX + digest)
    if not isinstance(stored, str):
        raise PersistedQueryNotFound
    return stored


def remember(request: HttpRequest, data: Any, query: str, limits: Limits) -> None:
    """Store a document the client sent with its hash; call only once it would run."""
    digest = requested_hash(request, data)
    if digest is None or not (request.GET.get("query") or data.get("query")):
        return
    ttl = max(1, limits.persisted_query_ttl)
    counter = f"{PREFIX}stored:{int(time.time() // ttl)}"
    if (cache.get(counter) or 0) >= limits.max_persisted_queries:
        return  # the query still runs; the client sends it in full until a new window
    if cache.add(PREFIX + digest, query, timeout=ttl):
        # Outlives its window, so documents stored near its end are still counted.
        cache.add(counter, 0, timeout=2 * ttl)
        try:
            cache.incr(counter)
        except ValueError:  # evicted between the two calls: count afresh
            cache.set(counter, 1, timeout=2 * ttl)
