"""Reusable query pieces for project pages: the manager of ``ProjectPage`` is built from them,
and :func:`projects_partners` loads the partner rows of a list of projects at once.

Selectors and the index page compose these; models never import the selectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.db.models import Prefetch, prefetch_related_objects

from wagtail.models import Page, PageManager, PageQuerySet

from cms.graphql.visibility import Visibility, public_pages


class ProjectPageQuerySet(PageQuerySet):
    """Project pages, narrowed by visibility and place in the tree."""

    def public(self, visibility: Visibility | None = None) -> ProjectPageQuerySet:
        """Project pages anonymous partner sites may see (``cms/graphql/visibility.py``)."""
        return public_pages(self, visibility)

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

    def listed_under(
        self, index: Page, visibility: Visibility | None = None
    ) -> ProjectPageQuerySet:
        """The public project pages below ``index``, newest first."""
        return self.child_of(index).public(visibility).in_listing_order()


ProjectPageManager = PageManager.from_queryset(ProjectPageQuerySet)


def projects_partners(
    projects: Sequence[Any], visibility: Visibility | None = None
) -> dict[int, list[Any]]:
    """Each project's partner rows, keyed by ``id()`` of the project (as the GraphQL request's
    loaders key what they load), in one statement for all.

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
