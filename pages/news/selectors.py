"""Queries for news pages; GraphQL resolvers and the admin call these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import QuerySet

from wagtail.models import Locale, Page

from cms.graphql.visibility import public_pages
from pages.news import querysets
from pages.news.models import NewsPage
from pages.news.querysets import NewsPageQuerySet, prepare_relations

if TYPE_CHECKING:
    from pages.news.models import NewsIndexPage


def news_public(locale: Locale) -> QuerySet[NewsPage]:
    """News items in ``locale`` that anonymous partner sites may see."""
    return NewsPage.objects.filter(locale=locale).public()


def news_for_api(locale: Locale) -> QuerySet[NewsPage]:
    """News for the top-level GraphQL list, with what their type shows joined in."""
    return news_public(locale).with_relations().in_listing_order()


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
    return NewsPage.objects.listed_under(index)


def with_relations(queryset: QuerySet[NewsPage]) -> QuerySet[NewsPage]:
    """Join in what the GraphQL news type shows, so a list costs a fixed number of queries."""
    return NewsPageQuerySet.with_relations(queryset)


def news_prepare(items: list[NewsPage]) -> None:
    """Put each item's relations in its language on it, one query per kind for all items."""
    prepare_relations(items)


def related_in_locale(item: NewsPage, relation: str) -> list[Any]:
    """``item``'s ``relation`` with each related object in the item's language."""
    return querysets.related_in_locale(item, relation)
