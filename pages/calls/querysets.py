"""Reusable query pieces for call pages: the manager of ``CallPage`` is built from them.

Selectors (``pages/calls/selectors.py``) and the index page compose these; the models never
import the selectors, so no two modules import each other.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from wagtail.models import Page, PageManager, PageQuerySet

from cms.graphql.visibility import Visibility, public_pages


class CallPageQuerySet(PageQuerySet):
    """Call pages, narrowed by visibility, status and place in the tree."""

    def public(self, visibility: Visibility | None = None) -> CallPageQuerySet:
        """Live, public call pages (the rule is in ``cms/graphql/visibility.py``; a GraphQL
        request passes its snapshot)."""
        return public_pages(self, visibility)

    def with_status(self, status: str, *, now: datetime.datetime | None = None) -> CallPageQuerySet:
        """Calls that are ``status`` at ``now`` (default: this moment).

        The same rule as ``CallPage.status``, in the database: nothing is stored, so a call
        closes on time without anyone saving it.
        """
        now = now or timezone.now()
        statuses = self.model.Status
        if status == statuses.UPCOMING:
            return self.filter(opens_at__gt=now)
        if status == statuses.OPEN:
            return self.filter(opens_at__lte=now, deadline__gt=now)
        if status == statuses.CLOSED:
            return self.filter(deadline__lte=now)
        raise ValueError(
            f"Unknown call status {status!r}; use one of {', '.join(statuses.values)}."
        )

    def with_relations(self) -> CallPageQuerySet:
        """Join in what the GraphQL call type shows, so a list costs a fixed number of queries."""
        return self.select_related(
            "locale",
            "programme",
            "programme_action",
            "contact",
            "related_conference",
            "related_project",
        ).prefetch_related("eligible_country_groups")

    def in_listing_order(self) -> CallPageQuerySet:
        """Nearest deadline first."""
        return self.order_by("deadline", "title")

    def listed_under(self, index: Page, visibility: Visibility | None = None) -> CallPageQuerySet:
        """The live, public call pages below ``index``, nearest deadline first (GraphQL's
        loaders fetch what a query asks of them)."""
        return self.child_of(index).public(visibility).in_listing_order()


CallPageManager = PageManager.from_queryset(CallPageQuerySet)
