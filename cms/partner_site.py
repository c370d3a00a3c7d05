"""Serve the example partner site (examples/partner-site/) beside the CMS, in development only.

Production never sets ``CMS_PARTNER_SITE_DIR``; a real partner site is hosted by the partner.
"""

from __future__ import annotations

from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path
from django.views.static import serve


def serve_partner_site(request: HttpRequest, file_path: str, document_root: Path) -> HttpResponse:
    """A file of the partner site; a folder serves its ``index.html``, never a listing."""
    if file_path == "" or file_path.endswith("/"):
        file_path += "index.html"
    return serve(request, file_path, document_root=str(document_root), show_indexes=False)


def partner_site_urls(directory: Path | str, prefix: str = "partner-site/") -> list[URLPattern]:
    """URL patterns serving ``directory`` under ``prefix``."""
    return [
        path(
            f"{prefix}<path:file_path>",
            serve_partner_site,
            {"document_root": Path(directory)},
            name="partner_site",
        ),
        path(prefix, serve_partner_site, {"file_path": "", "document_root": Path(directory)}),
    ]
