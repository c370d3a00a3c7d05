"""Media storage from the environment: local disk, or an S3-compatible store (moto here)."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from io import BytesIO
from typing import Any
from urllib.parse import parse_qs, urlparse

import boto3
import environ
import pytest
import wagtail_factories
from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.test import Client

from wagtail.documents.models import Document
from wagtail.images import get_image_model

from cms.media_storage import (
    LOCAL_BACKEND,
    S3_BACKEND,
    STATIC_BACKEND,
    media_storages,
    object_store_from_env,
)
from tests.cms.fleet.moto import moto_server

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def _env(monkeypatch: pytest.MonkeyPatch, **values: str) -> environ.Env:
    for name in [
        "MEDIA_S3_BUCKET",
        "MEDIA_S3_ENDPOINT_URL",
        "MEDIA_S3_REGION",
        "MEDIA_S3_ACCESS_KEY_ID",
        "MEDIA_S3_SECRET_ACCESS_KEY",
        "MEDIA_S3_CUSTOM_DOMAIN",
        "MEDIA_S3_URL_EXPIRY",
    ]:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return environ.Env()


def test_local_disk_without_a_bucket(monkeypatch: pytest.MonkeyPatch) -> None:
    storages = media_storages(object_store_from_env(_env(monkeypatch)))
    assert storages["default"]["BACKEND"] == LOCAL_BACKEND
    assert storages["renditions"]["BACKEND"] == LOCAL_BACKEND
    assert storages["staticfiles"]["BACKEND"] == STATIC_BACKEND


def test_object_store_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    env = _env(
        monkeypatch,
        MEDIA_S3_BUCKET="town-media",
        MEDIA_S3_ENDPOINT_URL="https://s3.example.org",
        MEDIA_S3_REGION="eu-central-1",
        MEDIA_S3_ACCESS_KEY_ID="key",
        MEDIA_S3_SECRET_ACCESS_KEY="secret",
        MEDIA_S3_CUSTOM_DOMAIN="media.example.org",
        MEDIA_S3_URL_EXPIRY="600",
    )
    storages = media_storages(object_store_from_env(env))
    uploads, renditions = storages["default"], storages["renditions"]
    assert uploads["BACKEND"] == renditions["BACKEND"] == S3_BACKEND
    for options in (uploads["OPTIONS"], renditions["OPTIONS"]):
        assert options["bucket_name"] == "town-media"
        assert options["endpoint_url"] == "https://s3.example.org"
        assert options["region_name"] == "eu-central-1"
        assert options["access_key"] == "key"
        assert options["secret_key"] == "secret"
    # Uploads: private objects behind signed URLs that expire; no custom (unsigned) domain.
    assert uploads["OPTIONS"]["default_acl"] == "private"
    assert uploads["OPTIONS"]["querystring_auth"] is True
    assert uploads["OPTIONS"]["querystring_expire"] == 600
    assert "custom_domain" not in uploads["OPTIONS"]
    # Renditions: public, stable URLs on the custom domain.
    assert renditions["OPTIONS"]["querystring_auth"] is False
    assert renditions["OPTIONS"]["custom_domain"] == "media.example.org"
    assert renditions["OPTIONS"]["location"] == "public"


def test_settings_use_the_renditions_storage(settings: Any) -> None:
    assert settings.WAGTAILIMAGES_RENDITION_STORAGE == "renditions"
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE


@pytest.fixture
def s3_media(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Media settings pointed at a fresh bucket on a moto_server of this test's own."""
    with moto_server() as endpoint:
        credentials = {
            "MEDIA_S3_ACCESS_KEY_ID": "testing",
            "MEDIA_S3_SECRET_ACCESS_KEY": "testing",
            "MEDIA_S3_REGION": "us-east-1",
        }
        env = _env(
            monkeypatch, MEDIA_S3_BUCKET="media", MEDIA_S3_ENDPOINT_URL=endpoint, **credentials
        )
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        client.create_bucket(Bucket="media")
        store = object_store_from_env(env)
        settings.STORAGES = {
            **media_storages(store),
            "staticfiles": settings.STORAGES["staticfiles"],
        }
        settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
        # Wagtail resolves the renditions storage once, when its model is defined.
        monkeypatch.setattr(
            get_image_model().get_rendition_model()._meta.get_field("file"),
            "storage",
            storages["renditions"],
        )
        yield client


def _png() -> ImageFile:
    buffer = BytesIO()
    PILImage.new("RGB", (120, 80), "teal").save(buffer, "PNG")
    return ImageFile(BytesIO(buffer.getvalue()), name="poster.png")


def _public(client: Any, key: str) -> bool:
    grants = client.get_object_acl(Bucket="media", Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


@pytest.mark.django_db
def test_s3_round_trip_uploads_private_renditions_public(s3_media: Any, client: Client) -> None:
    image = wagtail_factories.ImageFactory(title="Poster", file=_png())
    rendition = image.get_rendition("fill-40x30")
    keys = {obj["Key"] for obj in s3_media.list_objects_v2(Bucket="media")["Contents"]}
    assert image.file.name in keys
    assert f"public/{rendition.file.name}" in keys

    # The original is a private object, reachable only through a signed URL that expires.
    assert not _public(s3_media, image.file.name)
    original = urlparse(image.file.url)
    assert {"Signature", "Expires"} <= set(parse_qs(original.query)) or "X-Amz-Signature" in (
        parse_qs(original.query)
    )

    # The rendition is public, with a stable URL that serves its bytes.
    assert _public(s3_media, f"public/{rendition.file.name}")
    assert not urlparse(rendition.url).query
    with urllib.request.urlopen(rendition.url, timeout=5) as response:  # noqa: S310 (loopback)
        assert PILImage.open(BytesIO(response.read())).size == (40, 30)

    # A document is private too; its link goes through Wagtail's serve view to a signed URL.
    document = Document.objects.create(title="Minutes", file=ContentFile(b"minutes", "m.txt"))
    assert not _public(s3_media, document.file.name)
    response = client.get(document.url)
    assert response.status_code == 302
    assert "X-Amz-Signature" in response["Location"] or "Signature" in response["Location"]
    with urllib.request.urlopen(response["Location"], timeout=5) as signed:  # noqa: S310
        assert signed.read() == b"minutes"
