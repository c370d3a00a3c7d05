"""``agenda(locale:, from:, to:, eligibleCountry:)``: dated entries of every content type.

Plugins contribute entries through the ``register_agenda_entries`` hook (the core names no
plugin): each hook function returns an :class:`AgendaSource`, its GraphQL type (which
implements :class:`AgendaEntryInterface`) and a function that lists its entries for an
:class:`AgendaWindow`. The window hands each source its pages already narrowed by the
visibility rule and the locale's fallbacks (:meth:`AgendaWindow.public`), so no source can
forget either. Every request is bounded: at most ``MAX_AGENDA_DAYS`` days, at most
``MAX_AGENDA_ITEMS`` entries, and each source asks the database for no more than that.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import graphene
from graphql import GraphQLError

from django.db.models import QuerySet
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Locale, Page

from cms.eligibility import eligible_country_code
from cms.frontend import frontend_url
from cms.graphql.context import RequestContext, request_context
from cms.graphql.date_ranges import check_date_range
from cms.graphql.interfaces import PublicPageInterface
from cms.graphql.registry import fallback_argument, resolve_locale, with_fallbacks

AGENDA_HOOK = "register_agenda_entries"
#: The longest range one request may ask for, in days (a year and a day).
MAX_AGENDA_DAYS = 366
#: The most entries one request returns.
MAX_AGENDA_ITEMS = 200
DEFAULT_AGENDA_DAYS = 31
DEFAULT_AGENDA_ITEMS = 50
#: Days outside these years are refused: far enough for any content, and clear of the
#: overflow at year 9999 that adding a day would hit.
YEARS = (1900, 2999)


@dataclass(frozen=True)
class AgendaEntry:
    """One dated entry: what a source returns and the GraphQL types read."""

    date: datetime.date
    kind: str
    title: str
    page: Page
    #: The exact moment, with the content's time zone, when there is one (a deadline).
    moment: datetime.datetime | None = None
    #: What a source adds for its own type (a project event's place), by field name.
    extra: tuple[tuple[str, Any], ...] = ()

    def get(self, name: str) -> Any:
        return dict(self.extra).get(name)


@dataclass(frozen=True)
class AgendaWindow:
    """What one agenda request asks of every source."""

    context: RequestContext
    locale: Locale
    start: datetime.date
    end: datetime.date
    #: Upper-case ISO 3166-1 alpha-2 code, or None for every country.
    eligible_country: str | None
    fallback: bool
    #: A source returns at most this many entries (one more than the request's ``limit``).
    limit: int

    def public(self, pages_in: Callable[[Locale], QuerySet]) -> QuerySet:
        """``pages_in(locale)`` as partner sites may see it: public, with the locale's gaps
        filled along its fallback chain (as the lists do)."""
        return with_fallbacks(pages_in, self.locale, self.fallback, self.context)

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    def moments(self) -> tuple[datetime.datetime, datetime.datetime]:
        """A range of moments wide enough for any time zone's days in the window: filter the
        database with it, then keep the entries whose local day :meth:`contains`."""
        zone = datetime.UTC
        start = datetime.datetime.combine(self.start, datetime.time.min, zone)
        end = datetime.datetime.combine(self.end, datetime.time.max, zone)
        margin = datetime.timedelta(days=1)
        return start - margin, end + margin


@dataclass(frozen=True)
class AgendaSource:
    """A plugin's contribution: its kinds (code and description), type and entries."""

    kinds: tuple[tuple[str, str], ...]
    graphql_type: Callable[[], type[graphene.ObjectType]]
    entries: Callable[[AgendaWindow], Iterable[AgendaEntry]]


def agenda_sources() -> list[AgendaSource]:
    return [source for register in hooks.get_hooks(AGENDA_HOOK) for source in register()]


class AgendaEntryInterface(graphene.Interface):
    """What every agenda entry has, whichever content it comes from."""

    date = graphene.Date(
        required=True, description="The day, in the time zone of the content it comes from."
    )
    kind = graphene.String(
        required=True,
        description="What happens that day, e.g. call_deadline, call_opening, conference_day "
        "or project_event.",
    )
    title = graphene.String(required=True, description="The title of the page it belongs to.")
    url = graphene.String(
        description="The page's address on the partner frontend; null for a type without one."
    )
    page = graphene.Field(
        PublicPageInterface, required=True, description="The public page it belongs to."
    )

    class Meta:
        name = "AgendaEntry"

    @staticmethod
    def resolve_url(entry: AgendaEntry, info: Any) -> str | None:
        language = request_context(info).locales[entry.page.locale_id].language_code
        return frontend_url(entry.page, language_code=language)

    @staticmethod
    def resolve_page(entry: AgendaEntry, info: Any) -> Page:
        return entry.page


def agenda_entry_type(
    name: str, doc: str, fields: dict[str, Any] | None = None
) -> type[graphene.ObjectType]:
    """An object type implementing :class:`AgendaEntryInterface`, plus a source's own
    ``fields`` (each resolved from :attr:`AgendaEntry.extra` by name)."""
    attrs: dict[str, Any] = {"__doc__": doc, "Meta": type("Meta", (), {"name": name})}
    attrs["Meta"].interfaces = (AgendaEntryInterface,)
    for field_name, field in (fields or {}).items():
        attrs[field_name] = field
        attrs[f"resolve_{field_name}"] = staticmethod(
            lambda entry, info, _name=field_name: entry.get(_name)
        )
    return type(name, (graphene.ObjectType,), attrs)


def build_agenda_query() -> type[graphene.ObjectType] | None:
    """The ``agenda`` query over every source registered when the schema is built; None
    when no installed app contributes entries."""
    sources = agenda_sources()
    if not sources:
        return None
    entry_types = {id(source): source.graphql_type() for source in sources}
    by_kind = {kind: entry_types[id(source)] for source in sources for kind, _doc in source.kinds}
    members = tuple(entry_types.values())

    class AgendaItem(graphene.Union):
        """An agenda entry; every member implements AgendaEntry (``... on AgendaEntry``)."""

        class Meta:
            types = members

        @classmethod
        def resolve_type(cls, instance: AgendaEntry, info: Any) -> Any:
            return by_kind[instance.kind]

    class Agenda(graphene.ObjectType):
        """Dated entries in order: the day, then the kind, then the title."""

        items = graphene.List(
            graphene.NonNull(AgendaItem), required=True, description="The entries, in order."
        )
        truncated = graphene.Boolean(
            required=True,
            description="True when more entries fall in the range than `limit`: narrow it.",
        )

    class AgendaQuery(graphene.ObjectType):
        """The agenda across content types."""

        agenda = graphene.Field(
            Agenda,
            required=True,
            description=(
                "Call deadlines and openings, conference days and project events in a date "
                f"range (at most {MAX_AGENDA_DAYS} days), in date order."
            ),
            locale=graphene.String(description="Language code; defaults to the default."),
            start=graphene.Argument(
                graphene.Date, name="from", description="The first day; default: today."
            ),
            end=graphene.Argument(
                graphene.Date,
                name="to",
                description=f"The last day; default: {DEFAULT_AGENDA_DAYS - 1} days after `from`.",
            ),
            eligible_country=graphene.String(
                description="ISO 3166-1 alpha-2 code, e.g. SI: only calls and conferences open "
                "to that country (entries of content without eligibility stay)."
            ),
            limit=graphene.Int(
                default_value=DEFAULT_AGENDA_ITEMS,
                description=f"At most this many entries, 1 to {MAX_AGENDA_ITEMS}.",
            ),
            fallback=fallback_argument(),
        )

        @staticmethod
        def resolve_agenda(
            root: Any,
            info: Any,
            locale: str | None = None,
            start: datetime.date | None = None,
            end: datetime.date | None = None,
            eligible_country: str | None = None,
            limit: int = DEFAULT_AGENDA_ITEMS,
            fallback: bool = True,
        ) -> dict[str, Any]:
            window = agenda_window(info, locale, start, end, eligible_country, limit, fallback)
            entries = [entry for source in sources for entry in source.entries(window)]
            kind_order = {kind: n for n, kind in enumerate(by_kind)}
            entries.sort(key=lambda e: (e.date, kind_order.get(e.kind, 0), e.title, e.page.pk))
            request_context(info).loaders.note(entry.page for entry in entries)
            return {"items": entries[:limit], "truncated": len(entries) > limit}

    return AgendaQuery


def agenda_window(
    info: Any,
    locale: str | None,
    start: datetime.date | None,
    end: datetime.date | None,
    eligible_country: str | None,
    limit: int,
    fallback: bool,
) -> AgendaWindow:
    """The request's window, or a GraphQL error naming the argument at fault."""
    if not 1 <= limit <= MAX_AGENDA_ITEMS:
        raise GraphQLError(f"Argument 'limit' must be between 1 and {MAX_AGENDA_ITEMS}.")
    for name, day in (("from", start), ("to", end)):
        if day is not None and not YEARS[0] <= day.year <= YEARS[1]:
            raise GraphQLError(
                f"Argument '{name}': {day.isoformat()} is outside the years "
                f"{YEARS[0]} to {YEARS[1]}."
            )
    start = start or timezone.localdate()
    end = end or start + datetime.timedelta(days=DEFAULT_AGENDA_DAYS - 1)
    check_date_range(start, end, "from", "to")
    if (end - start).days + 1 > MAX_AGENDA_DAYS:
        raise GraphQLError(
            f"Arguments 'from' and 'to' span {(end - start).days + 1} days; "
            f"the agenda covers at most {MAX_AGENDA_DAYS}."
        )
    code = eligible_country_code(eligible_country) if eligible_country else None
    return AgendaWindow(
        context=request_context(info),
        locale=resolve_locale(locale, info),
        start=start,
        end=end,
        eligible_country=code,
        fallback=fallback,
        # One more than asked: a source that alone has more than ``limit`` says so.
        limit=limit + 1,
    )
