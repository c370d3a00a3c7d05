"""Site settings per language and the translatable menus partner sites build headers from."""

from typing import Any

import graphene

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLField, GraphQLImage, GraphQLString
from grapple.registry import registry as grapple_registry
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.graphql.interfaces import PublicPageInterface
from cms.graphql.loaders import related_in_locale
from cms.models import BaseSocialLink, alt_text_field, phone_errors
from cms.sanitise import validate_url_scheme


def _rows(field_name: str, model_label: str, *, description: str, source: str | None = None):
    """``[Type!]!`` for a child relation (plain lists, without grapple's queryset arguments)."""

    def mixin() -> GraphQLField:
        item = graphene.NonNull(lambda: grapple_registry.models[apps.get_model(model_label)])
        return GraphQLField(
            field_name,
            graphene.NonNull(graphene.List(item)),
            description=description,
            source=source or field_name,
        )

    return mixin


class SiteSettings(TranslatableMixin, index.Indexed, ClusterableModel):
    """What a partner site's header and footer show: one set for the site, per language."""

    network_name = models.CharField(
        max_length=150,
        help_text=_("The network's name as partner sites show it in their header."),
        verbose_name=_("network name"),
    )
    tagline = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("A line under the name, e.g. what the network does."),
        verbose_name=_("tagline"),
    )
    contact_email = models.EmailField(
        blank=True, help_text=_("The address readers write to."), verbose_name=_("contact email")
    )
    contact_phone = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("With the country code, e.g. +386 1 430 47 47."),
        verbose_name=_("contact phone"),
    )
    contact_address = models.TextField(
        blank=True, help_text=_("The postal address, one line each."), verbose_name=_("address")
    )
    default_og_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a shared page has no image of its own (1200×630 works best)."),
        verbose_name=_("default sharing image"),
    )
    default_og_image_alt = alt_text_field(_("sharing image alt text"))

    panels = [
        FieldPanel("network_name"),
        FieldPanel("tagline"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("social_links", heading=_("Social media"), label=_("Link")),
        MultiFieldPanel(
            [FieldPanel("default_og_image"), FieldPanel("default_og_image_alt")],
            heading=_("Sharing"),
        ),
    ]

    search_fields = [index.SearchField("network_name"), index.FilterField("locale")]

    graphql_fields = [
        GraphQLString("network_name", required=True, description="The network's name."),
        GraphQLString("tagline", required=True, description="A line under the name; may be empty."),
        GraphQLString("contact_email", required=True, description="Contact address; may be empty."),
        GraphQLString("contact_phone", required=True, description="Contact phone; may be empty."),
        GraphQLString(
            "contact_address", required=True, description="Postal address, one line each."
        ),
        _rows(
            "social_links",
            "navigation.SiteSocialLink",
            description="The network's social media profiles, in order.",
        ),
        GraphQLImage(
            "default_og_image",
            source="default_og_image_for_reader",
            description="The image for sharing a page without its own (use the OG preset); "
            "null if none or private.",
        ),
    ]

    translatable_fields = [
        TranslatableField("network_name"),
        TranslatableField("tagline"),
        TranslatableField("contact_address"),
        TranslatableField("default_og_image_alt"),
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("contact_phone", overridable=False),
        SynchronizedField("default_og_image", overridable=False),
        SynchronizedField("social_links", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self) -> str:
        return self.network_name

    def default_og_image_for_reader(self, info: object = None) -> Any:
        from cms.graphql.images import image_with_alt

        return image_with_alt(self.default_og_image, self.default_og_image_alt, info)

    def clean(self) -> None:
        super().clean()
        # One set for the site; each language has its translation of it.
        others = SiteSettings.objects.exclude(translation_key=self.translation_key)
        if others.exists():
            raise ValidationError(
                _("The site has its settings already; edit them or translate them instead.")
            )
        error = phone_errors(self.contact_phone).get("phone")
        if error:
            raise ValidationError({"contact_phone": error})


class SiteSocialLink(BaseSocialLink):
    """A link to one of the network's social media profiles."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    url = models.URLField(
        _("address"),
        validators=[validate_url_scheme],
        help_text=_("The profile's full address, e.g. https://www.facebook.com/name/."),
    )


class Menu(TranslatableMixin, index.Indexed, ClusterableModel):
    """A list of links partner sites show, e.g. the main menu in the header."""

    class Location(models.TextChoices):
        MAIN = "main", _("Main menu")
        FOOTER = "footer", _("Footer menu")

    name = models.CharField(
        max_length=20,
        choices=Location.choices,
        help_text=_("Where partner sites show it; one menu of each per language."),
        verbose_name=_("menu"),
    )

    panels = [FieldPanel("name"), InlinePanel("items", heading=_("Links"), label=_("Link"))]

    search_fields = [index.FilterField("name"), index.FilterField("locale")]

    graphql_fields = [
        GraphQLString("name", required=True, description="main or footer."),
        _rows(
            "items",
            "navigation.MenuItem",
            source="public_items",
            description="The links, in order: a link to a page that is not public is left out.",
        ),
    ]

    translatable_fields = [
        SynchronizedField("name", overridable=False),
        TranslatableField("items"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        unique_together = [("translation_key", "locale"), ("name", "locale")]

    def __str__(self) -> str:
        return self.get_name_display()

    def public_items(self, info: object = None, **kwargs: object) -> list["MenuItem"]:
        """The links a reader may follow: web addresses, and pages that are public."""
        from cms.graphql.loaders import noted

        items = noted(info, self.items.all())
        return [item for item in items if item.url or item.localized_page(info) is not None]


class MenuItem(TranslatableMixin, Orderable):
    """One link of a menu: to a page (its translation in each language) or a web address."""

    menu = ParentalKey(Menu, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("The link's text; leave empty to use the page's title."),
        verbose_name=_("label"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A page of this site; readers of each language get its translation."),
        verbose_name=_("page"),
    )
    url = models.URLField(
        _("web address"),
        blank=True,
        validators=[validate_url_scheme],
        help_text=_("Or an address elsewhere, e.g. https://youth.europa.eu/."),
    )

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("url")]

    graphql_fields = [
        GraphQLString(
            "label", required=True, source="label_for_reader", description="The link's text."
        ),
        GraphQLString(
            "url",
            source="url_for_reader",
            description="Where it leads: the page's address on the partner frontend, or the web "
            "address; null for a page type the frontend has no page for.",
        ),
        GraphQLField(
            "page",
            PublicPageInterface,
            source="localized_page",
            description="The page in the reader's language; null for a web address.",
        ),
    ]

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("page"),
        SynchronizedField("url", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("menu link")
        verbose_name_plural = _("menu links")

    def __str__(self) -> str:
        return self.label or str(self.page or self.url)

    def localized_page(self, info: object = None, **kwargs: object) -> Any:
        if self.page_id is None:
            return None
        return related_in_locale(info, self, "page")

    def label_for_reader(self, info: object = None) -> str:
        page = self.localized_page(info)
        return self.label or (page.title if page is not None else self.url)

    def url_for_reader(self, info: object = None) -> str | None:
        from cms.frontend import frontend_url
        from cms.graphql.context import request_context

        page = self.localized_page(info)
        if page is None:
            return self.url or None
        language = request_context(info).locales[page.locale_id].language_code
        return frontend_url(page, language_code=language)

    def clean(self) -> None:
        super().clean()
        if bool(self.page_id) == bool(self.url):
            raise ValidationError(_("Choose a page or enter a web address, not both or neither."))
