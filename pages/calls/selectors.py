"""Queries for call pages; GraphQL resolvers, the admin and the demo loader call these."""

from __future__ import annotations

import datetime
import enum
from typing import TYPE_CHECKING, Any

from graphql import GraphQLError

from django.apps import apps
from django.db.models import Q, QuerySet

from wagtail.models import Locale

from cms.eligibility import eligible_country_code, open_to_country, padded_codes
from cms.graphql.date_ranges import check_date_range
from cms.graphql.visibility import Visibility
from pages.calls.models import CallPage
from pages.calls.models.fields import MAX_AGE
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
    eligible_organisation_kind: Any = None,
    age: int | None = None,
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
        # Only a published programme can be filtered by, as it is shown.
        keys = programme_model.objects.public().filter(slug=programme).values("translation_key")
        queryset = queryset.filter(programme__translation_key__in=keys)
    if eligible_country:
        queryset = open_to_country(queryset, eligible_country_code(eligible_country))
    if eligible_organisation_kind is not None:
        kind = getattr(eligible_organisation_kind, "value", eligible_organisation_kind)
        queryset = calls_open_to_organisation_kind(queryset, kind)
    if age is not None:
        queryset = calls_open_to_age(queryset, age)
    check_date_range(deadline_after, deadline_before, "deadlineAfter", "deadlineBefore")
    if deadline_after:
        queryset = queryset.filter(deadline__date__gte=deadline_after)
    if deadline_before:
        queryset = queryset.filter(deadline__date__lte=deadline_before)
    return queryset


def calls_open_to_organisation_kind(queryset: QuerySet[CallPage], kind: str) -> QuerySet[CallPage]:
    """Calls that organisations of ``kind`` (a value of ``Organisation.kind``) may apply to;
    a call that lists no kind is for individuals and never matches."""
    padded = padded_codes("eligible_organisation_kinds")
    return queryset.alias(_padded_kinds=padded).filter(_padded_kinds__contains=f",{kind},")


def calls_open_to_age(queryset: QuerySet[CallPage], age: int) -> QuerySet[CallPage]:
    """Calls whose age range includes ``age``; a call without a limit on one side has none."""
    if not 0 <= age <= MAX_AGE:
        raise GraphQLError(f"Argument 'age': {age} is not an age; give 0 to {MAX_AGE}.")
    return queryset.filter(
        Q(min_age__isnull=True) | Q(min_age__lte=age),
        Q(max_age__isnull=True) | Q(max_age__gte=age),
    )


def calls_under(index: CallIndexPage, visibility: Visibility | None = None) -> QuerySet[CallPage]:
    """The live, public call pages below ``index``, nearest deadline first."""
    return CallPage.objects.listed_under(index, visibility)
