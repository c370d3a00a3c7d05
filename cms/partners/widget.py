"""/widget/solidarity-calls.js: the embeddable widget, served to any site.

A ``<script type="module">`` from another origin is fetched with CORS, so the file is served
with ``Access-Control-Allow-Origin: *``; it is public code with no cookies. The API calls it
makes are CORS-checked as usual: only partners' origins may read the answers.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

WIDGET = Path(__file__).parent / "static" / "partners" / "widget" / "solidarity-calls.js"


@cache
def _widget() -> tuple[bytes, str]:
    body = WIDGET.read_bytes()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@require_safe
def widget_script(request: HttpRequest) -> HttpResponse:
    body, etag = _widget()
    status = 304 if etag in request.headers.get("If-None-Match", "") else 200
    response = HttpResponse(
        body if status == 200 else b"", status=status, content_type="text/javascript"
    )
    response["ETag"] = etag
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    patch_cache_control(response, public=True, max_age=3600)
    return response
