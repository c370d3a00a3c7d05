"""The single lookups by slug (``call(slug:, locale:)``): which item answers a slug.

In order: the item with that slug in the language asked for; else the public translation, in
that language, of an item with that slug in another one (a translation may have a slug of its
own, and a partner holding the English slug still gets the Slovenian page); else the item
along the fallback chain; else, when the slug is an old one, the page it moved to, said so in
its ``movedTo`` field (:mod:`cms.graphql.redirects`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet

from wagtail.models import Locale, Page

from cms.graphql.context import RequestContext
from cms.graphql.moved import note_moved
from cms.graphql.redirects import moved_page


def find_by_slug(
    info: Any,
    context: RequestContext,
    model: type[Model],
    visible_in: Callable[[Locale], QuerySet],
    slug: str,
    language: Locale,
    chain: list[Locale],
) -> Model | None:
    """The item answering ``slug``; ``visible_in(locale)`` gives a language's items as the
    reader may see them (the registry's visibility rule)."""
    found = visible_in(language).filter(slug=slug).first()
    if found is not None:
        return found
    if hasattr(model, "translation_key"):
        others = model._default_manager.filter(slug=slug)
        if issubclass(model, Page):
            others = context.visibility.public_pages(others)
        keys = others.values("translation_key")
        found = visible_in(language).filter(translation_key__in=keys).first()
        if found is not None:
            return found
    for candidate in chain[1:]:
        found = visible_in(candidate).filter(slug=slug).first()
        if found is not None:
            return found
    if issubclass(model, Page):
        moved = moved_page(context, model, slug, chain)
        if moved is not None:
            note_moved(info, moved)
            return moved.page
    return None
