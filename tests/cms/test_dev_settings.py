"""`PORT=8080 make run`: the admin's links, image URLs and the preview target name port 8080."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from typing import Any

import pytest
import wagtail_factories
from PIL import Image as PILImage

from django.core.files.images import ImageFile

from tests.cms.settings_probe import BASE_DIR, read_settings

NAMES = ["WAGTAILADMIN_BASE_URL", "WAGTAIL_HEADLESS_PREVIEW", "ALLOWED_HOSTS"]


def test_dev_settings_follow_host_and_port() -> None:
    values = read_settings("cms.settings.dev", NAMES, HOST="127.0.0.1", PORT="8080")

    assert values["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8080"
    preview = values["WAGTAIL_HEADLESS_PREVIEW"]["CLIENT_URLS"]["default"]
    assert preview == "http://127.0.0.1:8080/partner-site/"


def test_dev_settings_default_to_port_8000_and_an_explicit_base_url_wins() -> None:
    assert read_settings("cms.settings.dev", NAMES)["WAGTAILADMIN_BASE_URL"] == (
        "http://127.0.0.1:8000"
    )
    served_elsewhere = read_settings("cms.settings.dev", NAMES, HOST="0.0.0.0", PORT="9000")  # noqa: S104
    assert served_elsewhere["WAGTAILADMIN_BASE_URL"] == "http://0.0.0.0:9000"
    assert "0.0.0.0" in served_elsewhere["ALLOWED_HOSTS"]  # noqa: S104
    explicit = read_settings(
        "cms.settings.dev", NAMES, PORT="8080", WAGTAILADMIN_BASE_URL="https://cms.example.org"
    )
    assert explicit["WAGTAILADMIN_BASE_URL"] == "https://cms.example.org"


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_passes_host_and_port_to_the_server() -> None:
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8080"],  # noqa: S607 - make from PATH, prints only
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    (runserver,) = [line for line in dry_run.splitlines() if "runserver" in line]
    assert 'HOST="127.0.0.1" PORT="8080"' in runserver
    assert runserver.endswith("runserver 127.0.0.1:8080")


@pytest.mark.django_db
def test_image_urls_in_the_api_follow_the_base_url(graphql: Any, home: Any, settings: Any) -> None:
    from pages.municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory

    settings.WAGTAILADMIN_BASE_URL = read_settings("cms.settings.dev", NAMES, PORT="8080")[
        "WAGTAILADMIN_BASE_URL"
    ]
    buffer = BytesIO()
    PILImage.new("RGB", (400, 200), (0, 0, 255)).save(buffer, "PNG")
    image = wagtail_factories.ImageFactory(file=ImageFile(buffer, name="logo.png"))
    index = MunicipalityIndexPageFactory(parent=home)
    MunicipalityPageFactory(parent=index, slug="koper", logo=image).save_revision().publish()

    body = graphql('{ municipality(slug: "koper") { logo { rendition(preset: LOGO) { url } } } }')

    assert body["data"]["municipality"]["logo"]["rendition"]["url"].startswith(
        "http://127.0.0.1:8080/media/"
    )
