"""Outbound HTTP to partner endpoints, safe against server-side request forgery.

The host is resolved once; every address it resolves to is checked (no loopback, link-local,
private, reserved or multicast address unless ``CMS_WEBHOOK_ALLOW_PRIVATE_TARGETS``); the
connection then goes to exactly the checked address, while the Host header, TLS SNI and the
certificate check keep the name. Resolving again at connect time, as an HTTP client does on
its own, would let a name that answers a public address to the check and a private one a
moment later (DNS rebinding) reach the inside of the network. No redirect is followed and
the whole attempt is bounded by ``CMS_WEBHOOK_TIMEOUT_SECONDS``.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import urllib3
from urllib3.exceptions import HTTPError

from django.conf import settings

#: Errors of an attempt that may succeed later (timeouts, refused or reset connections).
TransportError = (HTTPError, OSError)

DEFAULT_PORTS = {"http": 80, "https": 443}


class UnsafeTarget(Exception):
    """The endpoint's address is not one the CMS may call."""


@dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (``address``) and what to call it (``host``)."""

    scheme: str
    host: str
    port: int
    address: str
    path: str

    @property
    def host_header(self) -> str:
        name = f"[{self.host}]" if ":" in self.host else self.host
        return name if self.port == DEFAULT_PORTS[self.scheme] else f"{name}:{self.port}"


def resolve_target(url: str) -> Target:
    """Resolve ``url``'s host once and check every address it has; the first one is used."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise UnsafeTarget(f"only http and https URLs are called, not {parts.scheme or url!r}")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as exc:
        raise UnsafeTarget(f"the port of {url!r} is not a number") from exc
    try:
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeTarget(f"the host {parts.hostname!r} does not resolve") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    if not addresses:
        raise UnsafeTarget(f"the host {parts.hostname!r} does not resolve")
    if not settings.CMS_WEBHOOK_ALLOW_PRIVATE_TARGETS:
        for address in addresses:
            if not is_public(address):
                raise UnsafeTarget(f"{parts.hostname} resolves to a non-public address ({address})")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Target(parts.scheme, parts.hostname, port, str(addresses[0]), path)


def check_target(url: str) -> None:
    """Refuse URLs other than http(s) and hosts that resolve to non-public addresses."""
    resolve_target(url)


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A globally routable unicast address (an IPv4-mapped IPv6 address is judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_loopback
    )


def pool_for(target: Target, timeout: float) -> urllib3.HTTPConnectionPool:
    """A connection pool to the checked address that still speaks the name (SNI, cert)."""
    limits = urllib3.Timeout(total=timeout)
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            target.address,
            target.port,
            timeout=limits,
            retries=False,
            maxsize=1,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
        )
    return urllib3.HTTPConnectionPool(
        target.address, target.port, timeout=limits, retries=False, maxsize=1
    )


@dataclass(frozen=True)
class Answer:
    """The receiver's status and the first bytes of its body."""

    status: int
    body: bytes


def post(url: str, body: bytes, headers: dict[str, str], *, read_bytes: int) -> Answer:
    """POST ``body`` to ``url`` through a pinned connection; redirects are answers, not
    followed. Raises :class:`UnsafeTarget` or one of :data:`TransportError`."""
    target = resolve_target(url)
    pool = pool_for(target, settings.CMS_WEBHOOK_TIMEOUT_SECONDS)
    try:
        response = pool.urlopen(
            "POST",
            target.path,
            body=body,
            headers={**headers, "Host": target.host_header},
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            content = response.read(read_bytes, decode_content=True) or b""
        finally:
            response.release_conn()
        return Answer(response.status, content[:read_bytes])
    finally:
        pool.close()
