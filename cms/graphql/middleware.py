"""A test-time assertion: no field ever resolves to content an anonymous reader may not see.

Visibility is applied where rows are fetched (:mod:`cms.graphql.visibility`, used by the
selectors, the registry and the loaders). This graphene middleware, installed by the test
settings only (``cms.settings.test``), checks every resolved page and image against the same
rule with the request's snapshot, and fails the field loudly when one slipped through: a
forgotten filter fails in tests, never silently in production. It reads collection
restrictions only when an image is resolved.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from wagtail.images.models import AbstractImage
from wagtail.models import Page

from cms.graphql.context import RequestContext


class VisibilityLeak(AssertionError):
    """A field resolved to a page or image that anonymous readers may not see."""


class VisibilityAssertionMiddleware:
    """Raise :class:`VisibilityLeak` for a non-public page or image in any field's value."""

    def resolve(self, next_: Any, root: Any, info: Any, **kwargs: Any) -> Any:
        value = next_(root, info, **kwargs)
        context = info.context
        if value is None or not isinstance(context, RequestContext) or _inside_preview(info):
            return value
        if isinstance(value, QuerySet):
            if not issubclass(value.model, Page | AbstractImage):
                return value
            value = list(value)
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if isinstance(item, Page) and not context.visibility.page_visible(item):
                raise VisibilityLeak(f"{info.path.as_list()}: page {item.pk} is not public")
            if isinstance(item, AbstractImage) and not context.visibility.image_visible(item):
                raise VisibilityLeak(f"{info.path.as_list()}: image {item.pk} is private")
        return value


def _inside_preview(info: Any) -> bool:
    """Whether this value is a ``page(token: ...)`` answer: the draft an editor is previewing.

    Only the draft itself: what it links to or shows (pages, images) is checked as for any
    reader, so a preview shows what publishing it would show.
    """
    return info.path.prev is None and info.path.key in info.context.preview_keys
