"""Outbound HTTP to partner endpoints, safe against server-side request forgery.

The host is resolved once; every address it resolves to is checked (no loopback, link-local,
private, reserved or multicast address unless ``CMS_WEBHOOK_ALLOW_PRIVATE_TARGETS``); the
connection then goes to exactly the checked address, while the Host header, TLS SNI and the
certificate check keep the name. Resolving again at connect time, as an HTTP client does on
its own, would let a name that answers a public address to the check and a private one a
moment later (DNS rebinding) reach the inside of the network. No redirect is followed and
the whole attempt is bounded by ``CMS_WEBHOOK_TIMEOUT_SECONDS``: a socket timeout alone bounds
each read, so a receiver that drips a byte at a time would hold the worker for as long as it
likes; at the deadline the connection is shut.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
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
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. an unclosed "[" of an IPv6 host
        raise UnsafeTarget(f"{url!r} is not a valid URL") from exc
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


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A globally routable unicast address (an IPv4-mapped IPv6 address is judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_loopback
    )


@dataclass
class Sockets:
    """The sockets one attempt opened, so the deadline can shut them from another thread."""

    opened: list[socket.socket] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    expired: bool = False

    def add(self, sock: socket.socket | None) -> None:
        with self.lock:
            if sock is not None:
                self.opened.append(sock)
            if self.expired:
                self._shut(sock)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.opened:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket | None) -> None:
        if sock is None:
            return
        with contextlib.suppress(OSError):  # already closed
            sock.shutdown(socket.SHUT_RDWR)


def pool_for(
    target: Target, timeout: float, sockets: Sockets | None = None
) -> urllib3.HTTPConnectionPool:
    """A connection pool to the checked address that still speaks the name (SNI, cert)."""
    opened = sockets or Sockets()
    limits = urllib3.Timeout(total=timeout)

    class Connection(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            opened.add(self.sock)

    class SecureConnection(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            opened.add(self.sock)

    if target.scheme == "https":
        pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
            target.address,
            target.port,
            timeout=limits,
            retries=False,
            maxsize=1,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
        )
        pool.ConnectionCls = SecureConnection
        return pool
    pool = urllib3.HTTPConnectionPool(
        target.address, target.port, timeout=limits, retries=False, maxsize=1
    )
    pool.ConnectionCls = Connection
    return pool


@dataclass(frozen=True)
class Answer:
    """The receiver's status and the first bytes of its body."""

    status: int
    body: bytes


def post(url: str, body: bytes, headers: dict[str, str], *, read_bytes: int) -> Answer:
    """POST ``body`` to ``url`` through a pinned connection; redirects are answers, not
    followed. Raises :class:`UnsafeTarget` or one of :data:`TransportError`."""
    target = resolve_target(url)
    seconds = settings.CMS_WEBHOOK_TIMEOUT_SECONDS
    sockets = Sockets()
    pool = pool_for(target, seconds, sockets)
    deadline = threading.Timer(seconds, sockets.expire)
    deadline.daemon = True
    deadline.start()
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
        if sockets.expired:
            raise TimeoutError(f"timed out: no complete answer within {seconds:g} seconds")
        return Answer(response.status, content[:read_bytes])
    except TransportError:
        if sockets.expired:
            raise TimeoutError(
                f"timed out: no complete answer within {seconds:g} seconds"
            ) from None
        raise
    finally:
        deadline.cancel()
        pool.close()
