"""The language a partner asked for, for each top-level field of a request.

One request may ask for several languages (``sl: project(locale: "sl") sv: project(locale:
"sv")``), and an item may come in another language than the one asked for (the fallback), so
neither the thread's active language nor the item's own says in which language to show the
words Django translates (choice labels). Each top-level resolver records its language in the
request context (:meth:`cms.graphql.context.RequestContext.set_language`); resolvers below it
read it from their own ``info``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Model
from django.utils import translation

from cms.graphql.context import RequestContext


def reader_language(info: Any, item: Model | None = None) -> str:
    """The language asked for by the top-level field above ``info``; else ``item``'s own
    language, else the default one."""
    context = getattr(info, "context", None)
    if isinstance(context, RequestContext):
        return context.language(info, item)
    locale = getattr(item, "locale", None)
    return getattr(locale, "language_code", None) or settings.LANGUAGE_CODE


def in_reader_language(text: Any, info: Any, item: Model | None = None) -> str:
    """``text`` (a lazy translation) in the reader's language."""
    with translation.override(reader_language(info, item)):
        return str(text)


def choice_label(item: Model, field_name: str, info: Any) -> str:
    """The label of ``item``'s choice in ``field_name``, in the reader's language."""
    with translation.override(reader_language(info, item)):
        return str(getattr(item, f"get_{field_name}_display")())
