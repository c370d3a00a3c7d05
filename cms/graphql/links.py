"""Pages and images chosen in content: where their ids sit in the stored data.

wagtail-localize copies page choosers unchanged into translations, so a Slovenian page links to
the English one; and a chooser holds a plain ``Page``, which hides the page's own type from
``... on ProjectPage`` fragments. The request's loaders (:meth:`cms.graphql.loaders.Loaders.
chosen_page`, :meth:`~cms.graphql.loaders.Loaders.chosen_image`) serve each chosen page in the
reader's language and as its own type, and each chosen image only when it is public, looking up
every one chosen in everything the request has loaded at once; this module finds those ids in
the stored data (StreamField blocks, and page links in rich text), so no StreamField is loaded
(and no chooser queried) for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Model

from wagtail.blocks import PageChooserBlock, RichTextBlock, StreamValue, StructBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

PAGE_LINK = 'linktype="page"'


def linked_page_ids(items: Iterable[Model]) -> Iterator[int]:
    """Ids of the pages chosen in the items' StreamFields or linked from their rich text."""
    for item in items:
        for field in item._meta.concrete_fields:
            if field.attname not in item.__dict__:  # deferred: not loaded, not looked into
                continue
            if isinstance(field, RichTextField):
                yield from rich_text_page_ids(field.value_from_object(item))
            elif isinstance(field, StreamField):
                yield from _stream_ids(item, field, PageChooserBlock)


def chosen_image_ids(items: Iterable[Model]) -> Iterator[int]:
    """Ids of the images chosen in the items' StreamFields."""
    for item in items:
        for field in item._meta.concrete_fields:
            if isinstance(field, StreamField) and field.attname in item.__dict__:
                yield from _stream_ids(item, field, ImageChooserBlock)


def rich_text_page_ids(html: Any) -> Iterator[int]:
    """Ids of the pages stored rich text links to (``<a linktype="page" id="...">``)."""
    if not isinstance(html, str) or PAGE_LINK not in html:
        return
    for match in FIND_A_TAG.findall(html):
        attrs = extract_attrs(match)
        if attrs.get("linktype") == "page" and attrs.get("id", "").isdigit():
            yield int(attrs["id"])


def _stream_ids(item: Model, field: StreamField, chooser: type) -> Iterator[int]:
    value = field.value_from_object(item)
    if isinstance(value, StreamValue):
        yield from _chosen(value.stream_block, value.raw_data, chooser)


def _chosen(block: Any, data: Any, chooser: type) -> Iterator[int]:
    """Ids ``chooser`` blocks hold in ``data``, stored as ``block`` stores it (streams,
    structs and lists); for pages, those rich text blocks link to as well."""
    if isinstance(block, chooser):
        if isinstance(data, int):
            yield data
        return
    if isinstance(block, RichTextBlock):
        if chooser is PageChooserBlock:
            yield from rich_text_page_ids(data)
        return
    if isinstance(block, StructBlock) and isinstance(data, dict):
        for name, child in block.child_blocks.items():
            yield from _chosen(child, data.get(name), chooser)
        return
    child_blocks = getattr(block, "child_blocks", None)
    if child_blocks is not None and isinstance(data, Iterable) and not isinstance(data, str):
        # A stream: items are {"type": ..., "value": ...}.
        for entry in data:
            if isinstance(entry, dict) and entry.get("type") in child_blocks:
                yield from _chosen(child_blocks[entry["type"]], entry.get("value"), chooser)
        return
    child = getattr(block, "child_block", None)
    if child is not None and isinstance(data, list):
        # A list block: items are {"type": "item", "value": ...} or bare values.
        for entry in data:
            # Wagtail's own test for the list format with ids (older lists hold bare values).
            wrapped = type(entry) is dict and "id" in entry and "value" in entry
            yield from _chosen(child, entry["value"] if wrapped else entry, chooser)
