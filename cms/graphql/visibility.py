"""What anonymous partner sites may see: the one place the rule is written down."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

# Hidden sections change only on publish/restrict; within one request they are loaded once.
_scope: ContextVar[dict[str, Any] | None] = ContextVar("cms_visibility_scope", default=None)


@contextmanager
def visibility_scope() -> Iterator[None]:
    """Remember hidden sections for the duration of one request."""
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


def request_memo(name: str) -> dict[Any, Any] | None:
    """A dict that lives as long as the current request; ``None`` outside a request."""
    scope = _scope.get()
    if scope is None:
        return None
    # Apart from the hidden paths stored beside them: no memo name can ever shadow those.
    return scope.setdefault("memos", {}).setdefault(name, {})


def hidden_section_paths() -> tuple[str, ...]:
    """Tree paths under which nothing is public.

    View-restricted pages (password, login, groups) and sections taken down (unpublished or
    expired pages with live pages below them): a live page below them stays hidden, so
    ``parent`` can never lead to them.
    """
    scope = _scope.get()
    if scope is not None and "paths" in scope:
        return scope["paths"]
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    paths = tuple(sorted({*restricted, *_taken_down_sections()}))
    if scope is not None:
        scope["paths"] = paths
    return paths


def _taken_down_sections() -> QuerySet[Page, str]:
    """Paths of unpublished or expired pages that have a live child, in one query.

    Read from the tree paths alone: a page's parent is its path less one step. Treebeard's
    child counts (``numchild``) are kept beside the paths and can be wrong, and a section that
    claimed no children would let everything below it through. Pages whose live pages all sit
    deeper are covered too: the nearest taken-down ancestor of any live page has a live child.
    """
    step = Page.steplen
    parents_of_live_pages = (
        Page.objects.filter(live=True)
        .annotate(parent_path=Substr("path", 1, Length("path") - step))
        .values("parent_path")
    )
    return (
        Page.objects.alias(path_length=Length("path"))
        .filter(Q(live=False) | Q(expire_at__lte=timezone.now()), path_length__gt=step)
        .filter(path__in=parents_of_live_pages)
        .order_by()
        .values_list("path", flat=True)
    )


def public_pages(queryset: QuerySet[Page]) -> QuerySet[Page]:
    """Live, unexpired pages outside every hidden section.

    Expiry is checked here, so an expired page disappears at once rather than when
    ``publish_scheduled`` next runs.
    """
    queryset = (
        queryset.live()
        .filter(depth__gt=1)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
    )
    paths = hidden_section_paths()
    if paths:
        hidden = Q()
        for path in paths:
            hidden |= Q(path__startswith=path)
        queryset = queryset.exclude(hidden)
    return queryset
