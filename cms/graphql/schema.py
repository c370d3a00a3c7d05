"""The partner schema (``GRAPHENE["SCHEMA"]``): the project's queries over grapple's types.

grapple builds a type per model from its ``graphql_fields``; the top-level fields are the
project's own (:mod:`cms.graphql.registry` for each plugin's list and lookup,
:mod:`cms.graphql.queries` for ``page`` and ``search``). grapple's own top-level queries
(``pages``, ``images``, ... which mix languages and show drafts) are never added, and neither
are its generic image, rendition, document and collection types and their chooser blocks, with
their free-form arguments: the schema lists the types it wants from grapple's registry.
"""

from __future__ import annotations

from typing import Any

import graphene

import wagtail.documents.blocks
import wagtail.images.blocks
from grapple.registry import registry as grapple_registry
from grapple.settings import grapple_settings
from grapple.types.pages import Page as FallbackPageType
from wagtail import hooks

from cms.graphql import grapple_patches
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
    types = [node for node in grapple_registry.models.values() if node not in generic]
    return [*types, FallbackPageType]


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

    return graphene.Schema(
        query=Query, types=partner_types(), auto_camelcase=grapple_settings.AUTO_CAMELCASE
    )


schema = build_schema()
