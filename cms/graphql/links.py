"""Pages chosen in StreamField blocks: where their ids sit in stored StreamField data.

wagtail-localize copies page choosers unchanged into translations, so a Slovenian page links to
the English one; and a chooser holds a plain ``Page``, which hides the page's own type from
``... on ProjectPage`` fragments. The request's loaders (:meth:`cms.graphql.loaders.Loaders.
chosen_page`) serve each chosen page in the reader's language and as its own type, looking up
every page chosen in everything the request has loaded at once; this module finds those ids in
the stored data, so no StreamField is loaded (and no chooser queried) for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Model

from wagtail.blocks import PageChooserBlock, StreamValue, StructBlock
from wagtail.fields import StreamField


def linked_page_ids(items: Iterable[Model]) -> Iterator[int]:
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
