"""Queries for categories; the GraphQL fields call these."""

from django.db.models import QuerySet

from wagtail.models import Locale

from snippets.categories.models import Category


def categories_for_api(locale: Locale) -> QuerySet[Category]:
    """The categories of one language, for the ``categories`` and ``category`` fields."""
    return Category.objects.filter(locale=locale).select_related("locale")
