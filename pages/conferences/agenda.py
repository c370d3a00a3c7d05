"""The conferences' agenda entries: one per day a conference runs, on its local days."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import graphene

from cms.eligibility import open_to_country
from cms.graphql.agenda import AgendaEntry, AgendaSource, AgendaWindow, agenda_entry_type
from pages.conferences.selectors import conferences_for_api

DAY = "conference_day"


def conference_agenda_type() -> type[graphene.ObjectType]:
    return agenda_entry_type(
        "ConferenceAgendaEntry",
        "A day on which a conference runs.",
        {
            "day_number": graphene.Int(
                required=True, description="Which day of the conference it is, from 1."
            ),
            "day_count": graphene.Int(
                required=True, description="How many days the conference runs in all."
            ),
        },
    )


def conference_agenda_entries(window: AgendaWindow) -> Iterator[AgendaEntry]:
    """Each day of each public conference that falls in the window."""
    conferences = window.public(conferences_for_api)
    if window.eligible_country:
        conferences = open_to_country(conferences, window.eligible_country)
    first, last = window.moments()
    found = conferences.filter(starts_at__lte=last, ends_at__gte=first).order_by("starts_at", "pk")
    made = offset = 0
    # A conference of the margin whose local days all fall outside the window must not use
    # up the limit: read on while there were such. Only the margin's rows are skipped.
    while made < window.limit:
        batch = list(found[offset : offset + window.limit])
        for conference in batch:
            opening = conference.starts_at.astimezone(conference.zone).date()
            closing = max(opening, conference.ends_at.astimezone(conference.zone).date())
            count = (closing - opening).days + 1
            # Only the days inside the window are walked: a long conference costs no more.
            day = max(opening, window.start)
            while day <= min(closing, window.end) and made < window.limit:
                number = (day - opening).days + 1
                yield AgendaEntry(
                    date=day,
                    kind=DAY,
                    title=conference.title,
                    page=conference,
                    extra=(("day_number", number), ("day_count", count)),
                )
                made += 1
                day += datetime.timedelta(days=1)
        if len(batch) < window.limit:
            break
        offset += window.limit


def conference_agenda_source() -> list[AgendaSource]:
    return [
        AgendaSource(
            kinds=((DAY, "A day the conference runs."),),
            graphql_type=conference_agenda_type,
            entries=lambda window: list(conference_agenda_entries(window)),
        )
    ]
