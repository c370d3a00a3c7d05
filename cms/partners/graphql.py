"""``sitemap(locale:)``: the sitemap's entries for partners that build their own."""

from __future__ import annotations

from typing import Any

import graphene

from cms.graphql.registry import resolve_locale
from cms.partners.sitemap import SitemapEntry, sitemap_entries


class SitemapAlternate(graphene.ObjectType):
    """A translation's address (``hreflang`` is a language code or ``x-default``)."""

    hreflang = graphene.String(required=True)
    url = graphene.String(required=True)


class SitemapEntryType(graphene.ObjectType):
    """One public page's frontend address in one language."""

    url = graphene.String(required=True)
    locale = graphene.String(required=True)
    lastmod = graphene.DateTime()
    alternates = graphene.List(graphene.NonNull(SitemapAlternate), required=True)

    class Meta:
        name = "SitemapEntry"

    @staticmethod
    def resolve_alternates(entry: SitemapEntry, info: Any) -> list[SitemapAlternate]:
        return [SitemapAlternate(hreflang=lang, url=url) for lang, url in entry.alternates]


class SitemapQuery(graphene.ObjectType):
    """The sitemap, for partners that build their own."""

    sitemap = graphene.List(
        graphene.NonNull(SitemapEntryType),
        required=True,
        locale=graphene.String(description="Language code; default: the default language."),
        description=(
            "Every public page's frontend address in one language, with its live "
            "translations' addresses (hreflang) and last change; as /sitemap.xml."
        ),
    )

    @staticmethod
    def resolve_sitemap(root: Any, info: Any, locale: str | None = None) -> list[SitemapEntry]:
        return sitemap_entries(resolve_locale(locale, info).language_code)
