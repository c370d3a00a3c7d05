"""Queries for news pages; GraphQL resolvers and the admin call these."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from django.apps import apps
from django.db import models
from django.db.models import Prefetch, QuerySet

from wagtail.models import Locale, Page

from cms.graphql.visibility import public_pages
from pages.news.models import NewsGalleryImage, NewsPage

if TYPE_CHECKING:
    from pages.news.models import NewsIndexPage

ModelT = TypeVar("ModelT", bound=models.Model)


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
        Prefetch("gallery_images", queryset=NewsGalleryImage.objects.select_related("image")),
        "categories",
        "related_projects",
        "related_municipalities",
        "related_organisations",
    )


def in_locale(objects: Iterable[ModelT], locale_id: int) -> list[ModelT]:
    """Each of ``objects`` in ``locale_id`` when translated there, else as it is.

    Relations are copied unchanged into translations, so a translated item still points at
    the source language's projects and categories. Pages must be public in the version
    chosen, or they are left out. One query, or none for snippets already in ``locale_id``.
    """
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    is_page = issubclass(model, Page)
    if not is_page and all(obj.locale_id == locale_id for obj in objects):
        return objects
    candidates = model._default_manager.filter(
        translation_key__in={obj.translation_key for obj in objects},
        locale_id__in={locale_id, *(obj.locale_id for obj in objects)},
    )
    if is_page:
        candidates = public_pages(candidates)
    found = {(obj.translation_key, obj.locale_id): obj for obj in candidates}
    chosen = (
        found.get((obj.translation_key, locale_id))
        or found.get((obj.translation_key, obj.locale_id))
        for obj in objects
    )
    return [obj for obj in chosen if obj is not None]
