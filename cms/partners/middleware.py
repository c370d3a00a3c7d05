"""API keys and rate limits on the partner API (/graphql/, /feeds/, /sitemap.xml).

Runs before the view: a sent key is checked (401 when it names no usable key), the caller is
handed to the view through :func:`cms.partners.access.caller_of`, its key's prefix (never the
key) to the request's log line through :func:`cms.request_log.note_partner_key`, and the
``requests`` budget is spent. The ``uncached`` budget is spent where the work starts: feeds
here, GraphQL in the view once its response cache missed
(:func:`cms.partners.access.refuse_uncached_work`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from cms.client_address import client_address
from cms.partners import rate_limits
from cms.partners.access import CALLER_ATTRIBUTE
from cms.partners.endpoints import endpoint_of
from cms.partners.errors import json_error
from cms.partners.keys import ANONYMOUS, Caller, InvalidKey, authenticate, sent_key
from cms.request_log import note_partner_key

logger = logging.getLogger(__name__)


class PartnerAccessMiddleware:
    """Authenticates API keys and enforces rate limits on partner API requests."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        endpoint = endpoint_of(request.path_info)
        if endpoint is None:
            return self.get_response(request)
        caller_or_refusal = self._caller(request, endpoint)
        if isinstance(caller_or_refusal, HttpResponse):
            return caller_or_refusal
        caller = caller_or_refusal
        setattr(request, CALLER_ATTRIBUTE, caller)
        if not caller.anonymous:
            note_partner_key(caller.key_prefix)
        address = client_address(request)
        refusal = rate_limits.spend(caller, address, "requests")
        if refusal is None and endpoint == "feed":
            refusal = rate_limits.spend(caller, address, "uncached")
        if refusal is not None:
            return refusal
        response = self.get_response(request)
        if response.status_code != 429:
            for header, value in rate_limits.headers(caller, address).items():
                response[header] = value
        return response

    def _caller(self, request: HttpRequest, endpoint: str) -> Caller | HttpResponse:
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
