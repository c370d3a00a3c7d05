"""Queries for contact people; the GraphQL fields call these."""

from django.db.models import QuerySet

from wagtail.models import Locale

from snippets.people.models import Person


def people_for_api(locale: Locale) -> QuerySet[Person]:
    """The people of one language with their organisation and photo, for the ``people`` fields."""
    return Person.objects.filter(locale=locale).select_related(
        "locale", "organisation__locale", "photo"
    )


def people_filter(
    queryset: QuerySet[Person], *, organisation: str | None = None
) -> QuerySet[Person]:
    """Narrow ``queryset`` to the GraphQL arguments given: ``organisation`` is its slug."""
    if organisation:
        queryset = queryset.filter(organisation__slug=organisation)
    return queryset
