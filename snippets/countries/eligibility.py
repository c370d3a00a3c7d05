"""Which countries may take part: what the pages that list eligible countries share."""

from __future__ import annotations

from django_countries.fields import Country

from django.db import models

from grapple.models import GraphQLCollection, GraphQLForeignKey, GraphQLString

from cms.graphql.types import GraphQLCountryList
from cms.localized import relation_in_locale
from cms.models import BasePage


class CountryEligibilityPage(BasePage):
    """A page open to people or organisations from the countries it lists, singly or by group.

    Each page declares ``eligible_country_groups`` (to ``countries.CountryGroup``),
    ``eligible_countries`` (a multiple ``CountryField``) and ``eligibility_note`` itself:
    where a model declares a field decides where partner sites find it in the page's GraphQL
    type, and each page words the help text for its own editors.
    ``selectors.open_to_country`` finds the pages open to one country.
    """

    #: Spliced into each page's ``graphql_fields``, so partner sites read eligibility alike on
    #: every page type that has it.
    eligibility_graphql_fields = [
        GraphQLCollection(
            GraphQLForeignKey,
            "eligible_country_groups",
            "countries.CountryGroup",
            source="localized_eligible_country_groups",
            required=True,
            item_required=True,
        ),
        GraphQLCountryList(
            "eligible_countries", description="Countries eligible besides the groups."
        ),
        GraphQLCountryList(
            "all_eligible_countries",
            description="Every eligible country: the groups' and the single ones, by code.",
        ),
        GraphQLString("eligibility_note"),
    ]

    class Meta:
        abstract = True

    @property
    def all_eligible_countries(self) -> list[Country]:
        codes = {country.code for country in self.eligible_countries}
        for group in self.eligible_country_groups.all():
            codes.update(country.code for country in group.countries)
        return [Country(code) for code in sorted(codes)]

    @property
    def localized_eligible_country_groups(self) -> list[models.Model]:
        return relation_in_locale(self, "eligible_country_groups")
