"""Reusable query pieces for news pages: the manager of ``NewsPage`` is built from them
(an item's relations in its language come from the GraphQL request's loaders).

Selectors and the index page compose these; models never import the selectors.
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Prefetch

from wagtail.models import Page, PageManager, PageQuerySet

from cms.graphql.visibility import Visibility, public_pages

#: Relations GraphQL shows in the news item's language (``<relation>_in_locale``).
LOCALIZED_RELATIONS = (
    "categories",
    "related_projects",
    "related_municipalities",
    "related_organisations",
)


class NewsPageQuerySet(PageQuerySet):
    """News pages, narrowed by visibility and place in the tree."""

    def public(self, visibility: Visibility | None = None) -> NewsPageQuerySet:
        """News items anonymous partner sites may see (``cms/graphql/visibility.py``)."""
        return public_pages(self, visibility)

    def with_relations(self) -> NewsPageQuerySet:
        """Join in what the GraphQL news type shows, so a list costs a fixed number of
        queries."""
        gallery_image = apps.get_model("news", "NewsGalleryImage")
        return self.select_related("locale", "author").prefetch_related(
            # Renditions too: with them prefetched, an image's rendition costs no query.
            Prefetch(
                "gallery_images",
                queryset=gallery_image.objects.select_related("image").prefetch_related(
                    "image__renditions"
                ),
            ),
            *LOCALIZED_RELATIONS,
        )

    def in_listing_order(self) -> NewsPageQuerySet:
        """Newest first."""
        return self.order_by("-date", "title")

    def listed_under(self, index: Page, visibility: Visibility | None = None) -> NewsPageQuerySet:
        """The public news items below ``index``, newest first."""
        return self.child_of(index).public(visibility).select_related("author").in_listing_order()


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)
