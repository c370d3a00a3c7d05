"""Reusable query pieces for conference pages: the manager of ``ConferencePage`` is built
from them. Selectors and the index page compose these; models never import the selectors."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db.models import Prefetch
from django.utils import timezone

from wagtail.models import Page, PageManager, PageQuerySet

from cms.graphql.visibility import Visibility, public_pages


class ConferencePageQuerySet(PageQuerySet):
    """Conference pages, narrowed by visibility, date and place in the tree."""

    def public(self, visibility: Visibility | None = None) -> ConferencePageQuerySet:
        """Live, public conference pages (the rule is in ``cms/graphql/visibility.py``)."""
        return public_pages(self, visibility)

    def upcoming(
        self, *, upcoming: bool = True, now: datetime.datetime | None = None
    ) -> ConferencePageQuerySet:
        """Conferences not over yet at ``now`` (default: this moment), or with
        ``upcoming=False`` the ones that have ended. Nothing is stored: the split moves with
        the clock."""
        now = now or timezone.now()
        return self.filter(ends_at__gt=now) if upcoming else self.filter(ends_at__lte=now)

    def with_relations(self) -> ConferencePageQuerySet:
        """Join in what the GraphQL conference type shows, so a list costs a fixed number of
        queries."""
        partner_logo = apps.get_model("conferences", "ConferencePartnerLogo")
        return self.select_related(
            "locale", "main_organiser", "main_organiser__logo", "contact"
        ).prefetch_related(
            # Renditions too: with them prefetched, an image's rendition costs no query.
            "main_organiser__logo__renditions",
            "objectives",
            "delegation_roles",
            "eligible_country_groups",
            "initiators",
            "co_organisers",
            Prefetch(
                "partner_logos",
                queryset=partner_logo.objects.select_related(
                    "image", "organisation"
                ).prefetch_related("image__renditions"),
            ),
        )

    def in_listing_order(self) -> ConferencePageQuerySet:
        """Soonest first."""
        return self.order_by("starts_at", "title")

    def listed_under(
        self, index: Page, visibility: Visibility | None = None
    ) -> ConferencePageQuerySet:
        """The live, public conference pages below ``index``, soonest first."""
        return self.child_of(index).public(visibility).in_listing_order()


ConferencePageManager = PageManager.from_queryset(ConferencePageQuerySet)
