"""Descriptions for the parts of the schema grapple builds without any way to describe them.

grapple passes a field's ``description`` through (``GraphQLString(..., description=...)``) and a
block type's ``Meta.graphql_description``, and the project uses both; but it builds each model
type, its ``id`` field and its own StreamField block types with no description and no door to
give one. So, once the schema is built, :func:`describe_schema` fills in only what is still
empty, in the project's schema (graphql-core's objects, not grapple's registry or types):

- a model type gets its model's docstring (the one-line docstring every plugin class has);
- a field gets the description of the same field on an interface its type implements (grapple
  redeclares ``id`` on every model type, dropping the interface's description);
- an ``id`` still without one (inline items have no interface) gets :data:`ID_TEXT`;
- grapple's StreamField interface and block types get the texts in :data:`GRAPPLE_TEXTS`.

``tests/cms/test_schema_contract.py`` fails when grapple starts describing model types itself
(then drop the first rule) and keeps the whole schema at least 90% described.
"""

from __future__ import annotations

import inspect
from typing import Any

from graphql import GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema

from grapple.registry import registry as grapple_registry

ID_TEXT = "Its id, stable for as long as it exists."

#: grapple's own StreamField types and fields, by type name then field name ("" is the type).
GRAPPLE_TEXTS: dict[str, dict[str, str]] = {
    "StreamFieldInterface": {
        "": "One block of a StreamField body; ask for its fields with `... on <Block>`.",
        "id": "The block's id, unique within the body and stable across edits.",
        "blockType": "The kind of block (the name of its Wagtail block class).",
        "field": "The name the block has in the body, e.g. paragraph or image.",
    },
    "StreamFieldBlock": {"": "A block with no type of its own.", "value": "Its value as text."},
    "RichTextBlock": {
        "": "Formatted text (HTML); links point at public pages in the reader's language.",
        "value": "The HTML; a link to a page the reader may not see keeps only its text.",
    },
    "RichText": {"": "Formatted text as HTML."},
    "CharBlock": {"": "A line of text.", "value": "The text."},
    "TextBlock": {"": "Plain text, possibly several lines.", "value": "The text."},
    "ChoiceBlock": {
        "": "One value picked from a fixed list.",
        "value": "The key of the value picked.",
        "choices": "Every value on offer.",
    },
    "ChoiceOption": {
        "": "One value a choice offers.",
        "key": "The value stored.",
        "value": "Its label.",
    },
    "PageChooserBlock": {"": "A page of the site chosen by an editor.", "page": "The page."},
}


def describe_schema(schema: GraphQLSchema) -> None:
    """Fill the empty descriptions of ``schema`` by the rules in this module's docstring."""
    model_docs = _model_docstrings()
    for name, kind in schema.type_map.items():
        if not isinstance(kind, GraphQLObjectType | GraphQLInterfaceType):
            texts = GRAPPLE_TEXTS.get(name, {})
            if not kind.description and "" in texts:
                kind.description = texts[""]
            continue
        texts = GRAPPLE_TEXTS.get(name, {})
        if not kind.description:
            kind.description = model_docs.get(name) or texts.get("")
        for field_name, field in kind.fields.items():
            if field.description:
                continue
            field.description = texts.get(field_name) or _from_interfaces(kind, field_name)
            if not field.description and field_name == "id" and name in model_docs:
                field.description = ID_TEXT


def _from_interfaces(kind: Any, field_name: str) -> str | None:
    for interface in getattr(kind, "interfaces", ()):
        field = interface.fields.get(field_name)
        described = field.description if field is not None else None
        described = described or GRAPPLE_TEXTS.get(interface.name, {}).get(field_name)
        if described:
            return described
    return None


def _model_docstrings() -> dict[str, str]:
    """The first paragraph of the docstring of each model grapple built a type for, by type
    name; Django's generated docstring (``CallPage(id, path, ...)``) is no description.
    (Blocks are described through grapple's door, ``Meta.graphql_description``.)"""
    found: dict[str, str] = {}
    for kind in ("pages", "snippets", "django_models"):
        for source, node in getattr(grapple_registry, kind).items():
            doc = source.__dict__.get("__doc__")
            meta = getattr(node, "_meta", None)
            if not doc or meta is None or doc.startswith(f"{source.__name__}("):
                continue
            found.setdefault(meta.name, inspect.cleandoc(doc).split("\n\n")[0].replace("\n", " "))
    return found
