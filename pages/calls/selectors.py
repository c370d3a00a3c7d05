"""Queries for call pages; GraphQL resolvers, the admin and the demo loader call these."""

from __future__ import annotations

import datetime
import enum
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import QuerySet

from wagtail.models import Locale

from cms.eligibility import eligible_country_code, open_to_country
from cms.graphql.visibility import Visibility
from pages.calls.models import CallPage
from pages.calls.querysets import CallPageQuerySet

if TYPE_CHECKING:
    from pages.calls.models import CallIndexPage

Status = CallPage.Status


def calls_live(locale: Locale, visibility: Visibility | None = None) -> QuerySet[CallPage]:
    """Live, public call pages in ``locale``."""
    return CallPage.objects.filter(locale=locale).public(visibility)


def calls_for_api(locale: Locale) -> QuerySet[CallPage]:
    """Calls in ``locale`` for the top-level GraphQL list, which applies the visibility rule;
    the request's loaders fetch what the query asks of them, for the whole page at once."""
    return CallPage.objects.filter(locale=locale).in_listing_order()


def calls_open(locale: Locale, now: datetime.datetime | None = None) -> QuerySet[CallPage]:
    """Calls in ``locale`` that take applications at ``now`` (default: this moment)."""
    return calls_live(locale).with_status(Status.OPEN, now=now)


def calls_with_status(
    queryset: QuerySet[CallPage], status: str, *, now: datetime.datetime | None = None
) -> QuerySet[CallPage]:
    """Narrow ``queryset`` to calls that are ``status`` at ``now`` (default: this moment).

    :meth:`CallPageQuerySet.with_status`, for any queryset of call pages.
    """
    return CallPageQuerySet.with_status(queryset, status, now=now)


def calls_filter(
    queryset: QuerySet[CallPage],
    *,
    status: Any = None,
    programme: str | None = None,
    eligible_country: str | None = None,
    deadline_after: datetime.date | None = None,
    deadline_before: datetime.date | None = None,
    **unknown: Any,
) -> QuerySet[CallPage]:
    """Apply the GraphQL list arguments; the status is worked out at request time."""
    if status is not None:
        # graphene hands over the enum member; plain strings come from Python callers.
        value = status.value if isinstance(status, enum.Enum) else status
        queryset = calls_with_status(queryset, value)
    if programme:
        programme_model = apps.get_model("programmes", "Programme")
        # Slugs are synchronised across languages: any language's programme matches.
        keys = programme_model.objects.filter(slug=programme).values("translation_key")
        queryset = queryset.filter(programme__translation_key__in=keys)
    if eligible_country:
        queryset = open_to_country(queryset, eligible_country_code(eligible_country))
    if deadline_after:
        queryset = queryset.filter(deadline__date__gte=deadline_after)
    if deadline_before:
        queryset = queryset.filter(deadline__date__lte=deadline_before)
    return queryset


def calls_under(index: CallIndexPage, visibility: Visibility | None = None) -> QuerySet[CallPage]:
    """The live, public call pages below ``index``, nearest deadline first."""
    return CallPage.objects.listed_under(index, visibility)
