"""Checks on the text a request carries, before any resolver or database sees it.

PostgreSQL cannot store or compare text holding a NUL character (``\\u0000``): a search or a
lookup with one fails inside the database driver, which looked like an outage. No argument of
this API has a use for it, so it is refused up front, naming the argument. So is a lone
surrogate (``\\ud800``), which JSON may carry but which is no character: no text holding one can
be encoded for the database or a search backend.
"""

from __future__ import annotations

import re
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
_SURROGATE = re.compile("[\ud800-\udfff]")


def refuse_nul_characters(document: DocumentNode, variables: dict[str, Any] | None) -> None:
    """Raise a ``GraphQLError`` naming the first argument or variable that holds a NUL."""
    finder = _NulFinder()
    visit(document, finder)
    if finder.subject is not None:
        raise GraphQLError(_nul_message(*finder.subject))
    for name, value in (variables or {}).items():
        character = _bad_character(name) or _bad_character(value)
        if character:
            argument = finder.variable_uses.get(name)
            subject = (
                _("Argument '%(argument)s' (variable $%(variable)s)")
                % {"argument": argument, "variable": name}
                if argument
                else _("Variable $%s") % name
            )
            raise GraphQLError(_nul_message(subject, character))


def _nul_message(subject: str, character: str) -> str:
    if character != NUL:
        return _(
            "%s contains a lone surrogate (\\u%04x), which is not a character; send text as "
            "valid Unicode."
        ) % (subject, ord(character))
    return _("%s contains a NUL character (\\u0000), which no text in this API may contain.") % (
        subject
    )


class _NulFinder(Visitor):
    """Finds literal text holding a NUL, and which argument each variable feeds."""

    def __init__(self) -> None:
        super().__init__()
        #: What holds a character no text may contain, and that character.
        self.subject: tuple[str, str] | None = None
        self.variable_uses: dict[str, str] = {}

    def enter_argument(self, node: ArgumentNode, *_args: Any) -> Any:
        for value in _leaves(node.value):
            if isinstance(value, VariableNode):
                self.variable_uses.setdefault(value.name.value, node.name.value)
            elif self.subject is None and (character := _bad_character(value.value)):
                self.subject = (_("Argument '%s'") % node.name.value, character)
        return self.SKIP

    def enter_variable_definition(self, node: VariableDefinitionNode, *_args: Any) -> Any:
        if node.default_value is None or self.subject is not None:
            return self.SKIP
        for leaf in _leaves(node.default_value):
            character = _bad_character(getattr(leaf, "value", None))
            if character:
                subject = _("The default of variable $%s") % node.variable.name.value
                self.subject = (subject, character)
                break
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


def _bad_character(value: Any) -> str | None:
    """The first NUL or lone surrogate in any string, key or value of a JSON value, at any
    depth; None when there is none."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                return NUL
            surrogate = _SURROGATE.search(item)
            if surrogate:
                return surrogate.group()
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None
