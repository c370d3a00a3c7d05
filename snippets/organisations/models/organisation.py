from collections.abc import Callable
from typing import Any

import graphene
from django_countries.fields import CountryField

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLField, GraphQLImage, GraphQLString
from grapple.registry import registry as grapple_registry
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.graphql.language import choice_label
from cms.graphql.types import GraphQLCountry
from cms.models import BaseSnippet, ReviewedSnippet, alt_text_field, phone_errors
from cms.sanitise import validate_url_scheme


def _required_list(
    field_name: str, model_label: str, *, description: str
) -> Callable[[], GraphQLField]:
    """``[Type!]!`` for a child relation: plain lists, without grapple's queryset arguments."""

    def mixin() -> GraphQLField:
        model = apps.get_model(model_label)
        item = graphene.NonNull(lambda: grapple_registry.models[model])
        return GraphQLField(
            field_name, graphene.NonNull(graphene.List(item)), description=description
        )

    return mixin


class Organisation(ReviewedSnippet, ClusterableModel):
    """A municipality, NGO, national agency, youth centre or other body in the network."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        NGO = "ngo", _("Non-governmental organisation")
        NATIONAL_AGENCY = "national_agency", _("National agency")
        YOUTH_CENTRE = "youth_centre", _("Youth centre")
        BUSINESS = "business", _("Business")
        NETWORK = "network", _("Network")
        PUBLIC_INSTITUTION = "public_institution", _("Public institution")
        OTHER = "other", _("Other")

    name = models.CharField(
        max_length=200, help_text=_("The full name in this language."), verbose_name=_("name")
    )
    slug = models.SlugField(
        max_length=200,
        blank=True,
        help_text=_(
            "Used in partner site addresses and filters, the same in every language. "
            "Leave empty to create it from the name."
        ),
        verbose_name=_("slug"),
    )
    kind = models.CharField(
        max_length=30,
        choices=Kind.choices,
        help_text=_("Partner sites group and filter organisations by kind."),
        verbose_name=_("kind"),
    )
    short_description = models.TextField(
        max_length=600,
        blank=True,
        help_text=_(
            "What the organisation does, in two or three sentences (600 characters at most)."
        ),
        verbose_name=_("short description"),
    )
    street_address = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Street and number, e.g. 'Gregorčičeva ulica 4'."),
        verbose_name=_("street address"),
    )
    postal_code = models.CharField(max_length=20, blank=True, verbose_name=_("postal code"))
    city = models.CharField(max_length=100, blank=True, verbose_name=_("city"))
    country = CountryField(blank=True, verbose_name=_("country"))
    website = models.URLField(
        blank=True,
        validators=[validate_url_scheme],
        help_text=_("Starting with https:// or http://."),
        verbose_name=_("website"),
    )
    email = models.EmailField(
        blank=True,
        help_text=_("A general address the public may write to."),
        verbose_name=_("email"),
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("In international format, e.g. '+386 1 234 56 78'."),
        verbose_name=_("phone"),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on partner sites on a white background; a wide PNG or SVG works best."),
        verbose_name=_("logo"),
    )
    logo_alt = alt_text_field(_("logo alt text"))

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("kind"),
                    FieldPanel("short_description"),
                    FieldPanel("logo"),
                    FieldPanel("logo_alt"),
                    PublishingPanel(),
                ],
                heading=_("Organisation"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("street_address"),
                            FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                            FieldPanel("country"),
                        ],
                        heading=_("Address"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
                        heading=_("Contact"),
                    ),
                    InlinePanel("social_links", heading=_("Social media"), label=_("Link")),
                ],
                heading=_("Contact"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "opening_hours",
                        heading=_("Opening hours"),
                        label=_("Opening hours"),
                        help_text=_(
                            "One row per group of days, e.g. Monday to Friday 9:00 to 22:00. "
                            "Add a row with a note for special hours such as 'During events'."
                        ),
                    )
                ],
                heading=_("Opening hours"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "quality_labels", heading=_("Quality labels"), label=_("Quality label")
                    )
                ],
                heading=_("Quality labels"),
            ),
        ]
    )

    search_fields = [
        *BaseSnippet.search_fields,
        index.SearchField("short_description"),
        index.SearchField("city"),
        index.AutocompleteField("city"),
        index.FilterField("kind"),
        index.FilterField("country"),
    ]

    graphql_fields = [
        *BaseSnippet.graphql_fields,
        GraphQLString(
            "kind",
            required=True,
            description=(
                "municipality, ngo, national_agency, youth_centre, business, network, "
                "public_institution or other."
            ),
        ),
        GraphQLString(
            "kind_label",
            required=True,
            source="kind_label_for_reader",
            description="The kind in the language asked for, e.g. Youth centre.",
        ),
        GraphQLString(
            "short_description",
            description="What the organisation does, in two or three sentences.",
        ),
        GraphQLString("street_address", description="Street and number."),
        GraphQLString("postal_code", description="The postal code."),
        GraphQLString("city", description="The town or city."),
        GraphQLCountry(
            "country", source="country_or_none", description="The country; null if not given."
        ),
        GraphQLString("website", description="The organisation's website."),
        GraphQLString("email", description="A general address the public may write to."),
        GraphQLString("phone", description="In international format, e.g. +386 1 234 56 78."),
        GraphQLImage(
            "logo",
            source="logo_for_reader",
            description="The logo, with this organisation's alt text.",
        ),
        _required_list(
            "social_links",
            "organisations.OrganisationSocialLink",
            description="The organisation's social media profiles.",
        ),
        _required_list(
            "opening_hours",
            "organisations.OpeningHours",
            description="When the organisation is open, in order.",
        ),
        _required_list(
            "quality_labels",
            "organisations.QualityLabel",
            description="Quality labels the organisation holds.",
        ),
    ]

    translatable_fields = [
        *BaseSnippet.translatable_fields,
        SynchronizedField("kind", overridable=False),
        TranslatableField("short_description"),
        # Addresses are written as the post office writes them, in every language; translators
        # may still override a city name with its exonym (Koper / Capodistria).
        SynchronizedField("street_address", overridable=False),
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("city", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("website", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("logo", overridable=False),
        SynchronizedField("social_links", overridable=False),
        TranslatableField("logo_alt"),
        TranslatableField("opening_hours"),
        TranslatableField("quality_labels"),
    ]

    slug_taken_message = _("Another organisation in this language uses this slug.")

    class Meta(BaseSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    @property
    def kind_label(self) -> str:
        return str(self.get_kind_display())

    def logo_for_reader(self, info: object = None) -> Any:
        """The logo, with this organisation's alt text for it."""
        from cms.graphql.images import image_with_alt

        return image_with_alt(self.logo, self.logo_alt, info)

    def kind_label_for_reader(self, info: object = None) -> str:
        """The kind's label in the language the partner asked for."""
        return choice_label(self, "kind", info)

    @property
    def country_or_none(self):
        """The country, or ``None`` when none is set (an empty field is not a country)."""
        return self.country or None

    def field_errors(self) -> dict[str, Any]:
        errors = super().field_errors()
        if self.website and not self.website.lower().startswith(("https://", "http://")):
            errors["website"] = _("Enter a web address starting with https:// or http://.")
        return {**errors, **phone_errors(self.phone)}
