"""Reusable query pieces for news pages: the manager of ``NewsPage`` is built from them, and
an item's relations are found here in the item's language, for one item or many.

Selectors and the index page compose these; models never import the selectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.db.models import Prefetch

from wagtail.models import Page, PageManager, PageQuerySet

from cms.graphql.visibility import public_pages
from cms.localized import Restrict, localized_list, localized_many

#: Relations GraphQL shows in the news item's language (``<relation>_in_locale``).
LOCALIZED_RELATIONS = (
    "categories",
    "related_projects",
    "related_municipalities",
    "related_organisations",
)


class NewsPageQuerySet(PageQuerySet):
    """News pages, narrowed by visibility and place in the tree."""

    def public(self) -> NewsPageQuerySet:
        """News items anonymous partner sites may see (``cms/graphql/visibility.py``)."""
        return public_pages(self)

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

    def listed_under(self, index: Page) -> NewsPageQuerySet:
        """The public news items below ``index``, newest first."""
        return self.child_of(index).public().with_relations().in_listing_order()


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


def prepare_relations(items: Sequence[Any]) -> None:
    """Put each item's relations in its language on it, one query per kind for all items.

    ``items`` come from ``with_relations``, so the relations themselves are loaded already;
    their translations are what would otherwise cost a query per item. The model's
    ``*_in_locale`` methods return what is stored here.
    """
    for relation in LOCALIZED_RELATIONS:
        restrict = _restrict(items, relation)
        versions = localized_many(
            ((obj, item.locale_id) for item in items for obj in getattr(item, relation).all()),
            restrict=restrict,
        )
        for item in items:
            chosen = (
                versions.get((obj.pk, item.locale_id)) for obj in getattr(item, relation).all()
            )
            setattr(item, f"_cms_{relation}", [obj for obj in chosen if obj is not None])


def related_in_locale(item: Any, relation: str) -> list[Any]:
    """``item``'s ``relation`` with each related object in the item's language when it has a
    translation there, else as it is; pages must be public in the version chosen, or they
    are left out. One query, or none for snippets already in the item's language.
    """
    return localized_list(
        getattr(item, relation).all(), item.locale_id, restrict=_restrict([item], relation)
    )


def _restrict(items: Sequence[Any], relation: str) -> Restrict | None:
    # Related pages are shown only in a public version; snippets have no visibility rules.
    if not items:
        return None
    related_model = type(items[0])._meta.get_field(relation).related_model
    return public_pages if issubclass(related_model, Page) else None
