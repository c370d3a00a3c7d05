"""Top-level queries that span content types: a page by path or preview token, and search."""

from __future__ import annotations

import math
from typing import Any

import graphene
from graphql import GraphQLError

from django.db.models import Subquery

from wagtail.models import Locale, Page, Site

from cms.graphql.context import request_context
from cms.graphql.interfaces import PublicPageInterface, PublicSnippetInterface
from cms.graphql.limits import check_search_terms
from cms.graphql.registry import fallback_argument, page_window, resolve_locale
from cms.graphql.snippet_search import snippet_hits
from cms.graphql.types import PaginationType
from cms.partners.access import may_preview
from cms.search import search_backend

PREVIEW_ERROR = "invalid or expired preview token"
PREVIEW_SCOPE_ERROR = "previewing drafts needs an API key with the preview scope"
SEARCH_CANDIDATES = 1000


class SearchResultsType(graphene.ObjectType):
    """One page of search results."""

    items = graphene.List(
        graphene.NonNull(PublicPageInterface), required=True, description="The pages found."
    )
    pagination = graphene.Field(
        PaginationType, required=True, description="Where this page sits in the results."
    )
    snippets = graphene.List(
        graphene.NonNull(PublicSnippetInterface),
        required=True,
        description="Organisations, people and other snippets that match, in the language "
        "searched (use `... on Organisation`); asked for only when selected.",
        limit=graphene.Int(default_value=10, description="At most this many of each type."),
    )

    class Meta:
        name = "SearchResults"

    @staticmethod
    def resolve_snippets(results: dict[str, Any], info: Any, limit: int = 10) -> list[Any]:
        return snippet_hits(info, results["query"], results["locale"], limit)


def locale_homes(chain: list[Locale]) -> dict[int, Page]:
    """The home page of each locale of ``chain`` (the default site's root page in that
    language), by locale id, in one statement."""
    root_key = Site.objects.filter(is_default_site=True).values("root_page__translation_key")[:1]
    homes = Page.objects.filter(
        translation_key=Subquery(root_key), locale_id__in=[locale.pk for locale in chain]
    ).only("url_path", "locale_id")
    return {home.locale_id: home for home in homes}


class CoreQueries(graphene.ObjectType):
    """Queries across content types."""

    page = graphene.Field(
        PublicPageInterface,
        description="A public page by its path, or an editor's draft by its preview token.",
        url_path=graphene.String(description="Path inside the language's tree, e.g. /calls/x/."),
        locale=graphene.String(description="Language code; defaults to the default."),
        token=graphene.String(description="A preview token from the Wagtail admin."),
        fallback=fallback_argument(),
    )
    search = graphene.Field(
        SearchResultsType,
        required=True,
        description="Public pages of every type that match some words, best match first.",
        query=graphene.String(required=True, description="The words to look for."),
        locale=graphene.String(description="Language code; defaults to the default."),
        page=graphene.Int(description="Page number, from 1."),
        per_page=graphene.Int(description="Items per page, 1 to the maximum page size."),
    )

    class Meta:
        name = "CoreQueries"

    @staticmethod
    def resolve_page(
        root: Any,
        info: Any,
        url_path: str | None = None,
        locale: str | None = None,
        token: str | None = None,
        fallback: bool = True,
    ) -> Page | None:
        context = request_context(info)
        if token is not None:
            from cms.models import BasePage

            if not may_preview(context.caller.partner):
                raise GraphQLError(PREVIEW_SCOPE_ERROR)

            page = BasePage.get_page_from_preview_token(token)
            if page is None:
                raise GraphQLError(PREVIEW_ERROR)
            # Only this field's answer is the editor's draft: checks stay on everywhere else,
            # and the response is never cached.
            context.preview_keys.add(info.path.key)
            # The draft's links and names follow its own language, whatever else was asked.
            context.set_language(info, context.locales[page.locale_id].language_code)
            context.loaders.note_preview(page)
            return page
        if url_path is None:
            raise GraphQLError("Give either 'urlPath' or 'token'.")
        language = resolve_locale(locale, info)
        relative = url_path.strip("/") + ("/" if url_path.strip("/") else "")
        chain = context.fallback_chain(language) if fallback else [language]
        homes = locale_homes(chain)
        # Every language's candidate in one statement; the first of the chain that exists wins.
        paths = [homes[locale.pk].url_path + relative for locale in chain if locale.pk in homes]
        if not paths:
            return None
        found = {
            page.url_path: page
            for page in context.visibility.public_pages(
                Page.objects.filter(url_path__in=paths)
            ).specific()
        }
        for path in paths:
            if path in found:
                context.loaders.note([found[path]])
                return found[path]
        return None

    @staticmethod
    def resolve_search(
        root: Any,
        info: Any,
        query: str,
        locale: str | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> dict[str, Any]:
        check_search_terms(query, "query")
        page, per_page = page_window(page, per_page)
        context = request_context(info)
        language = resolve_locale(locale, info)
        query = query.strip()
        if not query:
            raise GraphQLError("Argument 'query' must not be empty.")
        # Rank with the search backend (full-text on PostgreSQL), then keep only what an
        # anonymous reader may see; the backend's own filters cannot express public().
        candidates = search_backend(language.language_code).search(
            query, Page.objects.filter(locale=language).live()
        )
        ranked = [hit.pk for hit in candidates[:SEARCH_CANDIDATES]]
        visible = set(
            context.visibility.public_pages(Page.objects.filter(pk__in=ranked)).values_list(
                "pk", flat=True
            )
        )
        ids = [pk for pk in ranked if pk in visible]
        total = len(ids)
        window = ids[(page - 1) * per_page : page * per_page]
        pages = {found.pk: found for found in Page.objects.filter(pk__in=window).specific()}
        items = [pages[pk] for pk in window if pk in pages]
        context.loaders.note(items)
        return {
            "query": query,
            "locale": language,
            "items": items,
            "pagination": {
                "total": total,
                "count": len(items),
                "per_page": per_page,
                "current_page": page,
                "total_pages": math.ceil(total / per_page) if total else 0,
            },
        }
