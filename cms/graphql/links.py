"""Pages chosen in StreamField blocks, served in the reader's language, a request at a time.

wagtail-localize copies page choosers unchanged into translations, so a Slovenian page links to
the English one; and a chooser holds a plain ``Page``, which hides the page's own type from
``... on ProjectPage`` fragments. Resolving each link on its own would cost several queries per
link; instead the first link resolved in a request looks up every link of every item the
request has loaded so far (:func:`remember`), in a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Model, QuerySet
from django.utils import translation

from wagtail.blocks import PageChooserBlock, StreamValue, StructBlock
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from cms.graphql.visibility import public_pages, request_memo
from cms.localized import localized_many

_ITEMS = "link_sources"
_CHOSEN = "chosen_pages"
_RESOLVED = "link_targets"


def remember(items: Iterable[Model]) -> None:
    """Note content a request loaded, whose page links may be asked for next."""
    memo = request_memo(_ITEMS)
    if memo is not None:
        for item in items:
            memo.setdefault((type(item), item.pk), item)


def chosen_pages(page_ids: Iterable[int | None]) -> dict[int, Page | None] | None:
    """The (plain) pages with these ids, loaded with every page chosen in the content the
    request has loaded so far; ``None`` outside a GraphQL request."""
    memo = request_memo(_CHOSEN)
    if memo is None:
        return None
    missing = {pk for pk in page_ids if pk is not None and pk not in memo}
    if missing:
        missing |= {pk for pk in _linked_page_ids(_remembered()) if pk not in memo}
        found = Page.objects.in_bulk(missing)
        memo.update({pk: found.get(pk) for pk in missing})
    return memo


def page_in_reader_language(page: Page) -> Page | None:
    """``page``'s public version in the language the partner asked for, else its own public
    version, as its specific type; ``None`` when no version is public."""
    locale = _reader_locale()
    resolved = request_memo(_RESOLVED)
    key = (page.pk, locale.pk)
    if resolved is not None and key in resolved:
        return resolved[key]
    done = resolved or {}
    pages = {page.pk: page}
    chosen = chosen_pages([page.pk]) or {}
    pages.update(
        {
            pk: other
            for pk, other in chosen.items()
            if other is not None and (pk, locale.pk) not in done
        }
    )
    found = _in_locale(pages.values(), locale)
    if resolved is not None:
        resolved.update(found)
    return found.get(key)


def remembered() -> list[Model]:
    """Content the request has loaded so far (:func:`remember`), e.g. to batch a lookup."""
    return _remembered()


def _remembered() -> list[Model]:
    return list((request_memo(_ITEMS) or {}).values())


def _in_locale(pages: Iterable[Page], locale: Locale) -> dict[tuple[int, int], Page | None]:
    found = localized_many(((page, locale.pk) for page in pages), restrict=_public_specific)
    targets = [target for target in found.values() if target is not None]
    locales = _locales()
    for target in targets:
        target.locale = locales[target.locale_id]  # read by every page's `locale` field
    if targets:
        from cms.graphql.registry import attach_translations  # the registry imports this module

        attach_translations(targets)
        # Their own bodies' links, if asked for next, come in one batch too.
        remember(targets)
    return found


def _public_specific(queryset: QuerySet[Page]) -> QuerySet[Page]:
    return public_pages(queryset).specific()


def _linked_page_ids(items: Iterable[Model]) -> Iterator[int]:
    """Ids of the pages chosen in the items' StreamFields, read from the stored data, so no
    StreamField is loaded (and no chooser queried) for it."""
    for item in items:
        for field in item._meta.concrete_fields:
            if isinstance(field, StreamField):
                value = field.value_from_object(item)
                if isinstance(value, StreamValue):
                    yield from _chosen_pages(value.stream_block, value.raw_data)


def _chosen_pages(block: Any, data: Any) -> Iterator[int]:
    """Page ids in ``data``, stored as ``block`` stores it (streams, structs and lists)."""
    if isinstance(block, PageChooserBlock):
        if isinstance(data, int):
            yield data
        return
    if isinstance(block, StructBlock) and isinstance(data, dict):
        for name, child in block.child_blocks.items():
            yield from _chosen_pages(child, data.get(name))
        return
    child_blocks = getattr(block, "child_blocks", None)
    if child_blocks is not None and isinstance(data, Iterable) and not isinstance(data, str):
        # A stream: items are {"type": ..., "value": ...}.
        for entry in data:
            if isinstance(entry, dict) and entry.get("type") in child_blocks:
                yield from _chosen_pages(child_blocks[entry["type"]], entry.get("value"))
        return
    child = getattr(block, "child_block", None)
    if child is not None and isinstance(data, list):
        # A list block: items are {"type": "item", "value": ...} or bare values.
        for entry in data:
            # Wagtail's own test for the list format with ids (older lists hold bare values).
            wrapped = type(entry) is dict and "id" in entry and "value" in entry
            yield from _chosen_pages(child, entry["value"] if wrapped else entry)


def _reader_locale() -> Locale:
    """The locale the partner asked for (the list and lookup resolvers activate it)."""
    locales = _locales()
    by_code = {locale.language_code: locale for locale in locales.values()}
    code = translation.get_language() or ""
    return by_code.get(code) or by_code.get(code.split("-")[0]) or Locale.get_default()


def _locales() -> dict[int, Locale]:
    memo = request_memo("locales")
    if memo:
        return memo
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    if memo is not None:
        memo.update(locales)
    return locales
