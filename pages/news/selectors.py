"""Queries for news pages; GraphQL resolvers and the admin call these."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import QuerySet

from wagtail.models import Locale, Page

from cms.graphql.date_ranges import check_date_range
from cms.graphql.visibility import Visibility, public_pages
from pages.news.models import NewsPage

if TYPE_CHECKING:
    from pages.news.models import NewsIndexPage


def news_public(locale: Locale, visibility: Visibility | None = None) -> QuerySet[NewsPage]:
    """News items in ``locale`` that anonymous partner sites may see."""
    return NewsPage.objects.filter(locale=locale).public(visibility)


def news_for_api(locale: Locale) -> QuerySet[NewsPage]:
    """News in ``locale`` for the top-level GraphQL list, which applies the visibility rule;
    the request's loaders fetch what the query asks of them, for the whole page at once."""
    # The author is joined: ``authorName`` reads it from a property the loaders cannot see.
    return NewsPage.objects.filter(locale=locale).select_related("author").in_listing_order()


def news_filter(
    queryset: QuerySet[NewsPage],
    *,
    category: str | None = None,
    project: str | None = None,
    municipality: str | None = None,
    published_after: datetime.date | None = None,
    published_before: datetime.date | None = None,
    **unknown: Any,
) -> QuerySet[NewsPage]:
    """Narrow ``queryset`` by the slugs of a category, a related project or municipality.

    Relations are copied unchanged into translations, so they may point at items in another
    language: matching goes through translation keys.
    """
    check_date_range(published_after, published_before, "publishedAfter", "publishedBefore")
    if published_after:
        queryset = queryset.filter(date__gte=published_after)
    if published_before:
        queryset = queryset.filter(date__lte=published_before)
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


def news_under(index: NewsIndexPage, visibility: Visibility | None = None) -> QuerySet[NewsPage]:
    """The public news items below ``index``, newest first."""
    return NewsPage.objects.listed_under(index, visibility)
