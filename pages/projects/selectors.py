"""Queries for project pages; GraphQL resolvers, municipality pages and the admin call these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import Prefetch, QuerySet

from wagtail.models import Locale

from cms.graphql.visibility import public_pages
from cms.localized import localized_many
from pages.projects.models import ProjectPage, ProjectPartner

if TYPE_CHECKING:
    from pages.projects.models import ProjectIndexPage


def projects_public(locale: Locale) -> QuerySet[ProjectPage]:
    """Project pages in ``locale`` that anonymous partner sites may see."""
    return public_pages(ProjectPage.objects.filter(locale=locale))


def projects_for_api(locale: Locale) -> QuerySet[ProjectPage]:
    """Projects for the top-level GraphQL list, with what their type shows joined in."""
    return with_relations(projects_public(locale)).order_by(*ProjectPage.NEWEST_FIRST)


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
    return with_relations(public_pages(ProjectPage.objects.child_of(index))).order_by(
        *ProjectPage.NEWEST_FIRST
    )


def with_relations(queryset: QuerySet[ProjectPage]) -> QuerySet[ProjectPage]:
    """Join in what the GraphQL project type shows, so a list costs a fixed number of queries."""
    return queryset.select_related(
        "locale", "programme", "programme_action", "coordinator"
    ).prefetch_related(
        Prefetch(
            "partners",
            queryset=ProjectPartner.objects.select_related("municipality", "organisation"),
        ),
        "goals",
        "events",
        "social_links",
    )


def projects_prepare(projects: list[ProjectPage]) -> None:
    """Put on each project its partner rows as partner sites see them, for all projects in
    two queries (municipalities, organisations); ``partners_for_api`` returns what is stored.

    A row's municipality or organisation is shown in the project's language when it has a
    translation there; a municipality page that is not public is hidden (``None``). The rows
    come from ``project.partners.all()``: prefetched by :func:`with_relations` for lists, and
    a revision's own rows in a preview.
    """
    rows_of = [(project, list(project.partners.all())) for project in projects]
    municipalities = localized_many(
        (
            (row.municipality, project.locale_id)
            for project, rows in rows_of
            for row in rows
            if row.municipality_id
        ),
        restrict=public_pages,
    )
    organisations = localized_many(
        (
            (row.organisation, project.locale_id)
            for project, rows in rows_of
            for row in rows
            if row.organisation_id
        )
    )
    for project, rows in rows_of:
        for row in rows:
            row.prepare_for_api(
                municipality=municipalities.get((row.municipality_id, project.locale_id)),
                organisation=organisations.get((row.organisation_id, project.locale_id)),
            )
        project._cms_partners = rows


def project_partners_for_api(project: ProjectPage) -> list[ProjectPartner]:
    """The project's partner rows, each with its partner as partner sites should see it."""
    projects_prepare([project])
    return project._cms_partners
