"""An answer to a single lookup by an old slug: the ``movedTo`` field of every page type.

:func:`cms.graphql.lookups.find_by_slug` notes the move in the request's loaders (keyed by the
top-level field) and the page type's ``movedTo`` reads it there: nothing is hung on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import graphene

from wagtail.models import Page

from cms.frontend import frontend_url
from cms.graphql.context import request_context, top_level_key

MOVED_MEMO = "cms.graphql.moved"


@dataclass(frozen=True)
class Moved:
    """A lookup asked for an old slug: the page that lives there now."""

    old: str
    page: Page
    is_permanent: bool


def note_moved(info: Any, moved: Moved) -> None:
    """Remember, for this top-level field, that it answered an old slug."""
    request_context(info).loaders.memo(MOVED_MEMO)[top_level_key(info)] = moved


def moved_for(info: Any, page: Page) -> Moved | None:
    """What :func:`note_moved` remembered for the top-level object ``page``; nested pages
    were never asked for by an old slug."""
    if info.path.prev is None or info.path.prev.prev is not None:
        return None
    moved = request_context(info).loaders.memo(MOVED_MEMO).get(top_level_key(info))
    return moved if moved is not None and moved.page.pk == page.pk else None


class MovedToType(graphene.ObjectType):
    """The lookup asked for an old slug: the page answering lives elsewhere now."""

    old_slug = graphene.String(required=True, description="The slug the lookup asked for.")
    slug = graphene.String(required=True, description="The page's slug now.")
    url = graphene.String(description="The page's address on the partner frontend now.")
    is_permanent = graphene.Boolean(
        required=True, description="True for a permanent move (update stored links)."
    )

    class Meta:
        name = "MovedTo"


def resolve_moved_to(page: Page, info: Any) -> dict[str, Any] | None:
    moved = moved_for(info, page)
    if moved is None:
        return None
    language = request_context(info).locales[page.locale_id].language_code
    return {
        "old_slug": moved.old,
        "slug": page.slug,
        "url": frontend_url(page, language_code=language),
        "is_permanent": moved.is_permanent,
    }
