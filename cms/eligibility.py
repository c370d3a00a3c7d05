"""Which countries may take part: what the pages that list eligible countries share."""

from __future__ import annotations

import re
from typing import TypeVar

from django_countries.fields import Country
from graphql import GraphQLError

from django.db import models
from django.db.models import CharField, Q, QuerySet, Value
from django.db.models.functions import Concat

from grapple.models import GraphQLField, GraphQLForeignKey, GraphQLString

from cms.graphql.collection_descriptions import GraphQLDescribedCollection
from cms.graphql.loaders import related_in_locale
from cms.graphql.types import GraphQLCountryList
from cms.graphql.visibility import Visibility
from cms.models import BasePage

COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


class CountryEligibilityPage(BasePage):
    """A page open to people or organisations from the countries it lists, singly or by group.

    Each page declares ``eligible_country_groups`` (to ``countries.CountryGroup``),
    ``eligible_countries`` (a multiple ``CountryField``) and ``eligibility_note`` itself:
    where a model declares a field decides where partner sites find it in the page's GraphQL
    type, and each page words the help text for its own editors.
    :func:`open_to_country` finds the pages open to one country, and
    :func:`eligibility_graphql_fields` is what partner sites read.
    """

    class Meta:
        abstract = True

    @property
    def all_eligible_countries(self) -> list[Country]:
        codes = {country.code for country in self.eligible_countries}
        visibility = Visibility()
        for group in self.eligible_country_groups.all():
            # A group with drafts counts as published; an unpublished one lists nobody.
            if visibility.published(group):
                codes.update(country.code for country in group.countries)
        return [Country(code) for code in sorted(codes)]

    def localized_eligible_country_groups(
        self, info: object = None, **kwargs: object
    ) -> list[models.Model]:
        return related_in_locale(info, self, "eligible_country_groups")


def eligibility_graphql_fields(group_model: str) -> list[GraphQLField]:
    """Spliced into each page's ``graphql_fields``, so partner sites read eligibility alike on
    every page type that has it; ``group_model`` is what the page's ``eligible_country_groups``
    point to (e.g. ``"countries.CountryGroup"``): the page names it, the core names no plugin."""
    return [
        GraphQLDescribedCollection(
            GraphQLForeignKey,
            "eligible_country_groups",
            group_model,
            source="localized_eligible_country_groups",
            required=True,
            item_required=True,
            description="Country groups whose countries are eligible, in the page's language.",
        ),
        GraphQLCountryList(
            "eligible_countries", description="Countries eligible besides the groups."
        ),
        GraphQLCountryList(
            "all_eligible_countries",
            description="Every eligible country: the groups' and the single ones, by code.",
        ),
        GraphQLString(
            "eligibility_note", description="Anything else about eligibility, e.g. residence rules."
        ),
    ]


EligibilityPageT = TypeVar("EligibilityPageT", bound=CountryEligibilityPage)
GroupT = TypeVar("GroupT", bound=models.Model)


def eligible_country_code(value: str) -> str:
    """The upper-case ISO 3166-1 alpha-2 code in an ``eligibleCountry`` GraphQL argument."""
    code = value.strip().upper()
    if not COUNTRY_CODE.match(code):
        raise GraphQLError(
            f"Argument 'eligibleCountry': {value!r} is not an ISO 3166-1 "
            "alpha-2 country code such as 'SI'."
        )
    return code


def groups_listing(groups: QuerySet[GroupT], code: str) -> QuerySet[GroupT]:
    """The country groups in ``groups`` whose ``countries`` include ``code`` (upper case)."""
    return groups.annotate(_padded_codes=padded_codes("countries")).filter(
        _padded_codes__contains=f",{code},"
    )


def open_to_country(queryset: QuerySet[EligibilityPageT], code: str) -> QuerySet[EligibilityPageT]:
    """Pages listing the country ``code`` (upper case) itself or through one of their
    published groups."""
    # The group model is reached through the page's own relation: the core names no plugin.
    group_model = queryset.model._meta.get_field("eligible_country_groups").related_model
    groups = group_model._default_manager.all()
    restrict = Visibility().restriction(group_model)
    through_groups = queryset.model.objects.filter(
        eligible_country_groups__in=groups_listing(
            groups if restrict is None else restrict(groups), code
        )
    )
    return queryset.annotate(_padded_countries=padded_codes("eligible_countries")).filter(
        Q(_padded_countries__contains=f",{code},") | Q(pk__in=through_groups.values("pk"))
    )


def padded_codes(field_name: str) -> Concat:
    """A multiple ``CountryField`` stores "AL,BA,XK"; wrapped in commas, ",BA," matches BA
    wherever it sits and never a code that merely shares a letter."""
    return Concat(Value(","), field_name, Value(","), output_field=CharField())
