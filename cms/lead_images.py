"""The pieces a page type uses to carry a lead image: fields, panel, GraphQL fields, translation.

A plugin declares the fields itself (``lead_image = lead_image_field(...)``) and lists the
panel, GraphQL fields and translatable fields these builders return beside its own; its page
class also inherits :class:`LeadImageReader`, which resolves the image for partner sites and
offers it as the page's share (Open Graph) image when no other is set.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLImage, GraphQLString
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models import alt_text_field


def image_field(verbose_name: Any, help_text: Any) -> models.ForeignKey:
    """An optional image; deleting the image empties the field, never the page."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
        verbose_name=verbose_name,
    )


def lead_image_field(help_text: Any = None) -> models.ForeignKey:
    return image_field(
        _("lead image"),
        help_text
        or _(
            "The image partner sites show on cards and at the top of the page; a landscape "
            "photo of at least 1600 × 900 pixels works best."
        ),
    )


def lead_image_alt_field() -> models.CharField:
    return alt_text_field(_("lead image alt text"))


def lead_image_caption_field() -> models.CharField:
    return models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Shown under the image, e.g. 'Guests and hosts at the youth centre'."),
        verbose_name=_("lead image caption"),
    )


def lead_image_credit_field() -> models.CharField:
    return models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Who took or owns the image, e.g. 'Photo: City of Ljubljana'."),
        verbose_name=_("lead image credit"),
    )


def lead_image_panel() -> MultiFieldPanel:
    return MultiFieldPanel(
        [
            FieldPanel("lead_image"),
            FieldPanel("lead_image_alt"),
            FieldPanel("lead_image_caption"),
            FieldPanel("lead_image_credit"),
        ],
        heading=_("Lead image"),
        help_text=_(
            "Images in a private collection are never shown to partner sites; choose one "
            "from a public collection."
        ),
    )


def lead_image_graphql_fields() -> list[Any]:
    return [
        GraphQLImage(
            "lead_image",
            source="lead_image_for_reader",
            description=(
                "The image for cards and the top of the page, with this page's alt text; null "
                "when there is none or it is in a private collection."
            ),
        ),
        GraphQLString(
            "lead_image_caption",
            source="lead_image_caption_for_reader",
            description="Shown under the lead image; null without a lead image.",
        ),
        GraphQLString(
            "lead_image_credit",
            source="lead_image_credit_for_reader",
            description="Who took or owns the lead image; null without a lead image.",
        ),
    ]


def lead_image_translatable_fields() -> list[Any]:
    return [
        # The same image in every language unless a translator picks one, e.g. with text
        # in their language.
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_alt"),
        TranslatableField("lead_image_caption"),
        SynchronizedField("lead_image_credit"),
    ]


class LeadImageReader:
    """What partner sites read of a page's lead image; also the page's fallback share image."""

    lead_image: Any
    lead_image_alt: str
    lead_image_caption: str
    lead_image_credit: str

    def lead_image_for_reader(self, info: object = None) -> Any:
        """The lead image with this page's alt text; None when private."""
        from cms.graphql.images import image_with_alt

        return image_with_alt(self.lead_image, self.lead_image_alt, info)

    def lead_image_caption_for_reader(self, info: object = None) -> str | None:
        return (self.lead_image_caption or None) if self._shows_lead_image(info) else None

    def lead_image_credit_for_reader(self, info: object = None) -> str | None:
        return (self.lead_image_credit or None) if self._shows_lead_image(info) else None

    def share_image_fallback(self, info: object = None) -> Any:
        """The lead image, for a page without an image of its own for sharing."""
        self._load_lead_images(info)
        return self.lead_image_for_reader(info)

    def _shows_lead_image(self, info: object) -> bool:
        from cms.graphql.loaders import visibility_of
        from cms.graphql.visibility import Visibility

        if self.lead_image_id is None:  # type: ignore[attr-defined]
            return False
        self._load_lead_images(info)
        visibility = visibility_of(info) or Visibility()
        return visibility.image_visible(self.lead_image)

    def _load_lead_images(self, info: object) -> None:
        from cms.graphql.loaders import loaders_of

        loaders = loaders_of(info)
        if loaders is not None:
            # Every page of the request that asks: their lead images in one statement.
            loaders.prefetch(self, "lead_image")
