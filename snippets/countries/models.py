from collections.abc import Callable

import graphene
from django_countries.fields import CountryField

from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLField, GraphQLInt, GraphQLString
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.graphql.types import CountryObjectType
from cms.models import BaseSnippet, ReviewedSnippet


def _country_list(field_name: str, *, description: str) -> Callable[[], GraphQLField]:
    """``[Country!]!`` for a multiple CountryField.

    Stands in for ``cms.graphql.types.GraphQLCountryList``, which wraps the already non-null
    item type in NonNull again and so fails at start-up; switch back once that is fixed.
    """

    def mixin() -> GraphQLField:
        item = graphene.NonNull(CountryObjectType)
        return GraphQLField(
            field_name, graphene.NonNull(graphene.List(item)), description=description
        )

    return mixin


class CountryGroup(ReviewedSnippet):
    """A named set of countries that calls and events are open to, e.g. "Western Balkans"."""

    description = models.TextField(
        blank=True,
        help_text=_("Who decides the list and what it is used for, in a sentence or two."),
        verbose_name=_("description"),
    )
    countries = CountryField(
        multiple=True,
        blank=True,
        help_text=_(
            "The member countries. Kosovo is listed as 'Kosovo*' (UN Security Council "
            "resolution 1244/1999). The list is the same in every language."
        ),
        verbose_name=_("countries"),
    )

    panels = [
        *BaseSnippet.panels,
        FieldPanel("description"),
        FieldPanel("countries"),
        PublishingPanel(),
    ]

    search_fields = [*BaseSnippet.search_fields, index.SearchField("description")]

    graphql_fields = [
        *BaseSnippet.graphql_fields,
        GraphQLString("description", description="Who decides the list and what it is used for."),
        _country_list("countries", description="The member countries; the same in every language."),
        GraphQLInt("country_count", required=True, description="How many countries the group has."),
    ]

    translatable_fields = [
        *BaseSnippet.translatable_fields,
        TranslatableField("description"),
        SynchronizedField("countries", overridable=False),
    ]

    class Meta(BaseSnippet.Meta):
        verbose_name = _("country group")
        verbose_name_plural = _("country groups")

    @property
    def country_count(self) -> int:
        return len(self.countries)

    def country_codes(self) -> list[str]:
        """ISO 3166-1 alpha-2 codes of the member countries, e.g. ``["AL", "BA", "XK"]``."""
        return [country.code for country in self.countries]
