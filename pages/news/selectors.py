"""Queries for news pages; GraphQL resolvers and the admin call these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import Prefetch, QuerySet

from wagtail.models import Locale, Page

from cms.graphql.visibility import public_pages
from cms.localized import Restrict, localized_list, localized_many
from pages.news.models import NewsGalleryImage, NewsPage

if TYPE_CHECKING:
    from pages.news.models import NewsIndexPage

#: Relations GraphQL shows in the news item's language (``<relation>_in_locale``).
LOCALIZED_RELATIONS = (
    "categories",
    "related_projects",
    "related_municipalities",
    "related_organisations",
)


def news_public(locale: Locale) -> QuerySet[NewsPage]:
    """News items in ``locale`` that anonymous partner sites may see."""
    return public_pages(NewsPage.objects.filter(locale=locale))


def news_for_api(locale: Locale) -> QuerySet[NewsPage]:
    """News for the top-level GraphQL list, with what their type shows joined in."""
    return with_relations(news_public(locale)).order_by("-date", "title")


def news_filter(
    queryset: QuerySet[NewsPage],
    *,
    category: str | None = None,
    project: str | None = None,
    municipality: str | None = None,
    **unknown: Any,
) -> QuerySet[NewsPage]:
    """Narrow ``queryset`` by the slugs of a category, a related project or municipality.

    Relations are copied unchanged into translations, so they may point at items in another
    language: matching goes through translation keys.
    """
    for slug, relation, label in (
        (category, "categories", "categories.Category"),
        (project, "related_projects", "projects.ProjectPage"),
        (municipality, "related_municipalities", "municipalities.MunicipalityPage"),
    ):
        if slug:
            related = apps.get_model(label).objects.filter(slug=slug)
            if issubclass(related.model, Page):
                # Only a public page can be filtered by; others stay unmentioned.
                related = public_pages(related)
            keys = related.values("translation_key")
            queryset = queryset.filter(
                pk__in=NewsPage.objects.filter(**{f"{relation}__translation_key__in": keys}).values(
                    "pk"
                )
            )
    return queryset


def news_under(index: NewsIndexPage) -> QuerySet[NewsPage]:
    """The public news items below ``index``, newest first."""
    return with_relations(public_pages(NewsPage.objects.child_of(index))).order_by("-date", "title")


def with_relations(queryset: QuerySet[NewsPage]) -> QuerySet[NewsPage]:
    """Join in what the GraphQL news type shows, so a list costs a fixed number of queries."""
    return queryset.select_related("locale", "author").prefetch_related(
        # Renditions too: with them prefetched, an image's rendition costs no query of its own.
        Prefetch(
            "gallery_images",
            queryset=NewsGalleryImage.objects.select_related("image").prefetch_related(
                "image__renditions"
            ),
        ),
        "categories",
        "related_projects",
        "related_municipalities",
        "related_organisations",
    )


def news_prepare(items: list[NewsPage]) -> None:
    """Put each item's relations in its language on it, one query per kind for all items.

    ``items`` come from :func:`with_relations`, so the relations themselves are loaded
    already; their translations are what would otherwise cost a query per item. The model's
    ``*_in_locale`` methods return what is stored here.
    """
    for relation in LOCALIZED_RELATIONS:
        restrict = _restrict(relation)
        versions = localized_many(
            ((obj, item.locale_id) for item in items for obj in getattr(item, relation).all()),
            restrict=restrict,
        )
        for item in items:
            chosen = (
                versions.get((obj.pk, item.locale_id)) for obj in getattr(item, relation).all()
            )
            setattr(item, f"_cms_{relation}", [obj for obj in chosen if obj is not None])


def related_in_locale(item: NewsPage, relation: str) -> list[Any]:
    """``item``'s ``relation`` with each related object in the item's language when it has a
    translation there, else as it is; pages must be public in the version chosen, or they
    are left out. One query, or none for snippets already in the item's language.
    """
    return localized_list(
        getattr(item, relation).all(), item.locale_id, restrict=_restrict(relation)
    )


def _restrict(relation: str) -> Restrict | None:
    # Related pages are shown only in a public version; snippets have no visibility rules.
    related_model = NewsPage._meta.get_field(relation).related_model
    return public_pages if issubclass(related_model, Page) else None
