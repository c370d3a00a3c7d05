"""How the admin writes a moment: in the reader's language, in the time zone it is announced in."""

from __future__ import annotations

from datetime import datetime, tzinfo

from django.utils import dateformat, timezone
from django.utils.timesince import timesince, timeuntil
from django.utils.translation import gettext, ngettext_lazy, pgettext

#: Django's own words for spans of time (the same msgids), in this project's catalogs too:
#: Django's Slovenian catalog says "3 tednov" where Slovenian says "3 tedne", and our catalog
#: takes precedence wherever Django or Wagtail write a span.
TIME_STRINGS = {
    "year": ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    "month": ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    "week": ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    "day": ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    "hour": ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    "minute": ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
}


def format_moment(value: datetime, zone: tzinfo | None = None) -> str:
    """``value`` in ``zone`` (the current one if None), with the zone's abbreviation, as the
    active language writes it: "31 Dec 2026, 12:00 CET", "31. dec. 2026, 12:00 CET"."""
    local = value.astimezone(zone) if zone is not None else timezone.localtime(value)
    # A format in Django's date syntax, translated like any other string: each language writes
    # day, month and time its own way, and Django supplies the month names.
    pattern = pgettext("date and time with time zone, in Django's date format", "j M Y, H:i T")
    return dateformat.format(local, pattern)


def time_until(value: datetime, now: datetime | None = None, depth: int = 2) -> str:
    """The time left until ``value`` in the active language, e.g. "4 weeks, 1 day"."""
    return timeuntil(value, now, time_strings=TIME_STRINGS, depth=depth)


def relative_moment(value: datetime, now: datetime | None = None) -> str:
    """How far ``value`` is from now, in the active language: "in 3 weeks", "2 days ago"."""
    now = now or timezone.now()
    if value > now:
        return gettext("in %(time)s") % {"time": time_until(value, now, depth=1)}
    span = timesince(value, now, time_strings=TIME_STRINGS, depth=1)
    return gettext("%(time)s ago") % {"time": span}
