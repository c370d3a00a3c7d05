"""Queries for conference pages; GraphQL resolvers, the admin and the demo loader call these."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from wagtail.models import Locale

from cms.eligibility import eligible_country_code, open_to_country
from cms.graphql.date_ranges import check_date_range
from cms.graphql.visibility import Visibility
from pages.conferences.models import ConferencePage
from pages.conferences.querysets import ConferencePageQuerySet

if TYPE_CHECKING:
    from pages.conferences.models import ConferenceIndexPage


def conferences_live(
    locale: Locale, visibility: Visibility | None = None
) -> QuerySet[ConferencePage]:
    """Live, public conference pages in ``locale``."""
    return ConferencePage.objects.filter(locale=locale).public(visibility)


def conferences_for_api(locale: Locale) -> QuerySet[ConferencePage]:
    """Conferences in ``locale`` for the top-level GraphQL list, which applies the visibility
    rule; the request's loaders fetch what the query asks of them, for the whole page."""
    return ConferencePage.objects.filter(locale=locale).in_listing_order()


def conferences_filter(
    queryset: QuerySet[ConferencePage],
    *,
    upcoming: bool | None = None,
    eligible_country: str | None = None,
    starts_after: datetime.date | None = None,
    starts_before: datetime.date | None = None,
    **unknown: Any,
) -> QuerySet[ConferencePage]:
    """Apply the GraphQL list arguments; ``eligibleCountry`` is an ISO 3166-1 alpha-2 code."""
    check_date_range(starts_after, starts_before, "startsAfter", "startsBefore")
    if starts_after:
        queryset = queryset.filter(starts_at__date__gte=starts_after)
    if starts_before:
        queryset = queryset.filter(starts_at__date__lte=starts_before)
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


def conferences_under(
    index: ConferenceIndexPage, visibility: Visibility | None = None
) -> QuerySet[ConferencePage]:
    """The live, public conference pages below ``index``, soonest first."""
    return ConferencePage.objects.listed_under(index, visibility)
