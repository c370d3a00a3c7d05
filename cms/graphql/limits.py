"""Bounds on what one GraphQL request may ask for: depth, cost, aliases, search terms, renditions.

Each limit reports a :class:`LimitExceeded` naming the limit and its value, so a partner
developer knows what to change; the view answers it with HTTP 400 wherever it was found (before
execution or inside a resolver). Values come from settings (``CMS_GRAPHQL_LIMITS``).

The walk over the document is linear in its size: each fragment is weighed once and reused at
every spread, and the walk stops at the first limit passed.
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

from django.conf import settings
from django.utils.translation import gettext as _

from cms.graphql.context import request_context


@dataclass(frozen=True)
class Limits:
    """The limits in force; see the README for the defaults and how they are counted."""

    max_depth: int = 8
    max_cost: int = 50_000
    max_list_aliases: int = 20
    max_tokens: int = 2_000
    max_body_bytes: int = 16 * 1024
    default_list_size: int = 10
    #: Added to the cost of each paginated list: it runs a COUNT and a page query whatever its
    #: size, so many tiny lists must not be cheaper than one big one.
    list_cost: int = 500
    #: Cost of each rendition a field may return: the walk cannot know which already exist.
    rendition_cost: int = 20
    max_new_renditions: int = 20
    max_search_words: int = 64
    max_search_chars: int = 512
    persisted_query_ttl: int = 24 * 60 * 60
    #: Documents stored per ``persisted_query_ttl`` window (so at most twice this many live).
    max_persisted_queries: int = 1_000
    #: Field comparisons validation may make (cms/graphql/overlap.py), checked before it runs.
    max_merge_checks: int = 5_000

    @classmethod
    def from_settings(cls, values: dict[str, int]) -> Limits:
        return cls(**values)


def current_limits() -> Limits:
    """The limits as configured now (tests and operators may change the settings)."""
    return Limits.from_settings(settings.CMS_GRAPHQL_LIMITS)


class LimitExceeded(GraphQLError):
    """A request went past a limit; answered with HTTP 400 wherever it was found."""


# Fields that may generate an image: (type, field) -> the argument listing several presets, or
# None when the field returns one rendition.
RENDITION_FIELDS: dict[tuple[str, str], str | None] = {
    ("Image", "rendition"): None,
    ("Image", "srcSet"): "presets",
    # Grapple's own image type stays in the schema through its chooser block type, which no
    # stream block uses today; weighed all the same should one ever do.
    ("ImageObjectType", "rendition"): None,
    ("ImageObjectType", "srcSet"): "sizes",
}


def _unwrap(graphql_type: Any) -> tuple[Any, bool]:
    """The named type under NonNull/List wrappers, and whether a list was among them."""
    is_list = False
    while isinstance(graphql_type, GraphQLNonNull | GraphQLList):
        if isinstance(graphql_type, GraphQLList):
            is_list = True
        graphql_type = graphql_type.of_type
    return graphql_type, is_list


@dataclass(frozen=True)
class _Weight:
    """What a selection set asks for, counted from where it starts."""

    cost: int = 0
    height: int = 0  # the deepest field level below the start
    aliases: int = 0

    def __add__(self, other: _Weight) -> _Weight:
        return _Weight(
            self.cost + other.cost, max(self.height, other.height), self.aliases + other.aliases
        )


class LimitWalker:
    """Weighs one operation with schema types: depth, cost and aliased root fields and lists.

    ``steps`` counts the selections visited; it grows with the size of the document, never
    with what the fragments expand to.
    """

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
        self.steps = 0
        self.cost = 0
        self.depth = 0
        self.aliases = 0
        self._weighed: dict[str, _Weight] = {}
        self._weighing: set[str] = set()

    def check(self, operation: OperationDefinitionNode) -> int:
        """Raise :class:`LimitExceeded` at the first limit passed; return the cost."""
        root = self.schema.get_root_type(operation.operation)
        if root is None:
            return 0
        weight = self._selection_set(root, operation.selection_set, 0)
        self.cost, self.depth, self.aliases = weight.cost, weight.height, weight.aliases
        return weight.cost

    # Every partial sum below is a lower bound of the final one (costs only add and multiply
    # by sizes of at least one), so a limit passed anywhere is passed by the whole query.
    def _check(self, weight: _Weight, depth: int) -> _Weight:
        limits = self.limits
        if depth + weight.height > limits.max_depth:
            raise LimitExceeded(
                _(
                    "Query depth limit exceeded: the query nests %(depth)d levels deep; "
                    "the maximum depth is %(max)d."
                )
                % {"depth": depth + weight.height, "max": limits.max_depth}
            )
        if weight.aliases > limits.max_list_aliases:
            raise LimitExceeded(
                _(
                    "Alias limit exceeded: the query aliases more than %(max)d root fields or "
                    "list fields, whatever their size; the maximum is %(max)d."
                )
                % {"max": limits.max_list_aliases}
            )
        if weight.cost > limits.max_cost:
            raise LimitExceeded(
                _(
                    "Query cost limit exceeded: the query costs at least %(cost)d; the maximum "
                    "cost is %(max)d. Lists count once per item they may return (perPage or "
                    "limit), each paginated list adds %(list)d and each image rendition "
                    "%(rendition)d."
                )
                % {
                    "cost": weight.cost,
                    "max": limits.max_cost,
                    "list": limits.list_cost,
                    "rendition": limits.rendition_cost,
                }
            )
        return weight

    def _selection_set(
        self, parent: GraphQLNamedType, selection_set: SelectionSetNode | None, depth: int
    ) -> _Weight:
        total = _Weight()
        if selection_set is None:
            return total
        for selection in selection_set.selections:
            self.steps += 1
            if isinstance(selection, FieldNode):
                part = self._field(parent, selection, depth)
            elif isinstance(selection, InlineFragmentNode):
                target = (
                    self.schema.get_type(selection.type_condition.name.value)
                    if selection.type_condition
                    else parent
                )
                part = self._selection_set(target or parent, selection.selection_set, depth)
            elif isinstance(selection, FragmentSpreadNode):
                part = self._fragment(parent, selection.name.value, depth)
            else:  # pragma: no cover - the grammar has no other selections
                continue
            total = self._check(total + part, depth)
        return total

    def _fragment(self, parent: GraphQLNamedType, name: str, depth: int) -> _Weight:
        if name in self._weighed:
            return self._weighed[name]
        fragment = self.fragments.get(name)
        if fragment is None or name in self._weighing:
            return _Weight()  # unknown or cyclic spreads are reported by standard validation
        target = self.schema.get_type(fragment.type_condition.name.value) or parent
        self._weighing.add(name)
        # Weighed from where it is first spread, so a refusal names the depth it reaches there;
        # the weight itself is relative, and holds at every other spread.
        weight = self._selection_set(target, fragment.selection_set, depth)
        self._weighing.discard(name)
        self._weighed[name] = weight
        return weight

    def _field(self, parent: GraphQLNamedType, node: FieldNode, depth: int) -> _Weight:
        field = None
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            field = parent.fields.get(node.name.value)
        if field is None:
            # __typename, introspection (which has its own rule) or an unknown field (which
            # fails standard validation with a proper message).
            return _Weight(cost=1, height=1)
        named, is_list = _unwrap(field.type)
        paginated = self._is_paginated(named)
        root = parent is self.schema.query_type
        aliased = node.alias is not None and (root or paginated or is_list)
        self._check(_Weight(height=1, aliases=int(aliased)), depth)
        if paginated or is_list and not self._is_paginated(parent):
            size = self._list_size(node, field)
        else:
            # Single objects, and `items` of a paginated result: its field already counted
            # every item it may return.
            size = 1
        if isinstance(named, GraphQLUnionType):
            named = parent
        children = self._selection_set(named, node.selection_set, depth + 1)
        own = self._own_cost(parent, node, field) + (self.limits.list_cost if paginated else 0)
        return self._check(
            _Weight(
                cost=own + size * children.cost,
                height=1 + children.height,
                aliases=int(aliased) + children.aliases,
            ),
            depth,
        )

    def _own_cost(self, parent: GraphQLNamedType, node: FieldNode, field: Any) -> int:
        key = (parent.name, node.name.value)
        if key not in RENDITION_FIELDS:
            return 1
        argument = RENDITION_FIELDS[key]
        count = 1
        if argument is not None:
            values = self._argument(node, field, argument)
            if isinstance(values, list):
                count = max(1, len(values))
        return count * self.limits.rendition_cost

    def _argument(self, node: FieldNode, field: Any, name: str) -> Any:
        for argument in node.arguments or ():
            if argument.name.value == name and name in field.args:
                return value_from_ast(argument.value, field.args[name].type, self.variables)
        return None

    @staticmethod
    def _is_paginated(named: Any) -> bool:
        return isinstance(named, GraphQLObjectType) and {"items", "pagination"} <= set(named.fields)

    def _list_size(self, node: FieldNode, field: Any) -> int:
        for name in ("perPage", "limit"):
            value = self._argument(node, field, name)
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
    """Raise :class:`LimitExceeded` naming the first limit the operation breaks; return its cost."""
    return LimitWalker(schema, fragments, variables or {}, limits).check(operation)


def check_search_terms(text: str, argument: str) -> None:
    """Refuse search text longer than the backend's query parser can take safely.

    Wagtail's parser recurses once per term: thousands of words exhaust the stack.
    """
    limits = current_limits()
    if len(text) > limits.max_search_chars:
        raise LimitExceeded(
            _(
                "Search limit exceeded: argument '%(argument)s' has %(count)d characters; "
                "the maximum is %(max)d characters."
            )
            % {"argument": argument, "count": len(text), "max": limits.max_search_chars}
        )
    words = len(text.split())
    if words > limits.max_search_words:
        raise LimitExceeded(
            _(
                "Search limit exceeded: argument '%(argument)s' has %(count)d words; "
                "the maximum is %(max)d words."
            )
            % {"argument": argument, "count": words, "max": limits.max_search_words}
        )


def reserve_new_renditions(info: Any, count: int) -> None:
    """Count ``count`` renditions about to be generated for this request, or refuse them.

    Generating one decodes, resizes, encodes and stores an image (up to seconds for AVIF); a
    stored one is a lookup. The cost walk cannot tell which exist, so new ones are counted here,
    where they are made.
    """
    limits = current_limits()
    counters = request_context(info).counters
    if counters.new_renditions + count > limits.max_new_renditions:
        raise LimitExceeded(
            _(
                "Rendition limit exceeded: one request may generate at most %(max)d new "
                "renditions (stored ones do not count). Those generated so far are kept: ask "
                "again to continue, or ask for fewer presets or formats."
            )
            % {"max": limits.max_new_renditions}
        )
    counters.new_renditions += count
