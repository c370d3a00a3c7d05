"""Queries for project pages; GraphQL resolvers, municipality pages and the admin call these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import QuerySet, prefetch_related_objects

from wagtail.models import Locale

from cms.graphql.visibility import Visibility, public_pages
from pages.projects.models import ProjectPage, ProjectPartner

if TYPE_CHECKING:
    from pages.projects.models import ProjectIndexPage


def projects_public(locale: Locale, visibility: Visibility | None = None) -> QuerySet[ProjectPage]:
    """Project pages in ``locale`` that anonymous partner sites may see."""
    return public_pages(ProjectPage.objects.filter(locale=locale), visibility)


def projects_for_api(locale: Locale) -> QuerySet[ProjectPage]:
    """Projects in ``locale`` for the top-level GraphQL list, which applies the visibility
    rule; the request's loaders fetch what the query asks of them, for the whole page."""
    return ProjectPage.objects.filter(locale=locale).order_by(*ProjectPage.NEWEST_FIRST)


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
        keys = programme_model.objects.filter(slug=programme).values("translation_key")
        queryset = queryset.filter(programme__translation_key__in=keys)
    return queryset


def projects_under(
    index: ProjectIndexPage, visibility: Visibility | None = None
) -> QuerySet[ProjectPage]:
    """The public project pages below ``index``, newest first."""
    return public_pages(ProjectPage.objects.child_of(index), visibility).order_by(
        *ProjectPage.NEWEST_FIRST
    )


def projects_partners(
    projects: list[ProjectPage], visibility: Visibility | None = None
) -> dict[int, list[ProjectPartner]]:
    """Each project's partner rows, keyed by ``id()`` of the project, in one statement for all.

    A preview's rows are its revision's own (held in memory), so they are not fetched. Each
    row's partner is shown in the project's language (``ProjectPartner.municipality_for_api``).
    """
    stored = [
        project
        for project in projects
        if "partners" not in getattr(project, "_cluster_related_objects", {})
    ]
    if stored:
        prefetch_related_objects(stored, "partners")
    return {id(project): list(project.partners.all()) for project in projects}
