"""StreamField blocks shared by every page type, each exposed to GraphQL through grapple."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from grapple.helpers import register_streamfield_block
from grapple.models import GraphQLImage, GraphQLPage, GraphQLString
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page


@register_streamfield_block
class HeadingBlock(blocks.StructBlock):
    """A section heading."""

    text = blocks.CharBlock(max_length=200, label=_("Text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2", label=_("Level")
    )

    graphql_fields = [GraphQLString("text"), GraphQLString("level")]

    class Meta:
        icon = "title"


@register_streamfield_block
class ImageBlock(blocks.StructBlock):
    """An image with caption and credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        required=False,
        # Blocks saved before alt text existed lack the key; "" keeps them translatable.
        default="",
        max_length=250,
        label=_("Alt text"),
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty to use the "
            "image's own description."
        ),
    )
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))
    credit = blocks.CharBlock(required=False, max_length=250, label=_("Credit"))

    graphql_fields = [
        GraphQLImage("image", source="image_for_reader"),
        GraphQLString("caption"),
        GraphQLString("credit"),
    ]

    class Meta:
        icon = "image"

    def image_for_reader(self, info: Any, values: dict[str, Any], **kwargs: Any) -> Any:
        """The chosen image, with this block's alt text (translated with the page)."""
        from cms.graphql.images import image_with_alt

        image = values.get("image")
        if isinstance(image, int):  # grapple may hand over the stored id
            image = self.child_blocks["image"].to_python(image)
        return image_with_alt(image, values.get("alt") or "", info)


@register_streamfield_block
class QuoteBlock(blocks.StructBlock):
    """A quotation and who said it."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    graphql_fields = [GraphQLString("quote"), GraphQLString("attribution")]

    class Meta:
        icon = "openquote"


@register_streamfield_block
class PageLinkBlock(blocks.StructBlock):
    """A link to another page of the site, with optional link text."""

    # Methods import cms.graphql lazily: blocks load with the models, before the GraphQL
    # modules can be imported.

    page = blocks.PageChooserBlock(label=_("Page"))
    text = blocks.CharBlock(
        required=False, max_length=200, label=_("Text"), help_text=_("Defaults to the title.")
    )

    graphql_fields = [GraphQLPage("page", source="page_for_reader"), GraphQLString("text")]

    class Meta:
        icon = "link"

    def bulk_to_python(self, values: list[dict[str, Any]]) -> list[blocks.StructValue]:
        """In a GraphQL request, the chosen pages of every body loaded so far come in one query
        (``cms.graphql.links``) instead of one per page body."""
        from cms.graphql.links import chosen_pages

        pages = chosen_pages(value.get("page") for value in values)
        if pages is None:
            return super().bulk_to_python(values)
        structs = super().bulk_to_python(
            [{name: raw for name, raw in value.items() if name != "page"} for value in values]
        )
        for struct, value in zip(structs, values, strict=True):
            struct["page"] = pages.get(value.get("page"))
        return structs

    def page_for_reader(self, info: Any, values: dict[str, Any], **kwargs: Any) -> Page | None:
        """The chosen page in the partner's language, as its own type (``cms.graphql.links``)."""
        from cms.graphql.links import page_in_reader_language

        page = values.get("page")
        return None if page is None else page_in_reader_language(page)


class BodyBlock(blocks.StreamBlock):
    """The body of any page: paragraphs, headings, images, quotes and page links."""

    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"], label=_("Paragraph")
    )
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    page_link = PageLinkBlock(label=_("Page link"))
