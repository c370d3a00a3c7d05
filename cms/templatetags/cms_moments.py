"""Template filters for moments in the admin: ``{{ call.deadline|moment:call.zone }}``."""

from __future__ import annotations

from datetime import datetime, tzinfo

from django import template

from cms.moments import format_moment, relative_moment, time_until

register = template.Library()


@register.filter
def moment(value: datetime | None, zone: tzinfo | None = None) -> str:
    """The moment in ``zone`` (the current time zone if none), as the active language writes it."""
    return format_moment(value, zone) if value else ""


@register.filter
def from_now(value: datetime | None) -> str:
    """How far the moment is from now, e.g. "in 3 weeks" or "2 days ago"."""
    return relative_moment(value) if value else ""


@register.filter(name="time_until")
def time_until_filter(value: datetime | None, now: datetime | None = None) -> str:
    """The time left until the moment, e.g. "4 weeks, 1 day" (at most two units)."""
    return time_until(value, now) if value else ""
