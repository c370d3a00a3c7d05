"""Queries for country groups; the GraphQL fields call these."""

import re

from django.db.models import CharField, QuerySet, Value
from django.db.models.functions import Concat

from wagtail.models import Locale

from snippets.countries.models import CountryGroup

COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


def country_groups_for_api(locale: Locale) -> QuerySet[CountryGroup]:
    """The country groups of one language, for the ``countryGroups`` and ``countryGroup`` fields."""
    return CountryGroup.objects.filter(locale=locale).select_related("locale")


def country_groups_containing(code: str, locale: Locale | None = None) -> QuerySet[CountryGroup]:
    """Groups listing the country with ISO code ``code`` (any case), in one or all languages."""
    code = code.strip().upper()
    if not COUNTRY_CODE.match(code):
        return CountryGroup.objects.none()
    # The codes are stored as "AL,BA,XK": wrapping the list in commas makes ",BA," match
    # BA wherever it sits and never a code that merely contains the letters.
    queryset = CountryGroup.objects.annotate(
        _padded_codes=Concat(Value(","), "countries", Value(","), output_field=CharField())
    ).filter(_padded_codes__contains=f",{code},")
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
