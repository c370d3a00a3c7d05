"""/feeds/calls.ics: openings and deadlines of calls, with the GraphQL list's filters."""

from __future__ import annotations

import datetime

from graphql import GraphQLError

from django.http import HttpRequest
from django.urls import URLPattern, path
from django.utils import translation
from django.utils.translation import gettext as _

from cms.frontend import frontend_url
from cms.partners.calendars import CalendarEvent, calendar_body, uid
from cms.partners.feeds import FeedArgumentError, feed_locale, feed_view, first
from pages.calls.models import CallPage
from pages.calls.selectors import calls_filter, calls_for_api

CONTENT_TYPE = "text/calendar; charset=utf-8"


def calls_calendar(request: HttpRequest) -> tuple[bytes, str]:
    """Each call's opening and deadline, as two events."""
    locale = feed_locale(request)
    status = (request.GET.get("status") or "").strip().lower() or None
    if status is not None and status not in CallPage.Status.values:
        raise FeedArgumentError(
            f"Parameter 'status': use one of {', '.join(v.upper() for v in CallPage.Status)}."
        )
    try:
        calls = calls_filter(
            calls_for_api(locale),
            status=status,
            programme=request.GET.get("programme") or None,
            eligible_country=request.GET.get("eligibleCountry") or None,
            deadline_after=date_parameter(request, "deadlineAfter"),
            deadline_before=date_parameter(request, "deadlineBefore"),
        )
    except GraphQLError as error:
        raise FeedArgumentError(error.message.replace("Argument", "Parameter")) from error
    language = locale.language_code
    events = []
    with translation.override(language):
        for call in first(calls.order_by("-deadline", "title")):
            url = frontend_url(call)
            moments = (
                ("call-opens", _("Opens: %(title)s"), call.opens_at),
                ("call-deadline", _("Deadline: %(title)s"), call.deadline),
            )
            events.extend(
                CalendarEvent(
                    uid=uid(kind, call.translation_key, language),
                    summary=summary % {"title": call.title},
                    starts_at=moment,
                    time_zone=call.time_zone,
                    changed_at=call.last_published_at,
                    url=url,
                    description=call.summary,
                )
                for kind, summary, moment in moments
                if moment
            )
        name = _("Calls")
    return calendar_body(str(name), events), CONTENT_TYPE


def date_parameter(request: HttpRequest, name: str) -> datetime.date | None:
    """A YYYY-MM-DD query parameter, as the GraphQL ``Date`` argument of the same name."""
    value = (request.GET.get(name) or "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise FeedArgumentError(f"Parameter '{name}': use a date as YYYY-MM-DD.") from error


def feed_urls() -> list[URLPattern]:
    return [path("calls.ics", feed_view(calls_calendar), name="calls_ics")]
