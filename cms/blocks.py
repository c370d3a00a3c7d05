"""StreamField blocks shared by every page type, each exposed to GraphQL through grapple."""

from __future__ import annotations

from typing import Any

from grapple.helpers import register_streamfield_block
from grapple.models import GraphQLImage, GraphQLPage, GraphQLString
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page

from cms.graphql.visibility import public_pages
from cms.localized import localized


@register_streamfield_block
class HeadingBlock(blocks.StructBlock):
    """A section heading."""

    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    graphql_fields = [GraphQLString("text"), GraphQLString("level")]

    class Meta:
        icon = "title"


@register_streamfield_block
class ImageBlock(blocks.StructBlock):
    """An image with caption and credit."""

    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=250)

    graphql_fields = [GraphQLImage("image"), GraphQLString("caption"), GraphQLString("credit")]

    class Meta:
        icon = "image"


@register_streamfield_block
class QuoteBlock(blocks.StructBlock):
    """A quotation and who said it."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    graphql_fields = [GraphQLString("quote"), GraphQLString("attribution")]

    class Meta:
        icon = "openquote"


@register_streamfield_block
class PageLinkBlock(blocks.StructBlock):
    """A link to another page of the site, with optional link text."""

    page = blocks.PageChooserBlock()
    text = blocks.CharBlock(required=False, max_length=200, help_text="Defaults to the title.")

    graphql_fields = [GraphQLPage("page", source="page_for_reader"), GraphQLString("text")]

    class Meta:
        icon = "link"

    def page_for_reader(self, info: Any, values: dict[str, Any], **kwargs: Any) -> Page | None:
        """The chosen page in the language the partner asked for, where it is public there.

        wagtail-localize copies page choosers unchanged into translations, so a Slovenian page
        would link to the English one; and the chooser holds a plain ``Page``, which would hide
        the page's own type from ``... on ProjectPage`` fragments.
        """
        page = values.get("page")
        if page is None:
            return None
        versions = localized(
            [page],
            Locale.get_active().pk,
            restrict=lambda pages: public_pages(pages).specific(),
        )
        return versions.get(page.pk)


class BodyBlock(blocks.StreamBlock):
    """The body of any page: paragraphs, headings, images, quotes and page links."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"]
    )
    image = ImageBlock()
    quote = QuoteBlock()
    page_link = PageLinkBlock()
