"""The one change the project makes to Wagtail's admin: refusals answer 403 Forbidden.

Wagtail answers a refused browser request with a redirect to the dashboard and a flash message
(only script requests get 403), so a refusal looks like a success to anything that checks the
status, and the user lands somewhere they did not ask for. Every admin refusal goes through
``wagtail.admin.auth.permission_denied`` (``require_admin_access`` calls it for any
PermissionDenied a view raises, and the permission decorators call it directly). Wagtail offers
no setting, hook or template for that answer, so :func:`install` replaces that one function
with :func:`permission_denied`, a 403 page that says why.

``tests/cms/editorial/test_permission_denied_patch.py`` fails when Wagtail's function or its
callers change; docs/architecture.md lists what an upgrade may break.
"""

from __future__ import annotations

import sys

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.admin import auth
from wagtail.admin.localization import get_localized_response

from cms.editorial.refusals import ExplainedRefusal

DENIED = "Sorry, you do not have permission to access this area."


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
    """Put :func:`permission_denied` in place of Wagtail's (looked up by name when called)."""
    auth.permission_denied = permission_denied
