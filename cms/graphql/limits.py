"""Bounds on what one GraphQL request may ask for: depth, cost and aliased lists.

Each limit reports a ``GraphQLError`` naming the limit and its value, so a partner developer
knows what to change. Values come from settings (``CMS_GRAPHQL_LIMITS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    value_from_ast,
)
from graphql.type import GraphQLInterfaceType, GraphQLNamedType, GraphQLUnionType


@dataclass(frozen=True)
class Limits:
    """The limits in force; see the README for the defaults and how they are counted."""

    max_depth: int = 8
    max_cost: int = 50_000
    max_list_aliases: int = 20
    max_tokens: int = 2_000
    max_body_bytes: int = 16 * 1024
    default_list_size: int = 10

    @classmethod
    def from_settings(cls, values: dict[str, int]) -> Limits:
        return cls(**values)


def _unwrap(graphql_type: Any) -> tuple[Any, bool]:
    """The named type under NonNull/List wrappers, and whether a list was among them."""
    is_list = False
    while isinstance(graphql_type, GraphQLNonNull | GraphQLList):
        if isinstance(graphql_type, GraphQLList):
            is_list = True
        graphql_type = graphql_type.of_type
    return graphql_type, is_list


class _Walker:
    """Walks one operation with schema types, accumulating depth, cost and list aliases."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        limits: Limits,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.limits = limits
        self.max_depth_seen = 0
        self.list_aliases = 0

    def cost(
        self,
        parent: GraphQLNamedType,
        selection_set: SelectionSetNode | None,
        depth: int,
        visiting: frozenset[str] = frozenset(),
    ) -> int:
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self._field_cost(parent, selection, depth, visiting)
            elif isinstance(selection, InlineFragmentNode):
                target = (
                    self.schema.get_type(selection.type_condition.name.value)
                    if selection.type_condition
                    else parent
                )
                total += self.cost(target or parent, selection.selection_set, depth, visiting)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in visiting:
                    continue  # unknown or cyclic spreads are reported by standard validation
                target = self.schema.get_type(fragment.type_condition.name.value) or parent
                total += self.cost(target, fragment.selection_set, depth, visiting | {name})
        return total

    def _field_cost(
        self, parent: GraphQLNamedType, node: FieldNode, depth: int, visiting: frozenset[str]
    ) -> int:
        name = node.name.value
        if name.startswith("__"):
            return 0
        field = None
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            field = parent.fields.get(name)
        if field is None:
            return 1  # an unknown field fails standard validation with a proper message
        child_depth = depth + 1
        self.max_depth_seen = max(self.max_depth_seen, child_depth)
        if child_depth > self.limits.max_depth:
            raise GraphQLError(
                f"Query depth limit exceeded: the query nests {child_depth} levels deep; "
                f"the maximum depth is {self.limits.max_depth}."
            )
        named, is_list = _unwrap(field.type)
        if self._is_paginated(named) or is_list and not self._is_paginated(parent):
            size = self._list_size(node, field)
        else:
            # Single objects, and `items` of a paginated result: its field already counted
            # every item it may return.
            size = 1
        if node.alias is not None and size > 1:
            self.list_aliases += 1
        if isinstance(named, GraphQLUnionType):
            named = parent
        return 1 + size * self.cost(named, node.selection_set, child_depth, visiting)

    @staticmethod
    def _is_paginated(named: Any) -> bool:
        return isinstance(named, GraphQLObjectType) and {"items", "pagination"} <= set(named.fields)

    def _list_size(self, node: FieldNode, field: Any) -> int:
        for argument in node.arguments or ():
            if argument.name.value in ("perPage", "limit"):
                definition = field.args.get(argument.name.value)
                value = value_from_ast(argument.value, definition.type, self.variables)
                if isinstance(value, int) and value > 0:
                    return value
        for name in ("perPage", "limit"):
            definition = field.args.get(name)
            if definition is not None and isinstance(definition.default_value, int):
                return definition.default_value
        return self.limits.default_list_size


def check_limits(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    variables: dict[str, Any] | None,
    limits: Limits,
) -> int:
    """Raise a ``GraphQLError`` naming the first limit the operation breaks; return its cost."""
    root = schema.get_root_type(operation.operation)
    walker = _Walker(schema, fragments, variables or {}, limits)
    cost = walker.cost(root, operation.selection_set, 0)
    if walker.list_aliases > limits.max_list_aliases:
        raise GraphQLError(
            f"Alias limit exceeded: the query aliases {walker.list_aliases} list fields; "
            f"the maximum is {limits.max_list_aliases}."
        )
    if cost > limits.max_cost:
        raise GraphQLError(
            f"Query cost limit exceeded: the query costs {cost}; the maximum cost is "
            f"{limits.max_cost}. Lists count once per item they may return (perPage or limit)."
        )
    return cost
