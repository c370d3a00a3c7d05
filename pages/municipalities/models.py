from decimal import Decimal
from typing import Any

from django_countries.fields import CountryField

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from grapple.models import (
    GraphQLFloat,
    GraphQLForeignKey,
    GraphQLImage,
    GraphQLInt,
    GraphQLStreamfield,
    GraphQLString,
)
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyBlock
from cms.graphql.loaders import batched, noted, related_in_locale, visibility_of
from cms.graphql.types import GraphQLCountry
from cms.models import INDEX_LIST_LIMIT, BaseIndexPage, BasePage, alt_text_field
from cms.sanitise import validate_url_scheme
from pages.municipalities.querysets import MunicipalityPageManager, municipalities_projects

LATITUDE_RANGE = (Decimal(-90), Decimal(90))
LONGITUDE_RANGE = (Decimal(-180), Decimal(180))


class MunicipalityIndexPage(BaseIndexPage):
    """The list of the network's municipalities; one per language tree, under the home page."""

    intro = models.TextField(
        blank=True,
        help_text=_("A short introduction partner sites show above the list of municipalities."),
        verbose_name=_("intro"),
    )

    search_fields = [*BaseIndexPage.search_fields]

    graphql_fields = [
        *BaseIndexPage.graphql_fields,
        GraphQLForeignKey(
            "municipalities",
            "municipalities.MunicipalityPage",
            is_list=True,
            required=True,
            description=(
                f"The public municipality pages below this index, alphabetically (at most "
                f"{INDEX_LIST_LIMIT}; the top-level municipalities query pages through all)."
            ),
        ),
    ]

    translatable_fields = [*BaseIndexPage.translatable_fields]

    # The example partner site lists them in a section of its home (examples/partner-site/).
    frontend_url_pattern = "{base}/?locale={locale}#municipalities"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["municipalities.MunicipalityPage"]

    class Meta:
        verbose_name = _("municipality index page")
        verbose_name_plural = _("municipality index pages")

    def municipalities(self, info: object = None) -> list["MunicipalityPage"]:
        """The public municipality pages below this index (GraphQL passes ``info``)."""
        listed = MunicipalityPage.objects.listed_under(self, visibility_of(info))
        return noted(info, listed[:INDEX_LIST_LIMIT])


class MunicipalityPage(BasePage):
    """A municipality: where it is, who to contact, and the projects it takes part in."""

    official_name = models.CharField(
        max_length=255,
        blank=True,
        help_text=_(
            "The legal name in the municipality's own language, e.g. 'Mestna občina Novo "
            "mesto' or 'Comune di Canepina'. The title is the short name ('Novo mesto')."
        ),
        verbose_name=_("official name"),
    )
    country = CountryField(verbose_name=_("country"))
    region = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Region or province, e.g. 'Lazio' or 'Southeast Slovenia'."),
        verbose_name=_("region"),
    )
    website = models.URLField(
        blank=True,
        validators=[validate_url_scheme],
        help_text=_("The municipality's official website."),
        verbose_name=_("website"),
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Decimal degrees north (negative for south), -90 to 90, e.g. 46.056946."),
        verbose_name=_("latitude"),
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Decimal degrees east (negative for west), -180 to 180, e.g. 14.505751."),
        verbose_name=_("longitude"),
    )
    population = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_("Inhabitants, from the latest census; leave empty if unknown."),
        verbose_name=_("population"),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Coat of arms or logo; a square image works best."),
        verbose_name=_("logo"),
    )
    logo_alt = alt_text_field(_("logo alt text"))
    short_profile = models.TextField(
        blank=True,
        help_text=_("Two or three sentences partner sites show in lists and on maps."),
        verbose_name=_("short profile"),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("The full profile of the municipality."),
        verbose_name=_("body"),
    )
    contact = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person partners contact about the municipality's work in the network."),
        verbose_name=_("contact"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The municipality's entry among organisations, if it has one (for example as a "
            "signatory or funder), so the two records can be linked."
        ),
        verbose_name=_("organisation"),
    )

    objects = MunicipalityPageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("official_name"),
        FieldPanel("short_profile"),
        FieldPanel("body"),
    ]
    location_panels = [
        FieldPanel("country"),
        FieldPanel("region"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Coordinates"),
            help_text=_("Both or neither; used to place the municipality on partner maps."),
        ),
        FieldPanel("population"),
    ]
    contact_panels = [
        FieldPanel("website"),
        FieldPanel("contact"),
        FieldPanel("organisation"),
        FieldPanel("logo"),
        FieldPanel("logo_alt"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Profile")),
            ObjectList(location_panels, heading=_("Location")),
            ObjectList(contact_panels, heading=_("Contact and links")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("official_name"),
        index.SearchField("region"),
        index.SearchField("short_profile"),
        index.SearchField("body"),
        index.FilterField("country"),
    ]

    graphql_fields = [
        *BasePage.graphql_fields,
        GraphQLString(
            "official_name",
            description="The legal name in the municipality's own language.",
        ),
        GraphQLCountry("country", description="The country the municipality is in."),
        GraphQLString("region", description="Region or province, e.g. Lazio."),
        GraphQLString("website", description="The municipality's official website."),
        GraphQLFloat(
            "latitude",
            description="Decimal degrees north (negative for south); null if unknown.",
        ),
        GraphQLFloat(
            "longitude",
            description="Decimal degrees east (negative for west); null if unknown.",
        ),
        GraphQLInt("population", description="Inhabitants at the latest census; null if unknown."),
        GraphQLImage(
            "logo",
            source="logo_for_reader",
            description="Coat of arms or logo, with this page's alt text.",
        ),
        GraphQLString("short_profile", description="Two or three sentences for lists and maps."),
        GraphQLStreamfield("body", description="The full profile of the municipality."),
        GraphQLForeignKey(
            "contact",
            "people.Person",
            description="The person to contact about the municipality's work in the network.",
        ),
        GraphQLForeignKey(
            "organisation",
            "organisations.Organisation",
            source="organisation_for_api",
            description="The municipality's entry among organisations, in the page's language, "
            "if it has a published one.",
        ),
        GraphQLForeignKey(
            "projects",
            "projects.ProjectPage",
            is_list=True,
            required=True,
            description=(
                "Published projects in this page's language that list the municipality as a "
                "partner, newest first."
            ),
        ),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("region"),
        TranslatableField("short_profile"),
        TranslatableField("body"),
        # A legal name stays as it is in every language, unless a translator overrides it.
        SynchronizedField("official_name", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("website", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("population", overridable=False),
        SynchronizedField("logo", overridable=False),
        TranslatableField("logo_alt"),
        # Snippets are translatable: the translation points at the person's and the
        # organisation's own translation when there is one, else keeps the source's.
        TranslatableField("contact"),
        TranslatableField("organisation"),
    ]

    # The page of the example partner site (examples/partner-site/) that shows one.
    frontend_url_pattern = "{base}/municipality.html?slug={slug}&locale={locale}"

    parent_page_types = ["municipalities.MunicipalityIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("municipality page")
        verbose_name_plural = _("municipality pages")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        out_of_range = {
            "latitude": _("Enter a latitude between %(low)s and %(high)s degrees."),
            "longitude": _("Enter a longitude between %(low)s and %(high)s degrees."),
        }
        for name, (low, high) in (("latitude", LATITUDE_RANGE), ("longitude", LONGITUDE_RANGE)):
            value = getattr(self, name)
            if value is not None and not low <= value <= high:
                errors[name] = out_of_range[name] % {"low": low, "high": high}
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            errors.setdefault(missing, _("Give both latitude and longitude, or neither."))
        if errors:
            raise ValidationError(errors)

    def logo_for_reader(self, info: object = None) -> Any:
        """The logo, with this page's alt text for it."""
        from cms.graphql.images import image_with_alt

        return image_with_alt(self.logo, self.logo_alt, info)

    def organisation_for_api(self, info: object = None, **kwargs: object) -> models.Model | None:
        """The organisation in this page's language, as published (null while unpublished)."""
        return related_in_locale(info, self, "organisation")

    def projects(self, info: object = None) -> QuerySet | list:
        """Published projects in this page's locale with the municipality among their partners.

        Derived from the projects' partner rows, so a partnership is entered only once, on
        the project. In a GraphQL request they are loaded for every municipality at once.
        """
        return batched(info, "municipality_projects", self, municipalities_projects)
