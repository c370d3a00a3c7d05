"""StreamField blocks shared by every page type, each exposed to GraphQL through grapple."""

from __future__ import annotations

from typing import Any

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from grapple.helpers import register_streamfield_block
from grapple.models import GraphQLImage, GraphQLPage, GraphQLString
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page


@register_streamfield_block
class HeadingBlock(blocks.StructBlock):
    """A section heading."""

    text = blocks.CharBlock(max_length=200, label=_("Text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2", label=_("Level")
    )

    graphql_fields = [
        GraphQLString("text", description="The heading's text."),
        GraphQLString("level", description="h2 or h3."),
    ]

    class Meta:
        icon = "title"
        graphql_description = "A section heading."


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
        GraphQLImage(
            "image",
            source="image_for_reader",
            description="The image, with this block's alt text; null if it is not public.",
        ),
        GraphQLString("caption", description="Text shown with the image; may be empty."),
        GraphQLString("credit", description="Who made the image; may be empty."),
    ]

    class Meta:
        icon = "image"
        graphql_description = "An image with caption and credit."

    def bulk_to_python(self, values: list[dict[str, Any]]) -> list[blocks.StructValue]:
        """Chosen images are fetched when first read, not when a body is loaded: a GraphQL
        request serves them through its loaders, every body's images in one batch."""
        structs = super().bulk_to_python(
            [{name: raw for name, raw in value.items() if name != "image"} for value in values]
        )
        for struct, value in zip(structs, values, strict=True):
            image_id = value.get("image")
            struct["image"] = ChosenImage(image_id) if isinstance(image_id, int) else None
        return structs

    def image_for_reader(self, info: Any, values: dict[str, Any], **kwargs: Any) -> Any:
        """The chosen image, with this block's alt text (translated with the page)."""
        from cms.graphql.images import image_with_alt
        from cms.graphql.loaders import loaders_of

        image = values.get("image")
        image_id = image.__dict__.get("image_id") if isinstance(image, ChosenImage) else image
        loaders = loaders_of(info)
        if isinstance(image_id, int):  # as stored: grapple may hand over the bare id too
            if loaders is None:
                image = self.child_blocks["image"].to_python(image_id)
            else:
                image = loaders.chosen_image(image_id)
        return image_with_alt(image, values.get("alt") or "", info)


@register_streamfield_block
class QuoteBlock(blocks.StructBlock):
    """A quotation and who said it."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    graphql_fields = [
        GraphQLString("quote", description="The words quoted."),
        GraphQLString("attribution", description="Who said them; may be empty."),
    ]

    class Meta:
        icon = "openquote"
        graphql_description = "A quotation and who said it."


@register_streamfield_block
class PageLinkBlock(blocks.StructBlock):
    """A link to another page of the site, with optional link text."""

    # Methods import cms.graphql lazily: blocks load with the models, before the GraphQL
    # modules can be imported.

    page = blocks.PageChooserBlock(label=_("Page"))
    text = blocks.CharBlock(
        required=False, max_length=200, label=_("Text"), help_text=_("Defaults to the title.")
    )

    graphql_fields = [
        GraphQLPage(
            "page",
            source="page_for_reader",
            description="The page in the reader's language; null if it is not public.",
        ),
        GraphQLString("text", description="Link text; when empty, use the page's title."),
    ]

    class Meta:
        icon = "link"
        graphql_description = "A link to another page of the site, with optional link text."

    def bulk_to_python(self, values: list[dict[str, Any]]) -> list[blocks.StructValue]:
        """Chosen pages are fetched when first read, not when a body is loaded: a GraphQL
        request serves them through its loaders, every body's links in one batch."""
        structs = super().bulk_to_python(
            [{name: raw for name, raw in value.items() if name != "page"} for value in values]
        )
        for struct, value in zip(structs, values, strict=True):
            page_id = value.get("page")
            struct["page"] = ChosenPage(page_id) if isinstance(page_id, int) else None
        return structs

    def page_for_reader(self, info: Any, values: dict[str, Any], **kwargs: Any) -> Page | None:
        """The chosen page in the partner's language, public and as its own type."""
        from cms.graphql.loaders import loaders_of

        page = values.get("page")
        loaders = loaders_of(info)
        if page is None or loaders is None:
            return page
        page_id = page.__dict__.get("page_id") if isinstance(page, ChosenPage) else page.pk
        return loaders.chosen_page(page_id, loaders.context.locale(info))


class ChosenPage(SimpleLazyObject):
    """A page chosen in a block: its id is known at once, the page is fetched when read."""

    def __init__(self, page_id: int) -> None:
        super().__init__(lambda: Page.objects.filter(pk=page_id).first())
        # Wagtail reads ``.pk`` to index references and to store the block: the id answers
        # without a fetch, and without failing when the page was deleted since.
        self.__dict__.update(page_id=page_id, pk=page_id, id=page_id)

    @property
    def __class__(self) -> type:  # type: ignore[override]
        # A type check (``isinstance(value, int)`` in grapple) must not fetch the page.
        return Page


class ChosenImage(SimpleLazyObject):
    """An image chosen in a block: its id is known at once, the image is fetched when read."""

    def __init__(self, image_id: int) -> None:
        super().__init__(lambda: get_image_model().objects.filter(pk=image_id).first())
        # As for ChosenPage: ``.pk`` answers from the id, even after the image was deleted.
        self.__dict__.update(image_id=image_id, pk=image_id, id=image_id)

    @property
    def __class__(self) -> type:  # type: ignore[override]
        # A type check (``isinstance(value, int)`` in grapple) must not fetch the image.
        return get_image_model()


class BodyBlock(blocks.StreamBlock):
    """The body of any page: paragraphs, headings, images, quotes and page links."""

    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"], label=_("Paragraph")
    )
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    page_link = PageLinkBlock(label=_("Page link"))
