"""A request the database failed is answered plainly: nothing was changed, and a request id.

An admin request is one transaction (``cms.admin_transactions``), rolled back when its view
raised, so a publish whose last statement failed leaves nothing behind; the editor is told
exactly that, never shown a 500 after a half-done publish. An outage or a timeout
(``OperationalError``, e.g. PostgreSQL's ``statement_timeout``) answers 503; any other database
error 500, with the same page.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.request_id import current_request_id

logger = logging.getLogger(__name__)

#: The GraphQL endpoint answers JSON, whatever the client accepts.
JSON_URL_NAMES = frozenset({"grapple_graphql"})


class DatabaseErrorMiddleware:
    """Turn a database error raised by a view into a clear 503 (or 500) with a request id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DatabaseError):
            return None
        outage = isinstance(exception, OperationalError | InterfaceError)
        if not outage and settings.DEBUG:
            return None  # a developer wants the traceback of a failing query
        request_id = current_request_id()
        logger.error(
            "Request %s (%s %s): database error; the transaction was rolled back",
            request_id,
            request.method,
            request.path,
            exc_info=exception,
        )
        status = 503 if outage else 500
        changing = request.method not in ("GET", "HEAD", "OPTIONS")
        if _wants_json(request):
            response = _json_response(request_id, status, changing)
        else:
            response = _page_response(request_id, status, changing)
        response["X-Request-ID"] = request_id
        patch_cache_control(response, private=True, no_store=True)
        if outage:
            response["Retry-After"] = "30"
        return response


def _wants_json(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is not None and match.url_name in JSON_URL_NAMES:
        return True
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def _message(request_id: str, status: int, changing: bool) -> tuple[str, str]:
    if changing:
        title = _("Your change was not saved")
        text = _(
            "The database could not complete this request, so nothing was changed: nothing was "
            "saved, published, unpublished or approved. Go back and try again in a moment."
        )
    elif status == 503:
        title = _("Temporarily unavailable")
        text = _("The database did not answer in time. Try again in a moment.")
    else:
        title = _("Something went wrong")
        text = _("The database could not complete this request. Try again in a moment.")
    quote = _("If it keeps happening, tell your administrator and quote request id %(id)s.") % {
        "id": request_id
    }
    return title, f"{text} {quote}"


def _json_response(request_id: str, status: int, changing: bool) -> HttpResponse:
    title, text = _message(request_id, status, changing)
    body = {"errors": [{"message": text, "extensions": {"requestId": request_id}}]}
    return HttpResponse(json.dumps(body), status=status, content_type="application/json")


def _page_response(request_id: str, status: int, changing: bool) -> HttpResponse:
    title, text = _message(request_id, status, changing)
    # Rendered without the request: no context processor may touch the failed database.
    html = render_to_string(
        "cms/database_error.html",
        {"title": title, "text": text, "request_id": request_id, "language": get_language()},
    )
    return HttpResponse(html, status=status)
