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
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.admin import auth

DENIED = "Sorry, you do not have permission to access this area."


def permission_denied(request: HttpRequest) -> TemplateResponse:
    """A 403 page naming the refusal; scripts get Django's bare 403 as before."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    # Called from inside Wagtail's ``except PermissionDenied``: the refusing view's own reason
    # (e.g. "You may not edit programme in this language.") is the exception being handled.
    refused = sys.exc_info()[1]
    reason = str(refused) if isinstance(refused, PermissionDenied) else ""
    return TemplateResponse(
        request,
        "editorial/permission_denied.html",
        {"message": _(DENIED), "reason": reason},
        status=403,
    )


def install() -> None:
    auth.permission_denied = permission_denied
