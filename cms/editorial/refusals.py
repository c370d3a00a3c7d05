"""Permission refusals in the admin answer 403 Forbidden, for browsers as well as scripts.

Wagtail answers a refused browser request with a redirect to the dashboard and a flash message
(only script requests get 403), so a refusal looks like a success to anything that checks the
status, and the user lands somewhere they did not ask for. Every admin refusal goes through
``wagtail.admin.auth.permission_denied`` (the admin URL wrapper calls it for any
PermissionDenied a view raises, and the permission decorators call it directly), so replacing
that one function makes every refusal a 403 page that says why.
"""

from __future__ import annotations

import sys

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.admin import auth
from wagtail.admin.localization import get_localized_response

DENIED = "Sorry, you do not have permission to access this area."


class ExplainedRefusal(PermissionDenied):
    """A refusal whose message is written for the person refused, and shown to them.

    Other PermissionDenied messages (Wagtail's, third-party apps') are not meant for display.
    """


def permission_denied(request: HttpRequest) -> HttpResponse:
    """A 403 page naming the refusal; scripts get Django's bare 403 as before."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest" or not request.accepts(
        "text/html"
    ):
        # The admin's own scripts (autosave, preview) ask for JSON, not a page.
        raise PermissionDenied
    # Called from inside Wagtail's ``except PermissionDenied``: the refusing view's own reason
    # (e.g. "You may not edit programme in this language.") is the exception being handled.
    refused = sys.exc_info()[1]
    reason = str(refused) if isinstance(refused, ExplainedRefusal) else ""
    # Refusals raised by a view reach here outside Wagtail's switch to the user's own admin
    # language and time zone; make it again.
    return get_localized_response(_page, request, reason=reason)


def _page(request: HttpRequest, reason: str) -> TemplateResponse:
    return TemplateResponse(
        request,
        "editorial/permission_denied.html",
        {"message": _(DENIED), "reason": reason},
        status=403,
    )


def install() -> None:
    auth.permission_denied = permission_denied
