"""The calls' agenda entries: each call's opening and deadline, on the call's local day."""

from __future__ import annotations

from collections.abc import Iterator

import graphene

from cms.eligibility import open_to_country
from cms.graphql.agenda import AgendaEntry, AgendaSource, AgendaWindow, agenda_entry_type
from pages.calls.selectors import calls_for_api

DEADLINE = "call_deadline"
OPENING = "call_opening"


def call_agenda_type() -> type[graphene.ObjectType]:
    return agenda_entry_type(
        "CallAgendaEntry",
        "A call's opening or deadline.",
        {
            "at": graphene.DateTime(
                required=True,
                description="The exact moment, with the offset of the call's time zone.",
            )
        },
    )


def call_agenda_entries(window: AgendaWindow) -> Iterator[AgendaEntry]:
    """Openings and deadlines of public calls whose local day falls in the window."""
    calls = window.public(calls_for_api)
    if window.eligible_country:
        calls = open_to_country(calls, window.eligible_country)
    first, last = window.moments()
    for kind, field in ((OPENING, "opens_at"), (DEADLINE, "deadline")):
        found = calls.filter(**{f"{field}__gte": first, f"{field}__lte": last})
        found = found.order_by(field, "pk")
        made = offset = 0
        # The margin's moments on another local day must not use up the limit: read on
        # while they did. Only the margin's rows are skipped, so this ends.
        while made < window.limit:
            batch = list(found[offset : offset + window.limit])
            for call in batch:
                moment = getattr(call, field).astimezone(call.zone)
                if window.contains(moment.date()) and made < window.limit:
                    made += 1
                    yield AgendaEntry(
                        date=moment.date(),
                        kind=kind,
                        title=call.title,
                        page=call,
                        moment=moment,
                        extra=(("at", moment),),
                    )
            if len(batch) < window.limit:
                break
            offset += window.limit


def call_agenda_source() -> list[AgendaSource]:
    return [
        AgendaSource(
            kinds=((OPENING, "Applications open."), (DEADLINE, "The last day to apply.")),
            graphql_type=call_agenda_type,
            entries=lambda window: list(call_agenda_entries(window)),
        )
    ]
