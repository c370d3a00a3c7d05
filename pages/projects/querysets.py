"""Reusable query pieces for project pages: the manager of ``ProjectPage`` is built from them,
and :func:`prepare_partners` loads the partner rows of a list of projects at once.

Selectors and the index page compose these; models never import the selectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.db.models import Prefetch

from wagtail.models import Page, PageManager, PageQuerySet

from cms.graphql.visibility import public_pages
from cms.localized import localized_many


class ProjectPageQuerySet(PageQuerySet):
    """Project pages, narrowed by visibility and place in the tree."""

    def public(self) -> ProjectPageQuerySet:
        """Project pages anonymous partner sites may see (``cms/graphql/visibility.py``)."""
        return public_pages(self)

    def with_relations(self) -> ProjectPageQuerySet:
        """Join in what the GraphQL project type shows, so a list costs a fixed number of
        queries."""
        partner = apps.get_model("projects", "ProjectPartner")
        return self.select_related(
            "locale", "programme", "programme_action", "coordinator"
        ).prefetch_related(
            Prefetch(
                "partners",
                queryset=partner.objects.select_related("municipality", "organisation"),
            ),
            "goals",
            "events",
            "social_links",
        )

    def in_listing_order(self) -> ProjectPageQuerySet:
        """Newest first (``ProjectPage.NEWEST_FIRST``)."""
        return self.order_by(*self.model.NEWEST_FIRST)

    def listed_under(self, index: Page) -> ProjectPageQuerySet:
        """The public project pages below ``index``, newest first."""
        return self.child_of(index).public().with_relations().in_listing_order()


ProjectPageManager = PageManager.from_queryset(ProjectPageQuerySet)


def prepare_partners(projects: Sequence[Any]) -> None:
    """Give each project its partner rows as partner sites see them, for all projects in two
    queries (municipalities, organisations); ``ProjectPage.partners_for_api`` returns them.

    A row's municipality or organisation is shown in the project's language when it has a
    translation there; a municipality page that is not public is hidden (``None``). The rows
    come from ``project.partners.all()``: prefetched by ``with_relations`` for lists, and a
    revision's own rows in a preview.
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
