"""Every rich-text and URL value the API answers is cleaned here, whatever resolved it.

When the schema is built (:mod:`cms.graphql.field_rules`), each field is looked at once and
its resolver wrapped according to what the schema and the models' declarations say it holds
(a field that needs nothing keeps its resolver as it is):

- rich text: any field of grapple's ``RichText`` type, the ``value`` of a rich-text or raw-HTML
  StreamField block, a ``RichTextField`` or rich-text child block exposed as a string;
- a URL: a ``URLField`` of a model, a URL block or URL child block.

Rich text is rendered (links resolved through the request's loaders,
:mod:`cms.graphql.rich_text`) and then cleaned by :func:`cms.sanitise.clean_html`; a
URL whose scheme is not allowed resolves to null (:func:`cms.sanitise.safe_url`), and a row
whose required URL is not allowed leaves its list, so a partner never gets a link without an
address. A plugin's new field is covered by what it is, not by remembering to wrap it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from graphene.utils.str_converters import to_camel_case
from graphql import (
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    get_named_type,
    get_nullable_type,
)

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from grapple.registry import registry as grapple_registry
from grapple.types.rich_text import RichText as RichTextScalar
from wagtail import blocks
from wagtail.fields import RichTextField
from wagtail.rich_text import RichText

from cms.graphql.rich_text import render_rich_text
from cms.sanitise import clean_html, safe_url

HTML_BLOCKS = (blocks.RichTextBlock, blocks.RawHTMLBlock)

#: Takes a field's resolved value (and its ``info``) and returns what the API may answer.
Rule = Callable[[Any, Any], Any]


def sanitised_resolver(
    parent: GraphQLObjectType, name: str, resolve: Callable[..., Any]
) -> Callable[..., Any] | None:
    """``resolve`` with the rule of ``parent.name`` applied to its value (or, for a rule that
    answers from the parent, in its place); None for a field that needs nothing."""
    rule = _field_rule(parent, name)
    if rule is None:
        return None
    if isinstance(rule, FromRoot):
        from_root = rule.rule

        def resolve_from_root(root: Any, info: Any, **kwargs: Any) -> Any:
            return from_root(root, info)

        return resolve_from_root
    value_rule = rule

    def resolve_sanitised(root: Any, info: Any, **kwargs: Any) -> Any:
        value = resolve(root, info, **kwargs)
        if value is None:
            return value
        return value_rule(value, info)

    return resolve_sanitised


class FromRoot:
    """A rule that answers from the parent object, in place of the field's resolver.

    grapple's resolver for a rich text block's ``value`` renders it on its own, looking up
    its links value by value; the rule renders it through the request's loaders instead.
    """

    def __init__(self, rule: Rule) -> None:
        self.rule = rule


def _field_rule(parent: GraphQLObjectType, name: str) -> Rule | FromRoot | None:
    """How the value of ``parent.name`` is cleaned; None for a field that needs nothing."""
    field = parent.fields.get(name)
    if field is None:  # __typename, __type, __schema
        return None
    named = get_named_type(field.type)
    if getattr(named, "graphene_type", None) is not None and issubclass(
        named.graphene_type, RichTextScalar
    ):
        return _rendered_rich_text
    kind, _source = _declared_kind(parent, name)
    if kind == "rich_text_value":
        return FromRoot(_rendered_block_value)
    if kind == "html":
        return _clean_html
    if kind == "url":
        return lambda value, _info: safe_url(value)
    if isinstance(get_nullable_type(field.type), GraphQLList) and isinstance(
        named, GraphQLObjectType
    ):
        required = _required_url_sources(named)
        if required:
            return lambda items, _info: _rows_with_safe_urls(items, required)
    return None


def _rendered_rich_text(value: Any, info: Any) -> str:
    """A field of grapple's RichText type: stored rich text, rendered, then cleaned."""
    # Rendering resolves Wagtail's link and embed markup first; cleaning comes last, so what
    # the link handlers write is checked too. Grapple's RichText type renders what it is
    # given once more; clean HTML holds no such markup, so that leaves it as it is.
    return _clean_html(RichText(value) if isinstance(value, str) else value, info)


def _rendered_block_value(block: Any, info: Any) -> str:
    """The ``value`` of a rich text block: its stored rich text, rendered, then cleaned."""
    value = getattr(block, "value", None)
    return clean_html(render_rich_text(getattr(value, "source", value) or "", info))


def _clean_html(value: Any, info: Any) -> str:
    """HTML grapple has rendered already (a string), or a block's RichText value, cleaned."""
    if isinstance(value, RichText):
        return clean_html(render_rich_text(value.source, info))
    return clean_html(value if isinstance(value, str) else value.__html__())


def _declared_kind(parent: GraphQLObjectType, name: str) -> tuple[str | None, str | None]:
    """``("html" | "url" | None, source attribute)`` from the block or model behind a type."""
    graphene_type = getattr(parent, "graphene_type", None)
    if graphene_type is None:
        return None, None
    block_classes = [
        block
        for block, node in grapple_registry.streamfield_blocks.items()
        if node is graphene_type and isinstance(block, type)
    ]
    for block_class in block_classes:
        if name == "value" and issubclass(block_class, blocks.RichTextBlock):
            return "rich_text_value", None
        if name == "value" and issubclass(block_class, HTML_BLOCKS):
            return "html", None
        if name == "value" and issubclass(block_class, blocks.URLBlock):
            return "url", None
        source = _declared_source(block_class, name)
        child = getattr(block_class, "base_blocks", {}).get(source)
        if isinstance(child, HTML_BLOCKS):
            return "html", source
        if isinstance(child, blocks.URLBlock):
            return "url", source
    model = getattr(getattr(graphene_type, "_meta", None), "model", None)
    if model is None:
        return None, None
    source = _declared_source(model, name)
    if source is None:
        return None, None
    try:
        model_field = model._meta.get_field(source)
    except FieldDoesNotExist:  # a property or method
        return None, None
    if isinstance(model_field, RichTextField):
        return "html", source
    if isinstance(model_field, models.URLField):
        return "url", source
    return None, None


def _declared_source(owner: type, name: str) -> str | None:
    """The attribute behind GraphQL field ``name`` in ``owner.graphql_fields``."""
    for entry in getattr(owner, "graphql_fields", ()):
        field = entry() if callable(entry) else entry
        if isinstance(field, tuple):  # grapple collections: (field, wrapper)
            field = field[0]() if callable(field[0]) else field[0]
        if name in (field.field_name, to_camel_case(field.field_name)):
            return field.field_source or field.field_name
    return None


def _required_url_sources(item_type: GraphQLObjectType) -> tuple[str, ...]:
    """Attributes of the non-null URL fields of ``item_type``'s rows."""
    sources = []
    for name, field in item_type.fields.items():
        if not isinstance(field.type, GraphQLNonNull):
            continue
        kind, source = _declared_kind(item_type, name)
        if kind == "url" and source:
            sources.append(source)
    return tuple(sources)


def _rows_with_safe_urls(items: Iterable[Any], sources: tuple[str, ...]) -> list[Any]:
    return [
        item
        for item in items
        if all(safe_url(getattr(item, source, None)) is not None for source in sources)
    ]
