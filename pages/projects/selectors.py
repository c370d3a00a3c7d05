"""Queries for project pages; GraphQL resolvers, municipality pages and the admin call these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import QuerySet

from wagtail.models import Locale

from cms.graphql.visibility import Visibility, public_pages
from pages.projects.models import ProjectPage, ProjectPartner

if TYPE_CHECKING:
    from pages.projects.models import ProjectIndexPage


def projects_public(locale: Locale, visibility: Visibility | None = None) -> QuerySet[ProjectPage]:
    """Project pages in ``locale`` that anonymous partner sites may see."""
    return ProjectPage.objects.filter(locale=locale).public(visibility)


def projects_for_api(locale: Locale) -> QuerySet[ProjectPage]:
    """Projects in ``locale`` for the top-level GraphQL list, which applies the visibility
    rule; the request's loaders fetch what the query asks of them, for the whole page."""
    return ProjectPage.objects.filter(locale=locale).in_listing_order()


def projects_filter(
    queryset: QuerySet[ProjectPage],
    *,
    municipality: str | None = None,
    programme: str | None = None,
    **unknown: Any,
) -> QuerySet[ProjectPage]:
    """Narrow ``queryset`` to projects with a partner municipality or a funding programme.

    Both are slugs. Slugs are synchronised across languages, and partner rows may point at
    a municipality's page in another language, so matching goes through translation keys.
    """
    if municipality:
        municipality_model = apps.get_model("municipalities", "MunicipalityPage")
        # Only a public municipality page can be filtered by; others stay unmentioned.
        keys = public_pages(municipality_model.objects.filter(slug=municipality)).values(
            "translation_key"
        )
        queryset = queryset.filter(
            translation_key__in=ProjectPartner.objects.filter(
                municipality__translation_key__in=keys
            ).values("project__translation_key")
        )
    if programme:
        programme_model = apps.get_model("programmes", "Programme")
        # Only a published programme can be filtered by, as it is shown.
        keys = programme_model.objects.public().filter(slug=programme).values("translation_key")
        queryset = queryset.filter(programme__translation_key__in=keys)
    return queryset


def projects_under(
    index: ProjectIndexPage, visibility: Visibility | None = None
) -> QuerySet[ProjectPage]:
    """The public project pages below ``index``, newest first."""
    return ProjectPage.objects.listed_under(index, visibility)
