"""Queries for project pages; GraphQL resolvers, municipality pages and the admin call these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import QuerySet

from wagtail.models import Locale

from cms.graphql.visibility import public_pages
from pages.projects.models import ProjectPage, ProjectPartner
from pages.projects.querysets import ProjectPageQuerySet, prepare_partners

if TYPE_CHECKING:
    from pages.projects.models import ProjectIndexPage


def projects_public(locale: Locale) -> QuerySet[ProjectPage]:
    """Project pages in ``locale`` that anonymous partner sites may see."""
    return ProjectPage.objects.filter(locale=locale).public()


def projects_for_api(locale: Locale) -> QuerySet[ProjectPage]:
    """Projects for the top-level GraphQL list, with what their type shows joined in."""
    return projects_public(locale).with_relations().in_listing_order()


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


def projects_under(index: ProjectIndexPage) -> QuerySet[ProjectPage]:
    """The public project pages below ``index``, newest first."""
    return ProjectPage.objects.listed_under(index)


def with_relations(queryset: QuerySet[ProjectPage]) -> QuerySet[ProjectPage]:
    """Join in what the GraphQL project type shows, so a list costs a fixed number of queries."""
    return ProjectPageQuerySet.with_relations(queryset)


def projects_prepare(projects: list[ProjectPage]) -> None:
    """Give each project its partner rows as partner sites see them
    (:func:`pages.projects.querysets.prepare_partners`)."""
    prepare_partners(projects)


def project_partners_for_api(project: ProjectPage) -> list[ProjectPartner]:
    """The project's partner rows, each with its partner as partner sites should see it."""
    return project.partners_for_api()
