"""Content-Security-Policy per area of the site, on top of django-csp.

``CONTENT_SECURITY_POLICY`` (settings) serves every response. Admin pages add what Wagtail's
admin still needs: inline scripts (date pickers, inline panels and wagtail-localize's editor
ship ``<script>`` blocks without a nonce) and frames of the headless-preview front end. The API
replaces the policy with one that allows nothing (``API_POLICY``), GraphiQL with one that
allows its CDN (``GRAPHIQL_POLICY_UPDATE``); both are applied in ``cms/urls.py``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from cms.admin_paths import is_admin_request

#: JSON answers: nothing may load, nothing may frame them.
API_POLICY: dict[str, list[str]] = {
    "default-src": [NONE],
    "base-uri": [NONE],
    "form-action": [NONE],
    "frame-ancestors": [NONE],
}

#: GraphiQL (development only) loads React and GraphiQL from unpkg.com and starts inline.
GRAPHIQL_POLICY_UPDATE: dict[str, list[str]] = {
    "script-src": [UNSAFE_INLINE, "https://unpkg.com"],
    "style-src": ["https://unpkg.com"],
    "font-src": ["https://unpkg.com"],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; admin pages get the allowances Wagtail's admin needs."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if parts.config is None:
            extra = _admin_allowances() if is_admin_request(request) else {}
            media = _origins([settings.MEDIA_URL])
            if media:
                extra["img-src"] = [*extra.get("img-src", []), *media]
            if extra:
                parts.update = _merged(extra, parts.update)
        return parts


def _admin_allowances() -> dict[str, list[str]]:
    preview = getattr(settings, "WAGTAIL_HEADLESS_PREVIEW", {}).get("CLIENT_URLS", {})
    return {
        "script-src": [UNSAFE_INLINE],
        # The preview panel frames the admin's preview view, which frames the partner front end.
        "frame-src": [SELF, *_origins(preview.values())],
    }


def _origins(urls: Any) -> list[str]:
    """The scheme://host[:port] of each absolute URL; relative ones are same-origin already."""
    origins = []
    for url in urls:
        parts = urlsplit(str(url))
        if parts.scheme in ("http", "https") and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


def _merged(extra: dict[str, list[str]], update: dict[str, Any] | None) -> dict[str, list[str]]:
    merged = {key: list(values) for key, values in extra.items()}
    for key, values in (update or {}).items():
        merged[key] = [*merged.get(key, []), *([values] if isinstance(values, str) else values)]
    return merged
