"""Uploaded images are held to the pixel limit frame by frame: an animated GIF bomb is refused."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.image_uploads import count_frames

pytestmark = pytest.mark.django_db


def animated_gif(width: int, height: int, frames: int) -> bytes:
    """An animated GIF of ``frames`` full-size frames that differs only in one pixel.

    Pillow stores each frame as the one changed pixel, so even 1000x700 x 200 is a few KB.
    """
    first = PILImage.new("P", (width, height), 0)
    first.putpalette([255, 255, 255, 0, 0, 0])
    second = first.copy()
    second.putpixel((0, 0), 1)
    sequence = [first, second] * (frames // 2) + [first] * (frames % 2)
    buffer = io.BytesIO()
    first.save(buffer, format="GIF", save_all=True, append_images=sequence[1:], duration=40)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """Issue 9's GIF: 200 frames of 1000x700, 140 million pixels against a limit of 128."""
    return animated_gif(1000, 700, 200)


@pytest.fixture
def editor(client: Client) -> Client:
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(user)
    return client


def upload(editor: Client, data: bytes, name: str) -> object:
    return editor.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, data, content_type="image/gif"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_the_bomb_has_200_frames_of_1000x700(bomb: bytes) -> None:
    with PILImage.open(io.BytesIO(bomb)) as image:
        assert image.size == (1000, 700)
        assert image.n_frames == 200
    assert len(bomb) < 50_000


def test_an_animated_gif_over_the_pixel_limit_is_refused_naming_the_limit(
    editor: Client, bomb: bytes, settings: object
) -> None:
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 128_000_000

    response = upload(editor, bomb, "bomb.gif")

    assert response.status_code == 200
    errors = [str(error) for error in response.context["form"].errors["file"]]
    assert len(errors) == 1
    assert errors[0] == (
        "This file has too many pixels (1000×700 in 183 frames or more). Maximum pixels 128000000."
    )
    assert not get_image_model().objects.exists()


def test_the_multiple_uploader_refuses_it_too(editor: Client, bomb: bytes) -> None:
    response = editor.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("bomb.gif", bomb, content_type="image/gif")},
    )

    body = json.loads(response.content)
    assert body["success"] is False
    assert "128000000" in body["error_message"]
    assert not get_image_model().objects.exists()


def test_a_normal_animated_gif_is_accepted(editor: Client) -> None:
    response = upload(editor, animated_gif(320, 240, 24), "spinner.gif")

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (320, 240)


def test_too_many_frames_are_refused_before_they_are_all_counted(
    editor: Client, settings: object
) -> None:
    settings.CMS_IMAGE_MAX_FRAMES = 50

    response = upload(editor, animated_gif(2, 2, 60), "flicker.gif")

    errors = [str(error) for error in response.context["form"].errors["file"]]
    assert errors == ["This image has more than 50 frames; the maximum is 50."]


def test_counting_stops_once_the_answer_is_known() -> None:
    data = animated_gif(10, 10, 40)

    assert count_frames(io.BytesIO(data), stop_after=5) == 6
    assert count_frames(io.BytesIO(data), stop_after=100) == 40
    assert count_frames(io.BytesIO(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), 5) == 1
