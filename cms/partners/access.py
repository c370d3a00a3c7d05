"""API keys and rate limits on the partner API (/graphql/, /feeds/, /sitemap.xml).

:func:`partner_api` decorates each partner view where it is routed (``cms/urls.py``, and
:func:`cms.partners.feeds.feed_view` for every feed): a sent key is checked (401 when it names
no usable key), its prefix (never the key) goes to the request's log line through
:func:`cms.request_log.note_partner_key`, the ``requests`` budget is spent, and the view gets
the caller as its ``caller`` argument: nothing is hung on the request. The ``uncached`` budget
is spent where the work starts: feeds here, GraphQL in the view once its response cache missed
(:func:`refuse_uncached_work`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from cms.client_address import client_address
from cms.partners import rate_limits
from cms.partners.endpoints import Endpoint
from cms.partners.errors import json_error
from cms.partners.keys import ANONYMOUS, Caller, InvalidKey, authenticate, sent_key
from cms.partners.models import PartnerKey
from cms.request_log import note_partner_key

logger = logging.getLogger(__name__)

View = Callable[..., HttpResponse]

#: The attribute :func:`partner_api` marks the views it guards with (their endpoint).
GUARDED = "partner_endpoint"


def partner_api(endpoint: Endpoint) -> Callable[[View], View]:
    """Decorate a partner view: authenticate, spend the budgets, call the view with
    ``caller=`` (a :class:`cms.partners.keys.Caller`) and add the ``RateLimit`` headers."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            caller = _caller(request, endpoint)
            if isinstance(caller, HttpResponse):
                return caller
            if not caller.anonymous:
                note_partner_key(caller.key_prefix)
            meter = rate_limits.Meter(caller, client_address(request))
            refusal = meter.spend("requests")
            if refusal is None and endpoint == "feed":
                refusal = meter.spend("uncached")
            if refusal is not None:
                return refusal
            response = view(request, *args, caller=caller, **kwargs)
            if response.status_code != 429:
                for header, value in meter.headers().items():
                    response[header] = value
            return response

        setattr(guarded, GUARDED, endpoint)
        return guarded

    return decorate


def may_preview(caller: Caller) -> bool:
    """Whether ``caller`` may open drafts with ``page(token:)`` (a GraphQL resolver passes
    ``info.context.caller.partner``).

    With ``CMS_PREVIEW_REQUIRES_KEY`` (production) only a key with the preview scope may: a
    leaked preview link alone then shows nothing.
    """
    if not settings.CMS_PREVIEW_REQUIRES_KEY:
        return True
    return caller.may(PartnerKey.SCOPE_PREVIEW)


def refuse_uncached_work(caller: Caller, address: str) -> HttpResponse | None:
    """Spend the caller's ``uncached`` budget; the 429 to answer instead when it is spent."""
    return rate_limits.spend(caller, address, "uncached")


def _caller(request: HttpRequest, endpoint: Endpoint) -> Caller | HttpResponse:
    key = sent_key(request)
    if key is None:
        if endpoint == "graphql" and settings.CMS_API_REQUIRE_KEY:
            response = json_error(
                _(
                    "An API key is required: send it as 'Authorization: Bearer <key>' "
                    "or 'X-API-Key: <key>'."
                ),
                status=401,
                extensions={"code": "API_KEY_REQUIRED"},
            )
            response["WWW-Authenticate"] = 'Bearer realm="api"'
            return response
        return ANONYMOUS
    try:
        return authenticate(key)
    except InvalidKey:
        # The same answer for an unknown, a revoked and an expired key; the key itself is
        # never logged.
        response = json_error(
            _("The API key is not valid: it is unknown, revoked or expired."),
            status=401,
            extensions={"code": "INVALID_API_KEY"},
        )
        response["WWW-Authenticate"] = 'Bearer realm="api", error="invalid_token"'
        return response
    except DatabaseError:
        logger.exception("API key check: database unavailable")
        return json_error(
            _("The service is temporarily unavailable; try again shortly."),
            status=503,
            extensions={"code": "UNAVAILABLE"},
        )
