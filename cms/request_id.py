"""The request id: taken from ``X-Request-ID`` when a trusted proxy sent it, else generated.

django-guid keeps it for the request (every log line carries it, every response returns it);
this middleware runs before django-guid and removes an id that did not come from a trusted
proxy or that is not a plain token, so a client cannot choose the id its requests log under.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django_guid import get_guid

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "HTTP_X_REQUEST_ID"
#: What a proxy's id may look like: short, and safe in a log line and a header.
ACCEPTED = re.compile(r"[A-Za-z0-9._:-]{1,64}")


class TrustedRequestIdMiddleware:
    """Keep ``X-Request-ID`` only from REQUEST_ID_TRUSTED_PROXIES, and only a plain token."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        offered = request.META.get(HEADER)
        if offered is not None and not _trusted(request, offered):
            del request.META[HEADER]
        return self.get_response(request)


def _trusted(request: HttpRequest, offered: str) -> bool:
    return (
        request.META.get("REMOTE_ADDR") in settings.CMS_REQUEST_ID_TRUSTED_PROXIES
        and ACCEPTED.fullmatch(offered) is not None
    )


def current_request_id() -> str:
    """The id of the request being served (a fresh one outside a request)."""
    return get_guid() or uuid.uuid4().hex
