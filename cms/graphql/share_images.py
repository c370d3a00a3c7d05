"""The site's default share image: the last fallback of every page's ``ogImage``.

A plugin that keeps such an image (the site settings) offers it through the
``register_default_share_image`` hook (the core names no plugin): each hook function takes
language ids and returns ``{locale_id: (image, alt)}`` for those that have one. A request
loads them once for every language it knows, so a list of pages costs the same whatever
its length; the image goes through the visibility rule like any other (never private).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wagtail import hooks

from cms.graphql.loaders import image_for_reader, loaders_of

DEFAULT_SHARE_IMAGE_HOOK = "register_default_share_image"

Defaults = dict[int, tuple[Any, str]]


def _load(locale_ids: Iterable[int]) -> Defaults:
    ids = list(locale_ids)
    found: Defaults = {}
    for load in hooks.get_hooks(DEFAULT_SHARE_IMAGE_HOOK):
        for locale_id, value in load(ids).items():
            found.setdefault(locale_id, value)
    return found


def load_default_share_images(info: Any) -> Defaults:
    """Every language's default share image, read once per request and noted with the
    request's other images, so their stored renditions come in the same statement whichever
    page of a list asks first (one with its own image, or one that falls back here)."""
    loaders = loaders_of(info)
    if loaders is None:
        return {}
    memo = loaders.memo("default_share_images")
    if "loaded" not in memo:
        memo["loaded"] = _load(loaders.context.locales)
        loaders.note(image for image, _alt in memo["loaded"].values())
    return memo["loaded"]


def default_share_image(info: Any, locale_id: int) -> Any:
    """The default share image for a page in ``locale_id`` (else the first of its fallback
    languages that has one), with its alt text; None when there is none or it is private."""
    loaders = loaders_of(info)
    if loaders is None:
        # Only a GraphQL request's loaders know the reader's visibility: nothing without them.
        return None
    context = loaders.context
    defaults = load_default_share_images(info)
    chain = context.fallback_chain(context.locales[locale_id])
    for locale in chain:
        if locale.pk in defaults:
            image, alt = defaults[locale.pk]
            return image_for_reader(info, image, alt)
    return None
