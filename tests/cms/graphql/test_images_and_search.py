"""Renditions only from presets; search survives images and documents; orders are an enum."""

from io import BytesIO

import pytest
import wagtail_factories
from PIL import Image as PILImage

from django.core.files.images import ImageFile
from django.db import connection

from wagtail.documents.models import Document
from wagtail.images.models import Rendition

from tests.cms.graphql.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def logo_page(home):
    """A municipality page whose logo has a focal point on its right half."""
    from pages.municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
    )

    # Red on the left half, blue on the right, where the editor's focal point is.
    canvas = PILImage.new("RGB", (1200, 600), (255, 0, 0))
    canvas.paste((0, 0, 255), (600, 0, 1200, 600))
    buffer = BytesIO()
    canvas.save(buffer, "PNG")
    image = wagtail_factories.ImageFactory(
        file=ImageFile(buffer, name="halves.png"),
        focal_point_x=900,
        focal_point_y=300,
        focal_point_width=100,
        focal_point_height=100,
    )
    index = MunicipalityIndexPageFactory(parent=home)
    page = MunicipalityPageFactory(parent=index, slug="koper", logo=image)
    page.save_revision().publish()
    return page


def logo(graphql, selection: str) -> dict:
    body = graphql(f'{{ municipality(slug: "koper") {{ logo {{ {selection} }} }} }}')
    assert "errors" not in body, body
    return body["data"]["municipality"]["logo"]


@pytest.mark.parametrize(("image_format", "extension"), [("WEBP", "webp"), ("AVIF", "avif")])
def test_renditions_come_in_webp_and_avif(graphql, logo_page, image_format, extension) -> None:
    selection = f"rendition(preset: CARD, format: {image_format}) {{ url format }}"
    rendition = logo(graphql, selection)["rendition"]
    assert rendition["format"] == extension
    assert rendition["url"].endswith(f".{extension}")


def test_fill_presets_crop_around_the_focal_point(graphql, logo_page) -> None:
    result = logo(graphql, "focalPoint { x y } rendition(preset: SQUARE) { width height }")
    assert result["focalPoint"] == {"x": 900, "y": 300}
    assert result["rendition"] == {"width": 600, "height": 600}
    rendition = Rendition.objects.get(filter_spec="fill-600x600|format-webp")
    with rendition.file.open() as stored, PILImage.open(stored) as cropped:
        red, _green, blue = cropped.convert("RGB").getpixel((300, 300))
    assert blue > 200 and red < 60, "the square crop should be taken from the blue right half"


def test_src_set_lists_each_preset_width(graphql, logo_page) -> None:
    src_set = logo(graphql, "srcSet(presets: [SMALL, MEDIUM])")["srcSet"]
    assert src_set.count(".webp") == 2
    assert " 480w" in src_set and " 960w" in src_set


@pytest.mark.parametrize(
    "selection",
    [
        "rendition(width: 5000) { url }",
        "rendition(preset: HUGE) { url }",
        'rendition(preset: "fill-9999x9999") { url }',
    ],
)
def test_arbitrary_rendition_sizes_are_refused(graphql, logo_page, selection) -> None:
    body = graphql(f'{{ municipality(slug: "koper") {{ logo {{ {selection} }} }} }}')
    assert body["_status"] == 400
    assert not Rendition.objects.exists()


def test_an_unknown_order_is_a_validation_error_without_database_text(graphql, home) -> None:
    body = graphql("{ calls(order: PASSWORD) { items { title } } }")
    assert body["_status"] == 400
    message = body["errors"][0]["message"]
    assert "CallOrder" in message
    assert "SELECT" not in message and "column" not in message.lower()


def test_search_is_not_broken_by_matching_images_and_documents(graphql, home) -> None:
    add_page(home, "volunteering-week")
    wagtail_factories.ImageFactory(title="Volunteering poster")
    Document.objects.create(title="Volunteering report")
    body = graphql('{ search(query: "volunteering") { items { title } } }')
    assert "errors" not in body
    assert [item["title"] for item in body["data"]["search"]["items"]] == ["Volunteering Week"]


def test_postgresql_uses_its_full_text_search_backend() -> None:
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert isinstance(backend, PostgresSearchBackend)
    else:
        assert connection.vendor == "sqlite"
        assert "sqlite" in type(backend).__module__
