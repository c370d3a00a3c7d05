"""Language negotiation that leaves alone views whose language is an argument (the API)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation

View = Callable[..., HttpResponse]


def language_neutral(view: View) -> View:
    """Run ``view`` in the default language whatever the browser prefers.

    Its responses then do not depend on ``Accept-Language``, and ``LocaleMiddleware`` below
    does not mark them ``Vary: Accept-Language``, which would split every shared cache by
    browser language.
    """

    @wraps(view)
    def neutral_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with translation.override(settings.LANGUAGE_CODE):
            return view(request, *args, **kwargs)

    neutral_view.language_neutral = True  # type: ignore[attr-defined]
    return neutral_view


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that responses of ``language_neutral`` views keep their headers."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        match = getattr(request, "resolver_match", None)
        if match is not None and getattr(match.func, "language_neutral", False):
            return response
        return super().process_response(request, response)
