"""Rate limits on the partner API, counted with the ``limits`` library in a shared store.

Two budgets per caller: ``requests`` counts every request (cache hits included) and
``uncached`` counts the requests the response cache could not answer, the expensive ones. A
partner's key has its own budgets (the partner's override or ``CMS_RATE_LIMITS["key"]``); an
anonymous client is counted by its address (:func:`cms.client_address.client_address`, which
trusts X-Forwarded-For only from ``CMS_TRUSTED_PROXY_COUNT`` proxies), an IPv6 client by its
/64 prefix.

The counters live in ``CMS_RATE_LIMIT_STORAGE_URL`` (Redis when ``REDIS_URL`` is set, so every
worker spends the same budget; process memory otherwise). When the store does not answer,
``CMS_RATE_LIMIT_STORE_DOWN`` decides: ``allow`` (the default; logged once a minute) or
``refuse`` (503).

A request costs few round trips to the store: :class:`Meter` counts through the storage's
``incr``, which returns the new count, and remembers when each window ends (a fixed window's
end is set by its first hit and never moves), so the ``RateLimit`` header of a budget just spent
needs nothing more; a budget not spent (``uncached`` on a cache hit) costs one ``get``.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Literal

from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from limits.util import WindowStats

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _

from cms.partners.errors import json_error
from cms.partners.keys import Caller

logger = logging.getLogger(__name__)

BudgetName = Literal["requests", "uncached"]
BUDGETS: tuple[BudgetName, ...] = ("requests", "uncached")
#: An IPv6 client is counted by the /64 it sits in (RFC 6177: one end site gets at least one).
IPV6_PREFIX = 64
#: Window ends remembered per process; past this many (one per client and budget), forgotten.
MAX_REMEMBERED_WINDOWS = 10_000


@dataclass(frozen=True)
class Budget:
    """One budget of one caller: its name, its rate and whose it is."""

    name: BudgetName
    rate: RateLimitItem
    identifiers: tuple[str, ...]

    @property
    def key(self) -> str:
        """The counter's key in the store."""
        return self.rate.key_for(*self.identifiers)

    @property
    def description(self) -> str:
        return _("%(amount)d %(name)s requests per %(seconds)d seconds") % {
            "amount": self.rate.amount,
            "name": self.name,
            "seconds": self.rate.get_expiry(),
        }


class StoreDown(Exception):
    """The rate-limit store did not answer and the policy is to refuse."""


@functools.cache
def _limiter(url: str) -> FixedWindowRateLimiter:
    storage: Storage
    if url.startswith(("redis://", "rediss://")):
        # Short timeouts: an unreachable store adds at most a second to a request.
        storage = storage_from_string(
            url,
            wrap_exceptions=True,
            key_prefix="solidarity-ratelimit",
            socket_connect_timeout=0.5,
            socket_timeout=0.5,
        )
    else:
        storage = storage_from_string(url)
    return FixedWindowRateLimiter(storage)


#: One thread builds the store: ``limits`` imports its Redis client lazily and reads its
#: version, and a thread that finds the module half-imported by another reads "0.0.0" and
#: raises ConfigurationError (the first requests of a freshly started gthread worker).
_building = threading.Lock()


def limiter() -> FixedWindowRateLimiter:
    with _building:
        return _limiter(settings.CMS_RATE_LIMIT_STORAGE_URL)


def reset() -> None:
    """Forget every count (tests; an operator after changing budgets)."""
    _window_ends.clear()
    limiter().storage.reset()


#: When each window this process has seen ends (epoch seconds), by counter key.
_window_ends: dict[str, float] = {}


def _window_end(found: Budget, *, started: bool) -> float:
    """When ``found``'s current window ends: now plus its length when this request started it,
    else as remembered, else as the store says (one round trip, then remembered)."""
    now = time.time()
    if started:
        end = now + found.rate.get_expiry()
    else:
        end = _window_ends.get(found.key, 0.0)
        if end <= now:
            end = limiter().storage.get_expiry(found.key)
    if len(_window_ends) >= MAX_REMEMBERED_WINDOWS:
        _window_ends.clear()
    _window_ends[found.key] = end
    return end


class Meter:
    """One request's spending against its caller's budgets, and the headers reporting them."""

    def __init__(self, caller: Caller, address: str) -> None:
        self.caller = caller
        self.address = address
        self._spent: dict[BudgetName, WindowStats] = {}
        self._store_down = False

    def spend(self, name: BudgetName) -> HttpResponse | None:
        """Count one request against budget ``name``; the 429 (or 503) answer when over it."""
        found = budget(self.caller, self.address, name)
        if found is None:
            return None
        try:
            # FixedWindowRateLimiter.hit is this incr compared with the amount; the count also
            # gives the header its remaining requests.
            count = limiter().storage.incr(found.key, found.rate.get_expiry())
            end = _window_end(found, started=count == 1)
        except StorageError:
            self._store_down = True
            return _store_down()
        self._spent[name] = WindowStats(end, max(0, found.rate.amount - count))
        if count <= found.rate.amount:
            return None
        return too_many_requests(self.caller, self.address, found)

    def headers(self) -> dict[str, str]:
        """``RateLimit-Policy`` and ``RateLimit`` (draft-ietf-httpapi-ratelimit-headers) for
        every budget of the caller; empty when the store does not answer."""
        if self._store_down:
            return {}
        policies, states = [], []
        for name in BUDGETS:
            found = budget(self.caller, self.address, name)
            if found is None:
                continue
            stats = self._spent.get(name)
            if stats is None:
                try:
                    stats = _stats(found)
                except StorageError:
                    return {}
            window = found.rate.get_expiry()
            policies.append(f'"{name}";q={found.rate.amount};w={window}')
            reset_in = max(0, math.ceil(stats.reset_time - time.time()))
            states.append(f'"{name}";r={max(0, stats.remaining)};t={reset_in}')
        if not policies:
            return {}
        return {"RateLimit-Policy": ", ".join(policies), "RateLimit": ", ".join(states)}


def _stats(found: Budget) -> WindowStats:
    """The window of a budget this request has not spent: its count, one round trip."""
    count = limiter().storage.get(found.key)
    end = _window_end(found, started=False) if count else time.time()
    return WindowStats(end, max(0, found.rate.amount - count))


def budget(caller: Caller, address: str, name: BudgetName) -> Budget | None:
    """The budget ``name`` of this caller, or None when it is unlimited."""
    if caller.anonymous:
        rate = settings.CMS_RATE_LIMITS["anonymous"].get(name)
        identifiers = ("address", address_bucket(address))
    else:
        override = caller.uncached_rate if name == "uncached" else caller.request_rate
        rate = override or settings.CMS_RATE_LIMITS["key"].get(name)
        identifiers = ("key", str(caller.key_id))
    if not rate:
        return None
    return Budget(name, _parsed(rate), (name, *identifiers))


@functools.lru_cache(maxsize=64)
def _parsed(rate: str) -> RateLimitItem:
    """A rate string parsed once: every request reads the same few."""
    return parse(rate)


@functools.lru_cache(maxsize=4096)
def address_bucket(address: str) -> str:
    """Whose budget an address spends: an IPv4 address its own, an IPv6 address its /64's.

    One host (one customer line) gets a whole /64 and picks interface ids at will, so counting
    each IPv6 address apart would give one client 2**64 budgets.
    """
    try:
        parsed = ipaddress.ip_address(address.strip().split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, IPV6_PREFIX), strict=False))
    return str(parsed)


def spend(caller: Caller, address: str, name: BudgetName) -> HttpResponse | None:
    """Count one request against budget ``name``; the 429 (or 503) answer when over it."""
    return Meter(caller, address).spend(name)


def headers(caller: Caller, address: str) -> dict[str, str]:
    """The ``RateLimit`` headers of a caller that spent nothing in this request."""
    return Meter(caller, address).headers()


def too_many_requests(caller: Caller, address: str, found: Budget) -> HttpResponse:
    try:
        stats = _stats(found)
        retry_after = max(1, math.ceil(stats.reset_time - time.time()))
    except StorageError:
        retry_after = found.rate.get_expiry()
    whose = _("for this address") if caller.anonymous else _("for this API key")
    message = _("Rate limit exceeded: %(limit)s %(whose)s. Retry in %(seconds)d seconds.") % {
        "limit": found.description,
        "whose": whose,
        "seconds": retry_after,
    }
    response = json_error(
        message,
        status=429,
        extensions={
            "code": "RATE_LIMITED",
            "limit": found.name,
            "quota": found.rate.amount,
            "windowSeconds": found.rate.get_expiry(),
            "retryAfter": retry_after,
        },
    )
    response["Retry-After"] = str(retry_after)
    for header, value in headers(caller, address).items():
        response[header] = value
    return response


def _store_down() -> HttpResponse | None:
    policy = settings.CMS_RATE_LIMIT_STORE_DOWN
    logger.warning(
        "The rate-limit store does not answer; requests are %s (CMS_RATE_LIMIT_STORE_DOWN=%s).",
        "refused" if policy == "refuse" else "allowed unlimited",
        policy,
    )
    if policy != "refuse":
        return None
    response = json_error(
        _("The service is temporarily unavailable; try again shortly."),
        status=503,
        extensions={"code": "RATE_LIMIT_STORE_DOWN"},
    )
    response["Retry-After"] = "30"
    return response
