"""Queries for programmes and their actions; the GraphQL fields call these."""

from django.db.models import QuerySet

from wagtail.models import Locale

from snippets.programmes.models import Programme, ProgrammeAction


def programmes_for_api(locale: Locale) -> QuerySet[Programme]:
    """The programmes of one language with their actions, for the ``programmes`` fields."""
    return (
        Programme.objects.public()
        .filter(locale=locale)
        .select_related("locale")
        .prefetch_related("actions")
    )


def programme_actions_for_locale(locale: Locale) -> QuerySet[ProgrammeAction]:
    """Every action of every programme in one language, in programme then editor order."""
    return (
        ProgrammeAction.objects.public()
        .filter(locale=locale)
        .select_related("programme")
        .order_by("programme__name", "sort_order")
    )
