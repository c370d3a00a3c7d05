"""Purge the caching proxy (Varnish, deploy/varnish.vcl) when the API's answers change.

The same event that advances the app's content generation (cms/graphql/invalidation.py) sends
one PURGE per cached path prefix (PROXY_PURGE_PATHS) to each proxy (PROXY_PURGE_URLS), through
wagtail.contrib.frontend_cache's backends, right after the commit; the VCL bans every cached
object under that prefix, whatever its query string. A proxy that does not answer within
PROXY_PURGE_TIMEOUT seconds, or answers an error, is logged (logger ``cms.proxy_purge``) and
never fails the editor's publish: the proxy's copies then expire after their max-age.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

logger = logging.getLogger("cms.proxy_purge")


class BoundedHTTPBackend(HTTPBackend):
    """frontend_cache's HTTP (Varnish) backend, with a time limit and every failure logged."""

    def __init__(self, params: dict[str, Any]) -> None:
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 2))
        self.location = params["LOCATION"]
        super().__init__(params)

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        target = urlunsplit(
            [self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment]
        )
        request = PurgeRequest(url=target, headers={"Host": parts.netloc or "localhost"})
        try:
            # The scheme and address come from PROXY_PURGE_URLS, not from a request.
            with urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                response.read()
        except HTTPError as error:
            logger.error(
                "Proxy purge of %s at %s failed: HTTP %s", parts.path, self.location, error.code
            )
        except OSError as error:  # refused, unreachable, timed out
            logger.error("Proxy purge of %s at %s failed: %s", parts.path, self.location, error)


def purge_proxies(**kwargs: Any) -> None:
    """Purge each proxy now, in the process that committed; failures are logged, never raised.

    Not through the background worker: a purge must not wait for it, nor for the database the
    worker polls (a publish just before a database outage would stay unpurged until it ends).
    Each proxy costs at most its TIMEOUT.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import get_backends

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    urls = [base + path for path in settings.CMS_PROXY_PURGE_PATHS]
    for name, backend in get_backends().items():
        try:
            backend.purge_batch(urls)
        except Exception:
            logger.exception("Proxy purge of %s through %s failed", ", ".join(urls), name)
