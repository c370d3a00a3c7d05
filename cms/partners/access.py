"""What the GraphQL view asks of partner access: the caller, and whether uncached work may run.

:class:`cms.partners.middleware.PartnerAccessMiddleware` authenticates the request before the
view; the view (or its request context) reads the result here, and nowhere else.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from cms.client_address import client_address
from cms.partners import rate_limits
from cms.partners.keys import ANONYMOUS, Caller
from cms.partners.models import PartnerKey

#: The one request attribute the middleware sets, as Django's sets ``request.user``.
CALLER_ATTRIBUTE = "api_caller"


def caller_of(request: HttpRequest) -> Caller:
    """The caller the middleware authenticated; anonymous when it did not run."""
    return getattr(request, CALLER_ATTRIBUTE, ANONYMOUS)


def may_preview(caller: Caller) -> bool:
    """Whether ``caller`` may open drafts with ``page(token:)`` (a GraphQL resolver passes
    ``info.context.caller.partner``).

    With ``CMS_PREVIEW_REQUIRES_KEY`` (production) only a key with the preview scope may: a
    leaked preview link alone then shows nothing.
    """
    if not settings.CMS_PREVIEW_REQUIRES_KEY:
        return True
    return caller.may(PartnerKey.SCOPE_PREVIEW)


def refuse_uncached_work(request: HttpRequest) -> HttpResponse | None:
    """Spend the caller's ``uncached`` budget; the 429 to answer instead when it is spent."""
    return rate_limits.spend(caller_of(request), client_address(request), "uncached")
