"""The smallest change grapple needs for described lists: ``GraphQLCollection`` takes a
``description`` but drops it unless the list is paginated (wagtail-grapple 0.31, grapple/models.py).

:func:`GraphQLDescribedCollection` is ``GraphQLCollection`` with the description kept: it
calls grapple's own helper and hands its list type the description and ``required`` that
grapple would pass in the paginated case. Upstream, the fix is passing both through in
``GraphQLCollection``'s non-paginated branch; then this module goes.
``tests/cms/test_schema_descriptions.py`` fails when grapple changes the shape relied on here
(a ``(field, list type)`` pair from the helper's function).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from grapple.models import GraphQLCollection


def GraphQLDescribedCollection(
    nested_type: Callable[..., Any],
    field_name: str,
    *args: Any,
    description: str,
    required: bool = False,
    **kwargs: Any,
) -> Callable[[], tuple[Any, Callable[[Any], Any]]]:
    """``GraphQLCollection(nested_type, field_name, ...)`` whose ``description`` reaches the
    schema."""
    collection = GraphQLCollection(nested_type, field_name, *args, **kwargs)

    def mixin() -> tuple[Any, Callable[[Any], Any]]:
        field, list_type = collection()
        return field, lambda of_type: list_type(of_type, required=required, description=description)

    return mixin
