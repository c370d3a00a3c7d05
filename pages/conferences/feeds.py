"""/feeds/conferences.ics: conference dates, with the GraphQL list's filters."""

from __future__ import annotations

from graphql import GraphQLError

from django.http import HttpRequest
from django.urls import URLPattern, path
from django.utils import translation
from django.utils.translation import gettext as _

from cms.frontend import frontend_url
from cms.partners.calendars import CalendarEvent, calendar_body, uid
from cms.partners.feeds import FeedArgumentError, feed_locale, feed_view, first
from pages.conferences.selectors import conferences_filter, conferences_for_api

CONTENT_TYPE = "text/calendar; charset=utf-8"
BOOLEANS = {"true": True, "false": False}


def conferences_calendar(request: HttpRequest) -> tuple[bytes, str]:
    """Each conference from its start to its end, in its own time zone."""
    locale = feed_locale(request)
    upcoming = request.GET.get("upcoming")
    if upcoming is not None and upcoming.lower() not in BOOLEANS:
        raise FeedArgumentError("Parameter 'upcoming': use true or false.")
    try:
        conferences = conferences_filter(
            conferences_for_api(locale),
            upcoming=BOOLEANS[upcoming.lower()] if upcoming is not None else None,
            eligible_country=request.GET.get("eligibleCountry") or None,
        )
    except GraphQLError as error:
        raise FeedArgumentError(error.message.replace("Argument", "Parameter")) from error
    language = locale.language_code
    with translation.override(language):
        events = [
            CalendarEvent(
                uid=uid("conference", conference.translation_key, language),
                summary=conference.title,
                starts_at=conference.starts_at,
                ends_at=conference.ends_at,
                time_zone=conference.time_zone,
                changed_at=conference.last_published_at,
                url=frontend_url(conference),
                description=conference.summary,
                location=conference.venue or conference.online_platform,
            )
            for conference in first(conferences.order_by("-starts_at", "title"))
            if conference.starts_at
        ]
        name = _("Conferences")
    return calendar_body(str(name), events), CONTENT_TYPE


def feed_urls() -> list[URLPattern]:
    return [path("conferences.ics", feed_view(conferences_calendar), name="conferences_ics")]
