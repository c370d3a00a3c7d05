"""Reusable query pieces for municipality pages: the manager of ``MunicipalityPage`` is built
from them, and the projects a municipality takes part in are found here, for one or many.

Selectors and the index page compose these; models never import the selectors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from uuid import UUID

from django.apps import apps
from django.db.models import QuerySet

from wagtail.models import Page, PageManager, PageQuerySet

from cms.graphql.visibility import Visibility, public_pages


class MunicipalityPageQuerySet(PageQuerySet):
    """Municipality pages, narrowed by visibility and place in the tree."""

    def public(self, visibility: Visibility | None = None) -> MunicipalityPageQuerySet:
        """Municipality pages anonymous partner sites may see (``cms/graphql/visibility.py``)."""
        return public_pages(self, visibility)

    def with_relations(self) -> MunicipalityPageQuerySet:
        """Join in what the GraphQL municipality type shows, so a list costs a fixed number of
        queries; with the logo's renditions prefetched, its rendition costs no query of its
        own."""
        return self.select_related("logo", "contact", "organisation").prefetch_related(
            "logo__renditions"
        )

    def in_listing_order(self) -> MunicipalityPageQuerySet:
        """Alphabetically."""
        return self.order_by("title")

    def listed_under(
        self, index: Page, visibility: Visibility | None = None
    ) -> MunicipalityPageQuerySet:
        """The public municipality pages below ``index``, alphabetically."""
        return self.child_of(index).public(visibility).in_listing_order()


MunicipalityPageManager = PageManager.from_queryset(MunicipalityPageQuerySet)


def municipalities_projects(
    municipalities: Sequence[Any], visibility: Visibility | None = None
) -> dict[int, list[Any]]:
    """:func:`projects_of_municipalities` keyed by ``id()`` of each municipality, as the
    GraphQL request's loaders key what they load (a preview and the live page share a pk)."""
    by_pk = projects_of_municipalities(municipalities, visibility)
    return {id(item): by_pk[item.pk] for item in municipalities}


def municipality_projects(municipality: Any, visibility: Visibility | None = None) -> QuerySet:
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
        ),
        visibility,
    ).order_by(*project_model.NEWEST_FIRST)


def projects_of_municipalities(
    municipalities: Iterable[Any], visibility: Visibility | None = None
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
