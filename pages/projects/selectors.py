"""Queries for project pages; GraphQL resolvers, municipality pages and the admin call these."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from django.apps import apps
from django.db import models
from django.db.models import F, Prefetch, QuerySet

from wagtail.models import Locale, Page

from cms.graphql.visibility import public_pages
from pages.projects.models import ProjectPage, ProjectPartner

if TYPE_CHECKING:
    from pages.projects.models import ProjectIndexPage

ModelT = TypeVar("ModelT", bound=models.Model)

#: Newest first; projects whose start is unknown come last on every database.
NEWEST_FIRST = (F("start_date").desc(nulls_last=True), "title")


def projects_public(locale: Locale) -> QuerySet[ProjectPage]:
    """Project pages in ``locale`` that anonymous partner sites may see."""
    return public_pages(ProjectPage.objects.filter(locale=locale))


def projects_for_api(locale: Locale) -> QuerySet[ProjectPage]:
    """Projects for the top-level GraphQL list, with what their type shows joined in."""
    return with_relations(projects_public(locale)).order_by(*NEWEST_FIRST)


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
    return with_relations(public_pages(ProjectPage.objects.child_of(index))).order_by(*NEWEST_FIRST)


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


def project_partners_for_api(project: ProjectPage) -> list[ProjectPartner]:
    """The project's partner rows, each with its partner as partner sites should see it.

    A row's municipality or organisation is shown in the project's language when it has a
    translation there; a municipality page that is not public is hidden (``None``). Costs two
    queries for all rows together.
    """
    rows = list(project.partners.all())
    municipalities = localized(
        [row.municipality for row in rows if row.municipality_id], project.locale_id
    )
    organisations = localized(
        [row.organisation for row in rows if row.organisation_id], project.locale_id
    )
    for row in rows:
        row.prepare_for_api(
            municipality=municipalities.get(row.municipality_id),
            organisation=organisations.get(row.organisation_id),
        )
    return rows


def localized(objects: Iterable[ModelT], locale_id: int) -> dict[int, ModelT | None]:
    """Map each object's pk to its version in ``locale_id``, or to itself if untranslated.

    Pages must be public (live, unexpired, unrestricted) in the version chosen; a page with
    no public version maps to ``None``. One query for all objects, and none for snippets that
    are all in ``locale_id`` already (the usual case for content in the source language).
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return {}
    model = type(objects[0])
    if not issubclass(model, Page) and all(obj.locale_id == locale_id for obj in objects):
        return {obj.pk: obj for obj in objects}
    keys = {obj.translation_key for obj in objects}
    candidates = model._default_manager.filter(
        translation_key__in=keys, locale_id__in={locale_id, *(obj.locale_id for obj in objects)}
    )
    if issubclass(model, Page):
        candidates = public_pages(candidates)
    found = {(obj.translation_key, obj.locale_id): obj for obj in candidates}
    return {
        obj.pk: found.get((obj.translation_key, locale_id))
        or found.get((obj.translation_key, obj.locale_id))
        for obj in objects
    }
