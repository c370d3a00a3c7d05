"""Relations read by grapple's own resolvers, loaded for a whole list at once.

Grapple resolves a model field declared in ``graphql_fields`` by reading it from each item
(``item.organisation``, ``item.objectives.all()``), which costs a statement per item unless the
list loaded it beforehand. The resolver of each such field, and of no other, is wrapped once
when the schema is built (:mod:`cms.graphql.field_rules`) so that it first asks the request's
loaders (:meth:`cms.graphql.loaders.Loaders.prefetch`) to load that relation for every item of
the same type the request holds, just before the first item reads it: a list, top-level or
nested, costs the same number of statements for 10 and for 100 items, and only the relations a
query asks for are loaded. Fields that read no relation (titles, dates, ...) run as grapple
built them, with nothing in between.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphene.utils.str_converters import to_snake_case
from graphql import FieldNode, FragmentSpreadNode, GraphQLObjectType, InlineFragmentNode

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model

from cms.graphql.context import RequestContext

Resolver = Callable[..., Any]


def batched_resolver(
    parent_type: GraphQLObjectType, name: str, resolve: Resolver
) -> Resolver | None:
    """``resolve`` preceded by the batch load of the relation field ``name`` of
    ``parent_type`` reads; None for a field that reads no model relation."""
    relation = _relation_of(parent_type, name)
    if relation is None:
        return None

    def resolve_batched(root: Any, info: Any, **kwargs: Any) -> Any:
        if isinstance(root, Model) and isinstance(info.context, RequestContext):
            info.context.loaders.prefetch(root, relation, _selected(info))
        return resolve(root, info, **kwargs)

    return resolve_batched


def _selected(info: Any) -> list[str]:
    """Snake-case names of the fields selected below this one (fragments included), so that
    the related rows' foreign keys the query asks for are joined in."""
    names: list[str] = []
    stack = [node.selection_set for node in info.field_nodes if node.selection_set]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FieldNode):
                names.append(to_snake_case(selection.name.value))
            elif isinstance(selection, InlineFragmentNode):
                stack.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = info.fragments.get(selection.name.value)
                if fragment is not None:
                    stack.append(fragment.selection_set)
    return names


def _relation_of(parent_type: Any, field_name: str) -> str | None:
    """The relation the field named ``field_name`` (camel case) of a grapple type reads: its
    ``source`` or, for a method source (``logo_for_reader``), its own name."""
    graphene_type = getattr(parent_type, "graphene_type", None)
    model = getattr(getattr(graphene_type, "_meta", None), "model", None)
    if model is None:
        return None
    for declared in getattr(model, "graphql_fields", []):
        field = declared() if callable(declared) else declared
        if isinstance(field, tuple):  # grapple collections: (field, wrapper)
            field = field[0]() if callable(field[0]) else field[0]
        if _camel(field.field_name) != field_name:
            continue
        for name in (field.field_source, field.field_name):
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if model_field.is_relation:
                return name
        return None
    return None


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.title() for part in rest)
