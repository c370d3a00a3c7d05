"""Queries for conference pages; GraphQL resolvers, the admin and the demo loader call these."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet, prefetch_related_objects

from wagtail.models import Locale

from cms.eligibility import eligible_country_code, open_to_country
from cms.localized import attach_relations_in_locale
from pages.conferences.models import ConferencePage
from pages.conferences.querysets import ConferencePageQuerySet

if TYPE_CHECKING:
    from pages.conferences.models import ConferenceIndexPage

#: Relations GraphQL shows in the conference's language (``localized_<relation>``).
LOCALIZED_RELATIONS = (
    "main_organiser",
    "initiators",
    "co_organisers",
    "contact",
    "eligible_country_groups",
)


def conferences_live(locale: Locale) -> QuerySet[ConferencePage]:
    """Live, public conference pages in ``locale``."""
    return ConferencePage.objects.filter(locale=locale).public()


def conferences_for_api(locale: Locale) -> QuerySet[ConferencePage]:
    """Conferences for the top-level GraphQL list, with what their type shows joined in."""
    return conferences_live(locale).with_relations().in_listing_order()


def conferences_filter(
    queryset: QuerySet[ConferencePage],
    *,
    upcoming: bool | None = None,
    eligible_country: str | None = None,
    **unknown: Any,
) -> QuerySet[ConferencePage]:
    """Apply the GraphQL list arguments; ``eligibleCountry`` is an ISO 3166-1 alpha-2 code."""
    if upcoming is not None:
        queryset = conferences_upcoming(queryset, upcoming=upcoming)
    if eligible_country:
        queryset = open_to_country(queryset, eligible_country_code(eligible_country))
    return queryset


def conferences_upcoming(
    queryset: QuerySet[ConferencePage],
    *,
    upcoming: bool = True,
    now: datetime.datetime | None = None,
) -> QuerySet[ConferencePage]:
    """Conferences not over yet at ``now`` (default: this moment), or with ``upcoming=False``
    the ones that have ended: :meth:`ConferencePageQuerySet.upcoming` for any queryset."""
    return ConferencePageQuerySet.upcoming(queryset, upcoming=upcoming, now=now)


def conferences_under(index: ConferenceIndexPage) -> QuerySet[ConferencePage]:
    """The live, public conference pages below ``index``, soonest first."""
    return ConferencePage.objects.listed_under(index)


def with_relations(queryset: QuerySet[ConferencePage]) -> QuerySet[ConferencePage]:
    """Join in what the GraphQL conference type shows, so a list costs a fixed number of queries."""
    return ConferencePageQuerySet.with_relations(queryset)


def conferences_prepare(conferences: list[ConferencePage]) -> None:
    """Put on each conference its organisers, contact, country groups and partner logos'
    organisations in the conference's language, for all conferences in one query per related
    model; the ``localized_*`` properties (the conference's and each logo's) return them.

    A translated conference keeps the source's snippets until they are translated, so each
    is shown in the conference's language when it can, as it is otherwise. The main
    organisers' logos come with their renditions, also for organisers found here.
    """
    attach_relations_in_locale(conferences, LOCALIZED_RELATIONS)
    logos = [logo for conference in conferences for logo in conference.partner_logos.all()]
    # A logo row is in the conference's language: its own locale is the one to show.
    attach_relations_in_locale(logos, ["organisation"])
    organisers = [c._cms_main_organiser for c in conferences if c._cms_main_organiser]
    prefetch_related_objects(organisers, "logo__renditions")
