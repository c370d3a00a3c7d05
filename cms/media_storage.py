"""Where media live: the local disk by default, an S3-compatible object store when configured.

Two storages share the store. ``default`` holds what editors upload (image originals,
documents): private objects, reached only through signed URLs that expire, and documents only
through Wagtail's serve view, which checks collection restrictions before it redirects to one.
``renditions`` holds the resized images the API links to: public objects (or a bucket policy /
CDN in front of them), with stable URLs that partner sites and caches can keep.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

S3_BACKEND = "storages.backends.s3.S3Storage"
LOCAL_BACKEND = "django.core.files.storage.FileSystemStorage"
STATIC_BACKEND = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@dataclass(frozen=True)
class ObjectStore:
    """The S3-compatible store's settings, as the environment gives them."""

    bucket: str
    endpoint_url: str = ""
    region: str = ""
    access_key_id: str = ""
    secret_access_key: str = ""
    custom_domain: str = ""
    url_expiry_seconds: int = 3600
    renditions_acl: str = "public-read"
    renditions_prefix: str = "public"
    timeout_seconds: float = 5.0

    def options(self) -> dict[str, Any]:
        """What both storages share: the bucket, where it is, and how to sign in."""
        from botocore.config import Config

        options: dict[str, Any] = {
            "bucket_name": self.bucket,
            "file_overwrite": False,
            # A store that does not answer fails an upload in seconds, not a worker's minute.
            # Path-style addressing works with every S3-compatible server (MinIO, moto, Ceph).
            "client_config": Config(
                s3={"addressing_style": "path" if self.endpoint_url else "auto"},
                connect_timeout=self.timeout_seconds,
                read_timeout=self.timeout_seconds,
                retries={"max_attempts": 2, "mode": "standard"},
            ),
        }
        for name, value in (
            ("endpoint_url", self.endpoint_url),
            ("region_name", self.region),
            ("access_key", self.access_key_id),
            ("secret_key", self.secret_access_key),
        ):
            if value:
                options[name] = value
        return options


def media_storages(store: ObjectStore | None) -> dict[str, dict[str, Any]]:
    """STORAGES entries for uploads (``default``) and renditions; static files are WhiteNoise's."""
    static = {"staticfiles": {"BACKEND": STATIC_BACKEND}}
    if store is None:
        return {
            "default": {"BACKEND": LOCAL_BACKEND},
            "renditions": {"BACKEND": LOCAL_BACKEND},
            **static,
        }
    private = {
        **store.options(),
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": store.url_expiry_seconds,
    }
    public = {
        **store.options(),
        "location": store.renditions_prefix,
        # Empty: the bucket decides (object ownership enforced, a bucket policy makes the
        # renditions prefix readable).
        "default_acl": store.renditions_acl or None,
        "querystring_auth": False,
    }
    if store.custom_domain:
        public["custom_domain"] = store.custom_domain
    return {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": private},
        "renditions": {"BACKEND": S3_BACKEND, "OPTIONS": public},
        **static,
    }


def object_store_from_env(env: Any) -> ObjectStore | None:
    """The object store MEDIA_S3_* describe, or None (local disk) when no bucket is named."""
    bucket = env.str("MEDIA_S3_BUCKET", default="")
    if not bucket:
        return None
    return ObjectStore(
        bucket=bucket,
        endpoint_url=env.str("MEDIA_S3_ENDPOINT_URL", default=""),
        region=env.str("MEDIA_S3_REGION", default=""),
        access_key_id=env.str("MEDIA_S3_ACCESS_KEY_ID", default=""),
        secret_access_key=env.str("MEDIA_S3_SECRET_ACCESS_KEY", default=""),
        custom_domain=env.str("MEDIA_S3_CUSTOM_DOMAIN", default=""),
        url_expiry_seconds=env.int("MEDIA_S3_URL_EXPIRY", default=3600),
        renditions_acl=env.str("MEDIA_S3_RENDITIONS_ACL", default="public-read"),
        renditions_prefix=env.str("MEDIA_S3_RENDITIONS_PREFIX", default="public"),
        timeout_seconds=env.float("MEDIA_S3_TIMEOUT", default=5.0),
    )
