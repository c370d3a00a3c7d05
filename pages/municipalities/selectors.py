"""Queries for municipality pages; GraphQL resolvers and the admin call these."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import QuerySet

from wagtail.models import Locale

from cms.graphql.visibility import Visibility, public_pages
from pages.municipalities import querysets
from pages.municipalities.models import MunicipalityPage

if TYPE_CHECKING:
    from pages.municipalities.models import MunicipalityIndexPage


def municipalities_public(
    locale: Locale, visibility: Visibility | None = None
) -> QuerySet[MunicipalityPage]:
    """Municipality pages in ``locale`` that anonymous partner sites may see."""
    return MunicipalityPage.objects.filter(locale=locale).public(visibility)


def municipalities_for_api(locale: Locale) -> QuerySet[MunicipalityPage]:
    """Municipalities in ``locale`` for the top-level GraphQL list, which applies the
    visibility rule; the request's loaders fetch what the query asks of them."""
    return MunicipalityPage.objects.filter(locale=locale).in_listing_order()


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
    return MunicipalityPage.objects.listed_under(index, visibility)


def municipality_projects(municipality: MunicipalityPage) -> QuerySet:
    """Public projects in the municipality's locale that list it, in any language, as partner."""
    return querysets.municipality_projects(municipality)


def projects_of_municipalities(
    municipalities: Iterable[MunicipalityPage], visibility: Visibility | None = None
) -> dict[int, list[Any]]:
    """:func:`municipality_projects` for many municipalities, keyed by their pk."""
    return querysets.projects_of_municipalities(municipalities, visibility)


def _partner_keys_of_project(slug: str) -> QuerySet:
    # Only a public project reveals its partners, in whichever language it is published.
    project_model = apps.get_model("projects", "ProjectPage")
    partner_model = apps.get_model("projects", "ProjectPartner")
    projects = public_pages(project_model.objects.filter(slug=slug)).values("translation_key")
    return partner_model.objects.filter(
        project__translation_key__in=projects, municipality__isnull=False
    ).values("municipality__translation_key")
