"""Queries for call pages; GraphQL resolvers, the admin and the demo loader call these."""

from __future__ import annotations

import datetime
import enum
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import QuerySet
from django.utils import timezone

from wagtail.models import Locale

from cms.eligibility import eligible_country_code, open_to_country
from cms.graphql.visibility import Visibility, public_pages
from pages.calls.models import CallPage

if TYPE_CHECKING:
    from pages.calls.models import CallIndexPage

Status = CallPage.Status


def calls_live(locale: Locale, visibility: Visibility | None = None) -> QuerySet[CallPage]:
    """Live, public call pages in ``locale``."""
    return public_pages(CallPage.objects.filter(locale=locale), visibility)


def calls_for_api(locale: Locale) -> QuerySet[CallPage]:
    """Calls in ``locale`` for the top-level GraphQL list, which applies the visibility rule;
    the request's loaders fetch what the query asks of them, for the whole page at once."""
    return CallPage.objects.filter(locale=locale).order_by("deadline", "title")


def calls_open(locale: Locale, now: datetime.datetime | None = None) -> QuerySet[CallPage]:
    """Calls in ``locale`` that take applications at ``now`` (default: this moment)."""
    return calls_with_status(calls_live(locale), Status.OPEN, now=now)


def calls_with_status(
    queryset: QuerySet[CallPage], status: str, *, now: datetime.datetime | None = None
) -> QuerySet[CallPage]:
    """Narrow ``queryset`` to calls that are ``status`` at ``now`` (default: this moment).

    The same rule as ``CallPage.status``, in the database: nothing is stored, so a call
    closes on time without anyone saving it.
    """
    now = now or timezone.now()
    if status == Status.UPCOMING:
        return queryset.filter(opens_at__gt=now)
    if status == Status.OPEN:
        return queryset.filter(opens_at__lte=now, deadline__gt=now)
    if status == Status.CLOSED:
        return queryset.filter(deadline__lte=now)
    raise ValueError(f"Unknown call status {status!r}; use one of {', '.join(Status.values)}.")


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
    return public_pages(CallPage.objects.child_of(index), visibility).order_by("deadline", "title")
