"""The client's IP address, as sign-in throttling and the password-reset limit count it."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind ``CMS_TRUSTED_PROXY_COUNT`` proxies the address the outermost
    one saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with N
    trusted proxies the client is the N-th entry from the right; anything left of it was sent by
    the client and proves nothing. Behind a proxy, REMOTE_ADDR is the proxy itself and would put
    every visitor behind one address, so one attacker would lock everyone out.
    """
    proxies = settings.CMS_TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]
