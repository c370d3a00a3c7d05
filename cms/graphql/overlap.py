"""A bound, checked before validation, on the work of the "fields can be merged" rule.

graphql-core's ``OverlappingFieldsCanBeMerged`` rule compares every pair of fields that share a
response name in a selection set (with the fields of the fragments it spreads), and their
sub-selections in turn: quadratic in the size of the document. ``{ __typename __typename … }``
with a thousand repeats fits the token limit and costs a worker about a second before any other
limit looks at it. This module counts those comparisons in linear time, the way the rule makes
them (each fragment's fields once per selection set that reaches it, as the rule compares each
fragment pair once), and refuses the document before validation when they pass
``max_merge_checks``.
"""

from __future__ import annotations

from collections.abc import Iterable

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

from django.utils.translation import gettext as _

from cms.graphql.limits import LimitExceeded, Limits

#: Response name -> the fields with that name (from the set itself and what it spreads).
FieldGroups = dict[str, list[FieldNode]]


class OverlapCounter:
    """Counts the field comparisons validation would make; stops at the first one too many.

    ``work`` counts comparisons plus fields looked at, so a document that compares nothing but
    makes the rule walk the same large fragment from many places is bounded too.
    """

    def __init__(self, document: DocumentNode, limits: Limits) -> None:
        self.limits = limits
        self.work = 0
        self.fragments = {
            node.name.value: node
            for node in document.definitions
            if isinstance(node, FragmentDefinitionNode)
        }
        self._own: dict[int, tuple[list[FieldNode], list[str]]] = {}
        self._closure: dict[str, frozenset[str]] = {}

    def check(self, document: DocumentNode) -> int:
        """Raise :class:`LimitExceeded` when validating ``document`` would cost too much."""
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode | FragmentDefinitionNode):
                self._visit(definition.selection_set)
        return self.work

    # The rule runs on every selection set of the document, each visited once.
    def _visit(self, selection_set: SelectionSetNode | None) -> None:
        if selection_set is None:
            return
        self._compare([selection_set])
        fields, _names = self._own_fields(selection_set)
        for field in fields:
            self._visit(field.selection_set)

    def _compare(self, sets: list[SelectionSetNode]) -> None:
        """Comparisons between the fields these sets merge into one response object."""
        groups: FieldGroups = {}
        for selection_set in sets:
            fields, spread = self._own_fields(selection_set)
            reached: set[str] = set()
            for name in spread:
                reached |= self._fragment_closure(name)
            for field in _chain(fields, *(self._fragment_fields(name) for name in reached)):
                groups.setdefault(_response_name(field), []).append(field)
                self._add(1)
        for same_name in groups.values():
            count = len(same_name)
            if count < 2:
                continue
            self._add(count * (count - 1) // 2)
            children = [field.selection_set for field in same_name if field.selection_set]
            if len(children) > 1:
                self._compare(children)

    def _own_fields(self, selection_set: SelectionSetNode) -> tuple[list[FieldNode], list[str]]:
        """The set's fields (inline fragments included) and the fragments it spreads."""
        key = id(selection_set)
        if key not in self._own:
            fields: list[FieldNode] = []
            names: list[str] = []
            pending = [selection_set]
            while pending:
                current = pending.pop()
                for selection in current.selections:
                    if isinstance(selection, FieldNode):
                        fields.append(selection)
                    elif isinstance(selection, InlineFragmentNode):
                        pending.append(selection.selection_set)
                    elif isinstance(selection, FragmentSpreadNode):
                        names.append(selection.name.value)
                    self._add(1)
            self._own[key] = (fields, list(dict.fromkeys(names)))
        return self._own[key]

    def _fragment_fields(self, name: str) -> list[FieldNode]:
        fragment = self.fragments.get(name)
        return self._own_fields(fragment.selection_set)[0] if fragment else []

    def _fragment_closure(self, name: str) -> frozenset[str]:
        """``name`` and every fragment it reaches, each once (cycles fail validation later)."""
        if name in self._closure:
            return self._closure[name]
        reached: set[str] = set()
        pending = [name]
        while pending:
            current = pending.pop()
            if current in reached or current not in self.fragments:
                continue
            reached.add(current)
            if current in self._closure:
                reached |= self._closure[current]
                continue
            pending.extend(self._own_fields(self.fragments[current].selection_set)[1])
            self._add(1)
        self._closure[name] = frozenset(reached)
        return self._closure[name]

    def _add(self, work: int) -> None:
        self.work += work
        if self.work > self.limits.max_merge_checks:
            raise LimitExceeded(
                _(
                    "Field merge limit exceeded: validating the query would compare more than "
                    "%(max)d pairs of fields that share a name; repeat fields less, or give "
                    "them aliases."
                )
                % {"max": self.limits.max_merge_checks}
            )


def _response_name(field: FieldNode) -> str:
    return (field.alias or field.name).value


def _chain(*groups: Iterable[FieldNode]) -> Iterable[FieldNode]:
    for group in groups:
        yield from group


def check_overlap(document: DocumentNode, limits: Limits) -> int:
    """Refuse ``document`` before validation when the merge rule would do too much work."""
    return OverlapCounter(document, limits).check(document)
