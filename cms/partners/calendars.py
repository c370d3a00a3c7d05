"""iCalendar feeds (RFC 5545) built with the ``icalendar`` package.

A plugin turns its items into :class:`CalendarEvent` values; :func:`calendar_body` writes
them with a ``VTIMEZONE`` for every time zone used, so calendar programs show each date in the
item's own zone.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from django.conf import settings
from django.utils import timezone

from cms.time_zones import zone_or_current

#: SEQUENCE counts seconds from this moment to the item's last publication: it rises with
#: every change, needs nothing stored, and fits RFC 5545's integer until 2088.
SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class CalendarEvent:
    """One event: ``uid`` is stable per item, kind and language."""

    uid: str
    summary: str
    starts_at: datetime.datetime
    time_zone: str
    changed_at: datetime.datetime | None
    url: str | None = None
    ends_at: datetime.datetime | None = None
    description: str = ""
    location: str = ""


def uid(kind: str, translation_key: object, language: str) -> str:
    """``<kind>-<translation key>-<language>@<host of the admin>``."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "solidarity-cms"
    return f"{kind}-{translation_key}-{language}@{host}"


def sequence(changed_at: datetime.datetime | None) -> int:
    if changed_at is None:
        return 0
    return max(0, int((changed_at - SEQUENCE_EPOCH).total_seconds()))


def calendar_body(name: str, events: Iterable[CalendarEvent]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Solidarity CMS//Partner feeds//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    now = timezone.now()
    for item in events:
        zone = zone_or_current(item.time_zone)
        event = Event()
        event.add("uid", item.uid)
        event.add("sequence", sequence(item.changed_at))
        event.add("dtstamp", now)
        if item.changed_at is not None:
            event.add("last-modified", item.changed_at)
        event.add("summary", item.summary)
        event.add("dtstart", item.starts_at.astimezone(zone))
        if item.ends_at is not None:
            event.add("dtend", item.ends_at.astimezone(zone))
        if item.description:
            event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
