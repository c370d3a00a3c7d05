"""The image type partner sites see: renditions only from named presets.

Grapple's image type lets any caller ask for a rendition of any size, and each new size is
generated and stored; here a caller picks a preset (``CMS_IMAGE_PRESETS``) and an output
format, so the set of renditions per image is bounded. ``fill`` presets crop around the
focal point an editor set.
"""

from __future__ import annotations

from typing import Any

import graphene

from django.conf import settings

from wagtail.images.models import AbstractImage, Filter

from cms.graphql.limits import reserve_new_renditions
from cms.graphql.loaders import image_for_reader, loaders_of

FORMATS = {"WEBP": "webp", "AVIF": "avif", "JPEG": "jpeg", "PNG": "png"}

ImageFormat = graphene.Enum(
    "ImageFormat",
    [(name, name) for name in FORMATS],
    description=lambda value: (
        f"Encode the rendition as {value.name}." if value else "The file format of a rendition."
    ),
)


def _preset_enum() -> type[graphene.Enum]:
    return graphene.Enum(
        "ImagePreset",
        [(name, name) for name in settings.CMS_IMAGE_PRESETS],
        description=lambda value: (
            f"Wagtail filter {settings.CMS_IMAGE_PRESETS[value.name]}."
            if value
            else "Rendition sizes this site offers (CMS_IMAGE_PRESETS)."
        ),
    )


ImagePreset = _preset_enum()


def _filter_spec(preset: str, image_format: str | None) -> str:
    spec = settings.CMS_IMAGE_PRESETS[preset]
    return f"{spec}|format-{FORMATS[image_format or 'WEBP']}"


class FocalPointType(graphene.ObjectType):
    """The area an editor marked as the image's subject, in original pixels."""

    x = graphene.Int(required=True, description="Horizontal centre of the area.")
    y = graphene.Int(required=True, description="Vertical centre of the area.")
    width = graphene.Int(required=True, description="Width of the area.")
    height = graphene.Int(required=True, description="Height of the area.")

    class Meta:
        name = "FocalPoint"


class RenditionType(graphene.ObjectType):
    """One generated size of an image."""

    url = graphene.String(required=True, description="Absolute address of the file.")
    width = graphene.Int(required=True, description="Width in pixels.")
    height = graphene.Int(required=True, description="Height in pixels.")
    format = graphene.String(required=True, description="File extension, e.g. webp.")

    class Meta:
        name = "Rendition"

    @staticmethod
    def resolve_url(rendition: Any, info: Any) -> str:
        return rendition.full_url

    @staticmethod
    def resolve_format(rendition: Any, info: Any) -> str:
        return rendition.file.name.rsplit(".", 1)[-1].lower()


class PublicImageType(graphene.ObjectType):
    """An image with alt text and preset renditions."""

    id = graphene.ID(required=True, description="The image's id.")
    title = graphene.String(required=True, description="The title editors gave the image.")
    alt = graphene.String(required=True, description="Text alternative for screen readers.")
    width = graphene.Int(required=True, description="Width of the original in pixels.")
    height = graphene.Int(required=True, description="Height of the original in pixels.")
    focal_point = graphene.Field(
        FocalPointType, description="The image's subject; null if no editor marked it."
    )
    rendition = graphene.Field(
        RenditionType,
        required=True,
        description="The image at one preset size.",
        preset=graphene.Argument(ImagePreset, required=True, description="The size."),
        format=graphene.Argument(ImageFormat, default_value="WEBP", description="File format."),
    )
    src_set = graphene.String(
        required=True,
        presets=graphene.List(
            graphene.NonNull(ImagePreset), required=True, description="The sizes to list."
        ),
        format=graphene.Argument(ImageFormat, default_value="WEBP", description="File format."),
        description="A srcset attribute value built from the given presets.",
    )

    class Meta:
        name = "Image"

    @classmethod
    def is_type_of(cls, root: Any, info: Any) -> bool:
        return isinstance(root, AbstractImage)

    @staticmethod
    def resolve_alt(image: AbstractImage, info: Any) -> str:
        loaders = loaders_of(info)
        alt = loaders.alt_text(info) if loaders is not None else None
        return alt or image.default_alt_text

    @staticmethod
    def resolve_focal_point(image: AbstractImage, info: Any) -> dict[str, int] | None:
        if image.focal_point_x is None:
            return None
        return {
            "x": image.focal_point_x,
            "y": image.focal_point_y,
            "width": image.focal_point_width,
            "height": image.focal_point_height,
        }

    @staticmethod
    def resolve_rendition(
        image: AbstractImage, info: Any, preset: str, format: str | None = None
    ) -> Any:
        spec = _filter_spec(_enum_name(preset), _enum_name(format))
        return _renditions(image, info, [spec])[spec]

    @staticmethod
    def resolve_src_set(
        image: AbstractImage, info: Any, presets: list[str], format: str | None = None
    ) -> str:
        specs = [_filter_spec(_enum_name(preset), _enum_name(format)) for preset in presets]
        renditions = _renditions(image, info, specs)
        return ", ".join(f"{renditions[spec].full_url} {renditions[spec].width}w" for spec in specs)


def _renditions(image: AbstractImage, info: Any, specs: list[str]) -> dict[str, Any]:
    """The renditions of ``image`` for ``specs``, generating missing ones within the request's
    budget of new renditions (``max_new_renditions``)."""
    filters = [Filter(spec=spec) for spec in dict.fromkeys(specs)]
    loaders = loaders_of(info)
    if loaders is not None:
        # Every image the request shows: their stored renditions in one statement.
        loaders.prefetch(image, "renditions")
    found = image.find_existing_renditions(*filters)
    missing = [item for item in filters if item not in found]
    if missing:
        reserve_new_renditions(info, len(missing))
        return image.get_renditions(*filters)
    # Keep them in Wagtail's rendition cache, as get_renditions() does with what it finds.
    image.get_rendition_model().cache_backend.set_many(
        {rendition.get_cache_key(): rendition for rendition in found.values()}
    )
    return {item.spec: rendition for item, rendition in found.items()}


def image_with_alt(image: AbstractImage | None, alt: str, info: Any) -> AbstractImage | None:
    """``image``, to be shown by the field ``info`` resolves, whose ``alt`` is then ``alt``;
    null when the image is in a private collection.

    Alt text belongs to each use of an image, beside it in the page or snippet, so it is
    translated with the content (Wagtail images have no language) and fits its context; an
    empty one falls back to the image's own description, then its title.
    """
    return image_for_reader(info, image, alt)


def _enum_name(value: Any) -> Any:
    return getattr(value, "name", value)
