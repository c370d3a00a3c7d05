"""The projects' agenda entries: the meetings, conferences and visits a project holds."""

from __future__ import annotations

from collections.abc import Iterator

import graphene

from cms.graphql.agenda import AgendaEntry, AgendaSource, AgendaWindow, agenda_entry_type
from cms.graphql.types import CountryObjectType
from pages.projects.models import ProjectEvent
from pages.projects.selectors import projects_for_api

EVENT = "project_event"


def project_agenda_type() -> type[graphene.ObjectType]:
    return agenda_entry_type(
        "ProjectAgendaEntry",
        "An event a project holds; the title is the event's, the page the project's.",
        {
            "end_date": graphene.Date(description="The last day; null for a one-day event."),
            "place": graphene.String(description="Town or venue; null if not given."),
            "country": graphene.Field(
                CountryObjectType, description="The country it takes place in; null if not given."
            ),
        },
    )


def project_agenda_entries(window: AgendaWindow) -> Iterator[AgendaEntry]:
    """Events of public projects that start in the window (projects have no eligibility:
    ``eligibleCountry`` leaves them in)."""
    projects = window.public(projects_for_api).values("pk")
    events = (
        ProjectEvent.objects.filter(
            project__in=projects, start_date__gte=window.start, start_date__lte=window.end
        )
        .select_related("project")
        .order_by("start_date", "pk")
    )
    for event in events[: window.limit]:
        yield AgendaEntry(
            date=event.start_date,
            kind=EVENT,
            title=event.title,
            page=event.project,
            extra=(
                ("end_date", event.end_date),
                ("place", event.place or None),
                ("country", event.country or None),
            ),
        )


def project_agenda_source() -> list[AgendaSource]:
    return [
        AgendaSource(
            kinds=((EVENT, "An event held within a project."),),
            graphql_type=project_agenda_type,
            entries=lambda window: list(project_agenda_entries(window)),
        )
    ]
