"""``search(query:) { snippets }``: organisations, people and other snippets that match, in the
language searched, beside the pages.

Plugins name the snippet models partners may find through the ``register_search_snippets``
hook (a function returning model labels); the core names none. Only the snippets' own
language is searched (no fallback), each type capped at ``limit`` hits.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError

from django.apps import apps
from django.db.models import Model

from wagtail import hooks
from wagtail.models import Locale

from cms.graphql.context import request_context
from cms.search import search_backend

SEARCH_SNIPPETS_HOOK = "register_search_snippets"
MAX_SNIPPET_HITS = 50


def searchable_snippet_models() -> list[type[Model]]:
    labels = [label for register in hooks.get_hooks(SEARCH_SNIPPETS_HOOK) for label in register()]
    return [apps.get_model(label) for label in dict.fromkeys(labels)]


def snippet_hits(info: Any, text: str, locale: Locale, limit: int) -> list[Model]:
    """Up to ``limit`` best matches of each searchable snippet type, in ``locale``, by type."""
    if not 1 <= limit <= MAX_SNIPPET_HITS:
        raise GraphQLError(f"Argument 'limit' must be between 1 and {MAX_SNIPPET_HITS}.")
    backend = search_backend(locale.language_code)
    found: list[Model] = []
    for model in searchable_snippet_models():
        candidates = model._default_manager.filter(locale=locale)
        ranked = [hit.pk for hit in backend.search(text, candidates)[:limit]]
        rows = model._default_manager.in_bulk(ranked)
        found.extend(rows[pk] for pk in ranked if pk in rows)
    request_context(info).loaders.note(found)
    return found
