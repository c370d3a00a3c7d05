"""What some fields do besides reading a value, put into their resolvers once, when the schema
is built.

Two kinds of field need more than grapple's or graphene's resolver: a field that reads a model
relation loads it for the whole list first (:mod:`cms.graphql.batching`), and rich text and URL
fields are rendered and cleaned (:mod:`cms.graphql.sanitise`). Each module says, from the schema
and the models' declarations, which fields it concerns and how; this module wraps those fields'
resolvers in the project's graphql-core schema (``GraphQLField.resolve``, the attribute
graphql-core executes), as :mod:`cms.graphql.descriptions` fills in its descriptions. Every
other field (most of them: titles, slugs, dates) keeps its resolver as it is, so a request pays
nothing per value for these rules, where a graphene middleware would wrap every field of every
item.
"""

from __future__ import annotations

from graphql import GraphQLObjectType, GraphQLSchema, default_field_resolver

from cms.graphql.batching import batched_resolver
from cms.graphql.sanitise import sanitised_resolver


def install_field_rules(schema: GraphQLSchema) -> None:
    """Wrap the resolvers of the fields that batch a relation or sanitise their value; the
    sanitising rule runs outside (on what the batched resolver answered)."""
    for named in schema.type_map.values():
        if not isinstance(named, GraphQLObjectType) or named.name.startswith("__"):
            continue
        for name, field in named.fields.items():
            resolve = field.resolve or default_field_resolver
            batched = batched_resolver(named, name, resolve)
            if batched is not None:
                resolve = batched
            sanitised = sanitised_resolver(named, name, resolve)
            if sanitised is not None:
                resolve = sanitised
            if batched is not None or sanitised is not None:
                field.resolve = resolve
