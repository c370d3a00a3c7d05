"""Listing columns the plugins' admin viewsets share."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from wagtail.admin.ui.tables import Column


class MomentColumn(Column):
    """A date and time in the row's own time zone (its ``zone``, e.g. a call's), written as
    the reader's language writes it, with how far off it is: "31 Dec 2026, 12:00 CET, in 3
    weeks". Wagtail's ``DateColumn`` shows only the distance, and a future moment as "Just now".
    """

    cell_template_name = "cms/tables/moment_cell.html"

    def get_cell_context_data(self, instance: Any, parent_context: Any) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        moment = self.get_value(instance)
        zone = getattr(instance, "zone", None)
        context["moment"] = moment
        context["zone"] = zone
        if moment is not None:
            local = moment.astimezone(zone) if zone is not None else timezone.localtime(moment)
            context["iso"] = local.isoformat()
        return context
