"""Queries for country groups and for the pages that list eligible countries."""

import re
from typing import TypeVar

from graphql import GraphQLError

from django.db.models import CharField, Q, QuerySet, Value
from django.db.models.functions import Concat

from wagtail.models import Locale

from snippets.countries.eligibility import CountryEligibilityPage
from snippets.countries.models import CountryGroup

COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")

EligibilityPageT = TypeVar("EligibilityPageT", bound=CountryEligibilityPage)


def country_groups_for_api(locale: Locale) -> QuerySet[CountryGroup]:
    """The country groups of one language, for the ``countryGroups`` and ``countryGroup`` fields."""
    return CountryGroup.objects.filter(locale=locale).select_related("locale")


def country_groups_containing(code: str, locale: Locale | None = None) -> QuerySet[CountryGroup]:
    """Groups listing the country with ISO code ``code`` (any case), in one or all languages."""
    code = code.strip().upper()
    if not COUNTRY_CODE.match(code):
        return CountryGroup.objects.none()
    queryset = CountryGroup.objects.annotate(_padded_codes=padded_codes("countries")).filter(
        _padded_codes__contains=f",{code},"
    )
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


def eligible_country_code(value: str) -> str:
    """The upper-case ISO 3166-1 alpha-2 code in an ``eligibleCountry`` GraphQL argument."""
    code = value.strip().upper()
    if not COUNTRY_CODE.match(code):
        raise GraphQLError(
            f"Argument 'eligibleCountry': {value!r} is not an ISO 3166-1 "
            "alpha-2 country code such as 'SI'."
        )
    return code


def open_to_country(queryset: QuerySet[EligibilityPageT], code: str) -> QuerySet[EligibilityPageT]:
    """Pages listing the country ``code`` (upper case) itself or through one of their groups."""
    through_groups = queryset.model.objects.filter(
        eligible_country_groups__in=country_groups_containing(code)
    )
    return queryset.annotate(_padded_countries=padded_codes("eligible_countries")).filter(
        Q(_padded_countries__contains=f",{code},") | Q(pk__in=through_groups.values("pk"))
    )


def padded_codes(field_name: str) -> Concat:
    """A multiple ``CountryField`` stores "AL,BA,XK"; wrapped in commas, ",BA," matches BA
    wherever it sits and never a code that merely shares a letter."""
    return Concat(Value(","), field_name, Value(","), output_field=CharField())
