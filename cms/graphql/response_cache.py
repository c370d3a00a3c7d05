"""Server-side cached GraphQL responses: one entry per query, read with the generation at once.

An entry is stored under a digest of what decides the answer (query, variables, operation
name, whether introspection is allowed) together with the content generation read before its
query ran and its ETag. A lookup reads the entry and the cached generation in one round trip
(``get_many``); the entry answers only when its generation is the current one, so a publish
makes every entry stale at once without deleting any (:mod:`cms.graphql.invalidation`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache

from cms.graphql.invalidation import GENERATION_CACHE_KEY, generation_cache_seconds

PREFIX = "graphql:response:"


@dataclass(frozen=True)
class CachedResponse:
    """A stored answer: the generation its content is of, its ETag and its body."""

    generation: int
    etag: str
    body: bytes


def response_key(
    query: str | None, variables: Any, operation_name: str | None, introspection: bool
) -> str:
    """The cache key of the answer to these parameters."""
    material = json.dumps(
        [query or "", variables or {}, operation_name or "", introspection],
        sort_keys=True,
        default=str,
    )
    return PREFIX + hashlib.sha256(material.encode()).hexdigest()


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def lookup(key: str) -> tuple[int | None, CachedResponse | None]:
    """The cached generation (None when it is not kept in the cache, or missing) and the entry
    under ``key`` (None when there is none), in one cache round trip."""
    keys = [key, GENERATION_CACHE_KEY] if generation_cache_seconds() > 0 else [key]
    found = cache.get_many(keys)
    generation = found.get(GENERATION_CACHE_KEY)
    return (
        generation if isinstance(generation, int) else None,
        _entry(found.get(key)),
    )


def cached_generation() -> int | None:
    """The generation in the cache; None when it is not kept there, or missing."""
    if generation_cache_seconds() <= 0:
        return None
    generation = cache.get(GENERATION_CACHE_KEY)
    return generation if isinstance(generation, int) else None


def store(key: str, generation: int, body: bytes, seconds: int) -> str:
    """Keep ``body`` (content of ``generation``) under ``key``; its ETag."""
    etag = etag_of(body)
    cache.set(key, (generation, etag, body), seconds)
    return etag


def _entry(value: Any) -> CachedResponse | None:
    # Anything else under the key (an older release's format) is a miss.
    if (
        isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[0], int)
        and isinstance(value[1], str)
        and isinstance(value[2], bytes)
    ):
        return CachedResponse(*value)
    return None
