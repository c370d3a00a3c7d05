from collections.abc import Callable

import graphene
from django_countries.fields import CountryField

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLField, GraphQLInt, GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.graphql.types import CountryObjectType
from cms.models import clean_slug


def _country_list(field_name: str) -> Callable[[], GraphQLField]:
    """``[Country!]!`` for a multiple CountryField.

    Stands in for ``cms.graphql.types.GraphQLCountryList``, which wraps the already non-null
    item type in NonNull again and so fails at start-up; switch back once that is fixed.
    """

    def mixin() -> GraphQLField:
        item = graphene.NonNull(CountryObjectType)
        return GraphQLField(field_name, graphene.NonNull(graphene.List(item)))

    return mixin


class CountryGroup(TranslatableMixin, index.Indexed, models.Model):
    """A named set of countries that calls and events are open to, e.g. "Western Balkans"."""

    name = models.CharField(max_length=150, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=150,
        blank=True,
        help_text=_(
            "Used in partner site addresses and filters, the same in every language. "
            "Leave empty to create it from the name."
        ),
        verbose_name=_("slug"),
    )
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
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("countries"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    graphql_fields = [
        GraphQLString("name", required=True),
        GraphQLString("slug", required=True),
        GraphQLString("description"),
        _country_list("countries"),
        GraphQLInt("country_count", required=True),
    ]

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
        SynchronizedField("countries", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country group")
        verbose_name_plural = _("country groups")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # Objects created in code skip clean(); they still need a slug for lookups.
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    @property
    def country_count(self) -> int:
        return len(self.countries)

    def country_codes(self) -> list[str]:
        """ISO 3166-1 alpha-2 codes of the member countries, e.g. ``["AL", "BA", "XK"]``."""
        return [country.code for country in self.countries]

    def clean(self) -> None:
        super().clean()
        clean_slug(self)
