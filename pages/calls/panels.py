"""The dashboard panel of calls about to close, per language the editor works in."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import ngettext

from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from cms.editorial.panels import language_order
from cms.editorial.permissions import editable_locale_ids
from pages.calls.models import CallPage

CLOSING_WITHIN = datetime.timedelta(days=30)


class CallsClosingSoonPanel(Component):
    """Live calls whose deadline falls in the next 30 days, nearest first, by language."""

    name = "editorial_calls_closing_soon"
    template_name = "calls/panels/calls_closing_soon.html"
    order = 150

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        now = timezone.now()
        calls = (
            CallPage.objects.live()
            .filter(deadline__gt=now, deadline__lte=now + CLOSING_WITHIN)
            .select_related("locale")
            .order_by("deadline", "title")
        )
        scope = editable_locale_ids(self.request.user)
        if scope is not None:
            calls = calls.filter(locale_id__in=scope)
        by_locale: dict[Locale, list[Any]] = defaultdict(list)
        for call in calls:
            by_locale[call.locale].append(call)
        return {
            "groups": sorted(by_locale.items(), key=lambda item: language_order(item[0])),
            "heading": ngettext(
                "Calls closing in the next %(days)s day",
                "Calls closing in the next %(days)s days",
                CLOSING_WITHIN.days,
            )
            % {"days": CLOSING_WITHIN.days},
            "days": CLOSING_WITHIN.days,
            "now": now,
        }
