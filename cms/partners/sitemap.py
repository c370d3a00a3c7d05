"""/sitemap.xml: every public page's frontend address in every language, with hreflang links.

Django's and Wagtail's sitemap frameworks build each ``<loc>`` from this host's domain and the
page's path on it; the pages of Solidarity CMS live on the partner frontend
(:mod:`cms.frontend`), so the document is written here, in one query, to the sitemaps.org
schema with Google's ``xhtml:link`` alternates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
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


@dataclass(frozen=True)
class SitemapEntry:
    """One page in one language: its address, when it changed, its translations' addresses."""

    url: str
    locale: str
    lastmod: datetime | None
    #: (hreflang, url) for every live translation and x-default; empty without translations.
    alternates: tuple[tuple[str, str], ...]


def sitemap_entries(locale: str | None = None) -> list[SitemapEntry]:
    """Every public page with a frontend address (of ``locale`` only, when given)."""
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
    entries = []
    for page, url in addressed:
        language = page.locale.language_code
        if locale is not None and language != locale:
            continue
        translations = by_key[page.translation_key]
        alternates: list[tuple[str, str]] = []
        if len(translations) > 1:
            alternates = sorted(translations.items())
            if settings.LANGUAGE_CODE in translations:
                alternates.append(("x-default", translations[settings.LANGUAGE_CODE]))
        entries.append(
            SitemapEntry(
                url=url,
                locale=language,
                lastmod=page.last_published_at or page.latest_revision_created_at,
                alternates=tuple(alternates),
            )
        )
    return entries


def sitemap_xml(request: HttpRequest) -> tuple[bytes, str]:
    """The sitemap document; pages without a frontend address are left out."""
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for item in sitemap_entries():
        entry = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = item.url
        if item.lastmod:
            ElementTree.SubElement(entry, f"{{{SITEMAP_NS}}}lastmod").text = item.lastmod.isoformat(
                timespec="seconds"
            )
        for hreflang, href in item.alternates:
            ElementTree.SubElement(
                entry,
                f"{{{XHTML_NS}}}link",
                {"rel": "alternate", "hreflang": hreflang, "href": href},
            )
    body = ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)
    return body, CONTENT_TYPE
