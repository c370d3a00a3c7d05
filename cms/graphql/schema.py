"""The partner schema (``GRAPHENE["SCHEMA"]``): the project's queries over grapple's types.

grapple builds a type per model from its ``graphql_fields``; the top-level fields are the
project's own (:mod:`cms.graphql.registry` for each plugin's list and lookup,
:mod:`cms.graphql.queries` for ``page`` and ``search``). grapple's own top-level queries
(``pages``, ``images``, ... which mix languages and show drafts) are never added, and neither
are its generic image, rendition, document and collection types and their chooser blocks, with
their free-form arguments: the schema lists the types it wants from grapple's registry, and of
grapple's StreamField block types only those a page's body can hold.
"""

from __future__ import annotations

from typing import Any

import graphene

import wagtail.documents.blocks
import wagtail.images.blocks
from grapple.registry import registry as grapple_registry
from grapple.settings import grapple_settings
from grapple.types.pages import Page as FallbackPageType
from wagtail import blocks, hooks
from wagtail.fields import StreamField

from cms.graphql import grapple_patches
from cms.graphql.descriptions import describe_schema
from cms.graphql.field_rules import install_field_rules
from cms.graphql.queries import CoreQueries
from cms.graphql.registry import build_query_mixin


def partner_types() -> list[Any]:
    """grapple's types the schema offers: every model's (and the type of a page with none of
    its own), less the generic media types."""
    generic = {
        grapple_registry.streamfield_blocks.get(wagtail.images.blocks.ImageChooserBlock),
        grapple_registry.streamfield_blocks.get(wagtail.documents.blocks.DocumentChooserBlock),
        *grapple_registry.documents.values(),
        *grapple_registry.collections.values(),
    }
    unused = set(grapple_registry.streamfield_blocks.values()) - block_types_in_use()
    types = [node for node in grapple_registry.models.values() if node not in generic | unused]
    return [*types, FallbackPageType]


def block_types_in_use() -> set[Any]:
    """The block types a StreamField of a model with a GraphQL type can answer with: the
    types of every block reachable from its StreamBlock, found as grapple finds them (the
    block's class or its nearest registered base, else grapple's generic block type)."""
    found: set[Any] = set()
    pending: list[blocks.Block] = [
        child
        for model in grapple_registry.class_models
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
        for child in field.stream_block.child_blocks.values()
    ]
    seen: set[int] = set()
    while pending:
        block = pending.pop()
        if id(block) in seen:
            continue
        seen.add(id(block))
        registered = next(
            (
                grapple_registry.streamfield_blocks[base]
                for base in type(block).__mro__
                if base in grapple_registry.streamfield_blocks
            ),
            grapple_registry.streamfield_blocks.get("generic-block"),
        )
        found.add(registered)
        children = getattr(block, "child_blocks", None) or {}
        pending.extend(children.values())
        if isinstance(block, blocks.ListBlock):
            pending.append(block.child_block)
    return found


#: Wagtail hook through which an app adds top-level query classes (a function returning them),
#: e.g. ``sitemap`` from cms/partners. Not grapple's ``register_schema_query``: grapple's own
#: apps add their generic queries through that one.
PARTNER_QUERIES_HOOK = "register_partner_queries"


def app_queries() -> list[type]:
    """Query classes apps add through ``PARTNER_QUERIES_HOOK``."""
    return [query for add in hooks.get_hooks(PARTNER_QUERIES_HOOK) for query in add()]


def build_schema() -> graphene.Schema:
    grapple_patches.apply()

    class Query(build_query_mixin(), CoreQueries, *app_queries()):
        """Partner queries: lists and lookups per content type, a page by path, search."""

    built = graphene.Schema(
        query=Query, types=partner_types(), auto_camelcase=grapple_settings.AUTO_CAMELCASE
    )
    describe_schema(built.graphql_schema)
    install_field_rules(built.graphql_schema)
    return built


schema = build_schema()
