"""/sitemap.xml: every public page's frontend address in every language, with hreflang links.

Django's and Wagtail's sitemap frameworks build each ``<loc>`` from this host's domain and the
page's path on it; the pages of Solidarity CMS live on the partner frontend
(:mod:`cms.frontend`), so the document is written here, in one query, to the sitemaps.org
schema with Google's ``xhtml:link`` alternates.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree

from django.conf import settings
from django.http import HttpRequest

from wagtail.models import Page

from cms.frontend import frontend_url
from cms.graphql.visibility import public_pages

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
#: The sitemaps.org limit for one file.
MAX_URLS = 50_000
CONTENT_TYPE = "application/xml; charset=utf-8"


def sitemap_xml(request: HttpRequest) -> tuple[bytes, str]:
    """The sitemap document; pages without a frontend address are left out."""
    pages = (
        public_pages(Page.objects.all())
        .select_related("locale")
        .order_by("path")
        .only(
            "id",
            "path",
            "url_path",
            "slug",
            "content_type",
            "locale__language_code",
            "translation_key",
            "last_published_at",
            "latest_revision_created_at",
        )[:MAX_URLS]
    )
    addressed = [(page, url) for page in pages if (url := frontend_url(page))]
    by_key: dict[object, dict[str, str]] = defaultdict(dict)
    for page, url in addressed:
        by_key[page.translation_key][page.locale.language_code] = url

    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for page, url in addressed:
        entry = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = url
        changed = page.last_published_at or page.latest_revision_created_at
        if changed:
            ElementTree.SubElement(entry, f"{{{SITEMAP_NS}}}lastmod").text = changed.isoformat(
                timespec="seconds"
            )
        translations = by_key[page.translation_key]
        if len(translations) > 1:
            for language, other in sorted(translations.items()):
                _alternate(entry, language, other)
            if settings.LANGUAGE_CODE in translations:
                _alternate(entry, "x-default", translations[settings.LANGUAGE_CODE])
    body = ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)
    return body, CONTENT_TYPE


def _alternate(entry: ElementTree.Element, hreflang: str, href: str) -> None:
    ElementTree.SubElement(
        entry,
        f"{{{XHTML_NS}}}link",
        {"rel": "alternate", "hreflang": hreflang, "href": href},
    )
