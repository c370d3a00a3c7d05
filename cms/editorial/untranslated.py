"""Published source content with no version yet in a target language, for translators to start.

A translator's rights show them only their own language's tree, so the source page and its
"Translate" action are out of their sight: the dashboard and the "Not yet translated" listing
are where new content reaches them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from django.db.models import F, Model, QuerySet
from django.urls import reverse

from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

Row = dict[str, Any]


class NotTranslated(Sequence[Row]):
    """Live pages (newest first), then translatable snippets, of ``source`` with no version in
    ``target``, as rows with a "Translate" link; sliced in the database, counted once."""

    def __init__(self, source: Locale, target: Locale) -> None:
        self._parts: list[tuple[QuerySet[Any], Callable[[Any], Row]]] = [
            (_pages(source, target), _page_row)
        ]
        for model in get_snippet_models():
            if issubclass(model, TranslatableMixin):
                self._parts.append((_snippets(model, source, target), _snippet_row))
        self._counts: list[int] | None = None

    def __len__(self) -> int:
        if self._counts is None:
            self._counts = [queryset.count() for queryset, _row in self._parts]
        return sum(self._counts)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __iter__(self) -> Iterator[Row]:
        return iter(self[:])  # one query per part, not one per row

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, int):
            position = index + len(self) if index < 0 else index
            if not 0 <= position < len(self):
                raise IndexError(index)
            return self[position : position + 1][0]
        if index.step not in (None, 1):
            raise ValueError("NotTranslated slices take no step.")
        start, stop, _step = index.indices(len(self))
        counts = self._counts or []  # len() has counted
        rows: list[Row] = []
        offset = 0
        for (queryset, row), count in zip(self._parts, counts, strict=True):
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                rows += [row(obj) for obj in queryset[low:high]]
            offset += count
        return rows


def _pages(source: Locale, target: Locale) -> QuerySet[Page]:
    return (
        Page.objects.live()
        .filter(locale=source, depth__gt=2, alias_of__isnull=True)  # roots and homes exist
        # An alias mirrors the source; wagtail-localize offers to translate it, and so do we.
        .exclude(
            translation_key__in=Page.objects.filter(locale=target, alias_of__isnull=True).values(
                "translation_key"
            )
        )
        .select_related("content_type")
        # Pages made live without a publication (imports, fixtures) have no date: last, on
        # every database (PostgreSQL would put NULLs first).
        .order_by(F("last_published_at").desc(nulls_last=True), "pk")
    )


def _snippets(model: type[Model], source: Locale, target: Locale) -> QuerySet[Any]:
    manager = model._default_manager
    return (
        manager.filter(locale=source)
        .exclude(translation_key__in=manager.filter(locale=target).values("translation_key"))
        .order_by("pk")
    )


def _page_row(page: Page) -> Row:
    return {
        "title": page.title,
        "kind": page.content_type.name,
        "translate_url": reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
    }


def _snippet_row(snippet: Model) -> Row:
    meta = snippet._meta
    return {
        "title": str(snippet),
        "kind": meta.verbose_name,
        "translate_url": reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, snippet.pk],
        ),
    }
