"""Checks on the text a request carries, before any resolver or database sees it.

PostgreSQL cannot store or compare text holding a NUL character (``\\u0000``): a search or a
lookup with one fails inside the database driver, which looked like an outage. No argument of
this API has a use for it, so it is refused up front, naming the argument.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLError,
    ListValueNode,
    ObjectValueNode,
    StringValueNode,
    ValueNode,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    visit,
)

from django.utils.translation import gettext as _

NUL = "\x00"


def refuse_nul_characters(document: DocumentNode, variables: dict[str, Any] | None) -> None:
    """Raise a ``GraphQLError`` naming the first argument or variable that holds a NUL."""
    finder = _NulFinder()
    visit(document, finder)
    if finder.subject is not None:
        raise GraphQLError(_nul_message(finder.subject))
    for name, value in (variables or {}).items():
        if _holds_nul(name) or _holds_nul(value):
            argument = finder.variable_uses.get(name)
            subject = (
                _("Argument '%(argument)s' (variable $%(variable)s)")
                % {"argument": argument, "variable": name}
                if argument
                else _("Variable $%s") % name
            )
            raise GraphQLError(_nul_message(subject))


def _nul_message(subject: str) -> str:
    return _("%s contains a NUL character (\\u0000), which no text in this API may contain.") % (
        subject
    )


class _NulFinder(Visitor):
    """Finds literal text holding a NUL, and which argument each variable feeds."""

    def __init__(self) -> None:
        super().__init__()
        self.subject: str | None = None
        self.variable_uses: dict[str, str] = {}

    def enter_argument(self, node: ArgumentNode, *_args: Any) -> Any:
        for value in _leaves(node.value):
            if isinstance(value, VariableNode):
                self.variable_uses.setdefault(value.name.value, node.name.value)
            elif self.subject is None and _holds_nul(value.value):
                self.subject = _("Argument '%s'") % node.name.value
        return self.SKIP

    def enter_variable_definition(self, node: VariableDefinitionNode, *_args: Any) -> Any:
        if node.default_value is None or self.subject is not None:
            return self.SKIP
        if any(_holds_nul(getattr(leaf, "value", None)) for leaf in _leaves(node.default_value)):
            self.subject = _("The default of variable $%s") % node.variable.name.value
        return self.SKIP


def _leaves(value: ValueNode) -> list[StringValueNode | VariableNode]:
    """Text literals and variables inside a value, however nested in lists and objects."""
    found: list[StringValueNode | VariableNode] = []
    stack: list[ValueNode] = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, StringValueNode | VariableNode):
            found.append(node)
        elif isinstance(node, ListValueNode):
            stack.extend(node.values)
        elif isinstance(node, ObjectValueNode):
            stack.extend(field.value for field in node.fields)
    return found


def _holds_nul(value: Any) -> bool:
    """Whether a JSON value holds a NUL in any string, key or value, at any depth."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
