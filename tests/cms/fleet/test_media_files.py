"""Local disk in production: renditions are served, originals and documents never are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from django.test import Client


@pytest.mark.django_db
def test_renditions_served_originals_not(settings: Any, client: Client) -> None:
    settings.ROOT_URLCONF = "tests.cms.fleet.rendition_urls"
    media = Path(settings.MEDIA_ROOT)
    for folder in ("images", "original_images", "documents"):
        (media / folder).mkdir(parents=True)
        (media / folder / "poster.png").write_bytes(b"png")

    response = client.get("/media/images/poster.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"png"
    assert "public" in response["Cache-Control"]
    assert "max-age=86400" in response["Cache-Control"]

    for path in (
        "/media/original_images/poster.png",
        "/media/documents/poster.png",
        "/media/images/../original_images/poster.png",
        "/media/images/%2e%2e/original_images/poster.png",
    ):
        assert client.get(path).status_code == 404, path
