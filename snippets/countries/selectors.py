"""Queries for country groups."""

from django.db.models import QuerySet

from wagtail.models import Locale

from cms.eligibility import COUNTRY_CODE, groups_listing
from snippets.countries.models import CountryGroup


def country_groups_for_api(locale: Locale) -> QuerySet[CountryGroup]:
    """The country groups of one language, for the ``countryGroups`` and ``countryGroup`` fields."""
    return CountryGroup.objects.public().filter(locale=locale).select_related("locale")


def country_groups_containing(code: str, locale: Locale | None = None) -> QuerySet[CountryGroup]:
    """Groups listing the country with ISO code ``code`` (any case), in one or all languages."""
    code = code.strip().upper()
    if not COUNTRY_CODE.match(code):
        return CountryGroup.objects.none()
    queryset = groups_listing(CountryGroup.objects.all(), code)
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def country_groups_filter(
    queryset: QuerySet[CountryGroup], *, country: str | None = None
) -> QuerySet[CountryGroup]:
    """Narrow ``queryset`` to the GraphQL arguments given: ``country`` is an ISO code."""
    if country:
        queryset = queryset.filter(pk__in=country_groups_containing(country).values("pk"))
    return queryset
