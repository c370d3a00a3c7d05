"""Public feeds under /feeds/: plugins register them, this module serves and bounds them.

A plugin adds a feed from its ``wagtail_hooks.py``::

    @hooks.register(FEEDS_HOOK)
    def calls_feeds() -> list[URLPattern]:
        return [path("calls.ics", feed_view(calls_calendar), name="calls_ics")]

The core names no plugin: it only includes what the hook returns. :func:`feed_view` applies
API keys and rate limits (:func:`cms.partners.access.partner_api`) to every feed, and a feed
URL whose view it did not make is refused at start-up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from csp.decorators import csp

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import URLPattern, URLResolver
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail import hooks
from wagtail.models import Locale

from cms.partners.access import GUARDED, partner_api
from cms.security_headers import API_POLICY

FEEDS_HOOK = "register_partner_feeds"

#: At most this many items in one feed: a feed is one response, bounded like every other.
MAX_FEED_ITEMS = 1000


class FeedArgumentError(ValueError):
    """A query parameter a feed cannot use; answered with 400 and this message."""


def feed_urlpatterns() -> list[URLPattern | URLResolver]:
    """Every plugin's feed URLs, for ``path("feeds/", include(...))``."""
    patterns: list[URLPattern | URLResolver] = []
    for register in hooks.get_hooks(FEEDS_HOOK):
        for pattern in register():
            if not isinstance(pattern, URLPattern) or not hasattr(pattern.callback, GUARDED):
                # Without keys and rate limits a feed would be an open door to the database.
                raise ImproperlyConfigured(
                    f"Feed URL {pattern!r} from {register.__module__}: serve it with "
                    "cms.partners.feeds.feed_view, which applies API keys and rate limits."
                )
            patterns.append(pattern)
    return patterns


def feed_locale(request: HttpRequest) -> Locale:
    """The ``locale`` parameter's locale (default: the default language)."""
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    code = (request.GET.get("locale") or settings.LANGUAGE_CODE).strip().lower()
    if code not in languages:
        raise FeedArgumentError(
            f"Parameter 'locale': unknown language {code!r}; use one of {', '.join(languages)}."
        )
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise FeedArgumentError(f"Parameter 'locale': language {code!r} is not set up yet.")
    return locale


def feed_view(
    build: Callable[[HttpRequest], tuple[bytes, str]],
) -> Callable[[HttpRequest], HttpResponse]:
    """A GET-only partner view around ``build`` (body and content type): API keys and rate
    limits, then the API's cache headers: public for ``CMS_GRAPHQL_CACHE_SECONDS``, an ETag,
    and 304 when it matches."""

    def view(request: HttpRequest, *args: Any, caller: Any = None, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
            return response
        try:
            body, content_type = build(request)
        except FeedArgumentError as error:
            response = HttpResponseBadRequest(str(error), content_type="text/plain")
            patch_cache_control(response, no_store=True)
            return response
        response = HttpResponse(body, content_type=content_type)
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=settings.CMS_GRAPHQL_CACHE_SECONDS)
        patch_vary_headers(response, ("Origin",))
        if etag in request.headers.get("If-None-Match", ""):
            response.status_code = 304
            response.content = b""
        return response

    view.__name__ = getattr(build, "__name__", "feed")
    view.__doc__ = build.__doc__
    return csp(API_POLICY)(partner_api("feed")(view))


def first(items: Iterable[Any], limit: int = MAX_FEED_ITEMS) -> list[Any]:
    """At most ``limit`` items (a queryset is sliced in the database)."""
    return list(items[:limit]) if hasattr(items, "__getitem__") else list(items)[:limit]
