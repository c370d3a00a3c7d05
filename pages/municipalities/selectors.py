"""Queries for municipality pages; GraphQL resolvers and the admin call these."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.apps import apps
from django.db.models import QuerySet

from wagtail.models import Locale

from cms.graphql.visibility import Visibility, public_pages
from pages.municipalities.models import MunicipalityPage

if TYPE_CHECKING:
    from pages.municipalities.models import MunicipalityIndexPage


def municipalities_public(
    locale: Locale, visibility: Visibility | None = None
) -> QuerySet[MunicipalityPage]:
    """Municipality pages in ``locale`` that anonymous partner sites may see."""
    return public_pages(MunicipalityPage.objects.filter(locale=locale), visibility)


def municipalities_for_api(locale: Locale) -> QuerySet[MunicipalityPage]:
    """Municipalities in ``locale`` for the top-level GraphQL list, which applies the
    visibility rule; the request's loaders fetch what the query asks of them."""
    return MunicipalityPage.objects.filter(locale=locale).order_by("title")


def municipalities_filter(
    queryset: QuerySet[MunicipalityPage],
    *,
    country: str | None = None,
    project: str | None = None,
    **unknown: Any,
) -> QuerySet[MunicipalityPage]:
    """Narrow ``queryset`` by ISO country code and by the slug of a project they partner in."""
    if country:
        queryset = queryset.filter(country=country.strip().upper())
    if project:
        queryset = queryset.filter(translation_key__in=_partner_keys_of_project(project))
    return queryset


def municipalities_under(
    index: MunicipalityIndexPage, visibility: Visibility | None = None
) -> QuerySet[MunicipalityPage]:
    """The public municipality pages below ``index``, alphabetically."""
    return public_pages(MunicipalityPage.objects.child_of(index), visibility).order_by("title")


def municipalities_projects(
    municipalities: list[MunicipalityPage], visibility: Visibility | None = None
) -> dict[int, list[Any]]:
    """:func:`projects_of_municipalities` keyed by ``id()`` of each municipality (the request
    loaders' key: a preview and the live page share a primary key)."""
    by_pk = projects_of_municipalities(municipalities, visibility)
    return {id(item): by_pk[item.pk] for item in municipalities}


def municipality_projects(municipality: MunicipalityPage) -> QuerySet:
    """Public projects in the municipality's locale that list it, in any language, as partner.

    Partner rows are synchronised into translations unchanged, so they may point at the
    municipality's page in another language: matching on ``translation_key`` finds them all.
    """
    project_model = apps.get_model("projects", "ProjectPage")
    partner_model = apps.get_model("projects", "ProjectPartner")
    project_keys = partner_model.objects.filter(
        municipality__translation_key=municipality.translation_key
    ).values("project__translation_key")
    return public_pages(
        project_model.objects.filter(
            locale_id=municipality.locale_id, translation_key__in=project_keys
        )
    ).order_by(*project_model.NEWEST_FIRST)


def projects_of_municipalities(
    municipalities: Iterable[MunicipalityPage], visibility: Visibility | None = None
) -> dict[int, list[Any]]:
    """:func:`municipality_projects` for many municipalities, keyed by their pk: two queries
    (partnerships, then projects) for all of them."""
    municipalities = list(municipalities)
    project_model = apps.get_model("projects", "ProjectPage")
    partner_model = apps.get_model("projects", "ProjectPartner")
    partnerships = partner_model.objects.filter(
        municipality__translation_key__in={item.translation_key for item in municipalities}
    ).values_list("municipality__translation_key", "project__translation_key")
    keys_of: dict[UUID, set[UUID]] = {}
    for municipality_key, project_key in partnerships:
        keys_of.setdefault(municipality_key, set()).add(project_key)
    projects: list[Any] = []
    if keys_of:
        projects = list(
            public_pages(
                project_model.objects.filter(
                    locale_id__in={item.locale_id for item in municipalities},
                    translation_key__in=set().union(*keys_of.values()),
                ),
                visibility,
            ).order_by(*project_model.NEWEST_FIRST)
        )
    return {
        item.pk: [
            project
            for project in projects
            if project.locale_id == item.locale_id
            and project.translation_key in keys_of.get(item.translation_key, ())
        ]
        for item in municipalities
    }


def _partner_keys_of_project(slug: str) -> QuerySet:
    # Only a public project reveals its partners, in whichever language it is published.
    project_model = apps.get_model("projects", "ProjectPage")
    partner_model = apps.get_model("projects", "ProjectPartner")
    projects = public_pages(project_model.objects.filter(slug=slug)).values("translation_key")
    return partner_model.objects.filter(
        project__translation_key__in=projects, municipality__isnull=False
    ).values("municipality__translation_key")
