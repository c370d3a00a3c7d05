"""Renditions from the local disk, for a production instance without an object store.

Only the renditions folder is served (``images/`` under MEDIA_ROOT): image originals and
documents never get a public URL here; documents go through Wagtail's serve view, which checks
collection restrictions.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, re_path
from django.utils.cache import patch_cache_control
from django.views.static import serve

#: Renditions keep their name until the image changes; a day bounds how long a replaced one lingers.
RENDITION_MAX_AGE = 24 * 60 * 60


def rendition(request: HttpRequest, path: str) -> HttpResponse:
    """One rendition file, cacheable by browsers and proxies."""
    response = serve(request, path, document_root=os.path.join(settings.MEDIA_ROOT, "images"))
    patch_cache_control(response, public=True, max_age=RENDITION_MAX_AGE)
    return response


def rendition_urls() -> list[URLPattern]:
    """``MEDIA_URL/images/<file>``: nothing else under MEDIA_URL answers."""
    prefix = settings.MEDIA_URL.lstrip("/")
    return [re_path(rf"^{prefix}images/(?P<path>[^/]+)$", rendition, name="cms_rendition")]
