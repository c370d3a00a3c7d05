"""``search(query:) { snippets }``: organisations, people and other snippets that match, in the
language searched, beside the pages.

Plugins offer the snippets partners may find through the ``register_search_snippets`` hook: a
function returning the plugin's API selectors (``selector(locale) -> QuerySet``, e.g.
``people_for_api``), so a search finds exactly what the plugin's own lists may show and the
core names no model. Only the snippets' own language is searched (no fallback), each type
capped at ``limit`` hits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLError

from django.db.models import Model, QuerySet

from wagtail import hooks
from wagtail.models import Locale

from cms.graphql.context import request_context
from cms.search import search_backend

SEARCH_SNIPPETS_HOOK = "register_search_snippets"
MAX_SNIPPET_HITS = 50


SnippetSelector = Callable[[Locale], QuerySet]


def searchable_snippets() -> list[SnippetSelector]:
    """The plugins' API selectors of the snippet types partners may find."""
    found = [
        selector for register in hooks.get_hooks(SEARCH_SNIPPETS_HOOK) for selector in register()
    ]
    return list(dict.fromkeys(found))


def snippet_hits(info: Any, text: str, locale: Locale, limit: int) -> list[Model]:
    """Up to ``limit`` best matches of each searchable snippet type, in ``locale``, by type."""
    if not 1 <= limit <= MAX_SNIPPET_HITS:
        raise GraphQLError(f"Argument 'limit' must be between 1 and {MAX_SNIPPET_HITS}.")
    backend = search_backend(locale.language_code)
    found: list[Model] = []
    for selector in searchable_snippets():
        offered = selector(locale)
        # The search backend takes only the filters it indexes, so it ranks the language's
        # rows and the plugin's selector then decides which of the hits may be shown.
        candidates = offered.model._default_manager.filter(locale=locale)
        ranked = [hit.pk for hit in backend.search(text, candidates)[:limit]]
        # Relations come from the request's loaders, as the fields ask for them.
        rows = offered.prefetch_related(None).in_bulk(ranked)
        found.extend(rows[pk] for pk in ranked if pk in rows)
    request_context(info).loaders.note(found)
    return found
