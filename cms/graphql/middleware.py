"""A last line of defence: no field ever resolves to content an anonymous reader may not see.

Selectors already filter lists, but pages and images also arrive through foreign keys, page
chooser blocks and image choosers in StreamField. This middleware checks every resolved value
that is a page or an image against the request's visibility rules, computed once per request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from wagtail.images.models import AbstractImage
from wagtail.models import Collection, CollectionViewRestriction, Page

from cms.graphql.visibility import hidden_section_paths, public_pages, request_memo


@dataclass(frozen=True)
class Visibility:
    """What is hidden in this request: restricted or taken-down sections, private collections."""

    now: datetime
    hidden_paths: tuple[str, ...]
    private_collection_paths: tuple[str, ...]

    @classmethod
    def load(cls) -> Visibility:
        private = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        return cls(
            now=timezone.now(),
            hidden_paths=hidden_section_paths(),
            private_collection_paths=tuple(private),
        )

    def page_visible(self, page: Page) -> bool:
        if not page.live or page.depth <= 1:
            return False
        if page.expire_at is not None and page.expire_at <= self.now:
            return False
        return not page.path.startswith(self.hidden_paths)

    def image_visible(self, image: AbstractImage) -> bool:
        if not self.private_collection_paths:
            return True
        path = _collection_path(image.collection_id)
        return not path.startswith(self.private_collection_paths)


def _collection_path(collection_id: int) -> str:
    # Per request, not per process: a collection moved under a private one must be private at
    # once, in every worker.
    memo = request_memo("collection_paths")
    if memo is not None and collection_id in memo:
        return memo[collection_id]
    path = Collection.objects.filter(pk=collection_id).values_list("path", flat=True).first()
    path = path or ""
    if memo is not None:
        memo[collection_id] = path
    return path


class VisibilityMiddleware:
    """Null out single pages/images and drop them from lists when they are not public."""

    def resolve(self, next_: Any, root: Any, info: Any, **kwargs: Any) -> Any:
        value = next_(root, info, **kwargs)
        request = info.context
        if value is None or _inside_preview(request, info):
            return value
        if isinstance(value, Page | AbstractImage):
            return value if self._visible(request, value) else None
        if isinstance(value, QuerySet) and issubclass(value.model, Page):
            if not value.query.is_sliced:
                return public_pages(value)
            # A sliced queryset cannot take more filters; check what the slice holds.
            return [item for item in value if self._visible(request, item)]
        if isinstance(value, list | tuple) and value and _holds_content(value):
            return [item for item in value if self._visible(request, item)]
        return value

    def _visible(self, request: Any, item: Any) -> bool:
        visibility = getattr(request, "_cms_visibility", None)
        if visibility is None:
            visibility = Visibility.load()
            request._cms_visibility = visibility
        if isinstance(item, Page):
            return visibility.page_visible(item)
        if isinstance(item, AbstractImage):
            return visibility.image_visible(item)
        return True


def _inside_preview(request: Any, info: Any) -> bool:
    """Whether this value is a ``page(token: ...)`` answer: the draft an editor is previewing.

    Only the draft itself: what it links to or shows (pages, images) is checked as for any
    reader, so a preview shows what publishing it would show.
    """
    keys = getattr(request, "cms_preview_keys", None)
    return bool(keys) and info.path.prev is None and info.path.key in keys


def _holds_content(items: Iterable[Any]) -> bool:
    return any(isinstance(item, Page | AbstractImage) for item in items)
