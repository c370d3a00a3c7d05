"""The language a partner asked for, for each top-level field of a request.

One request may ask for several languages (``sl: project(locale: "sl") sv: project(locale:
"sv")``), and an item may come in another language than the one asked for (the fallback), so
neither the thread's active language nor the item's own says in which language to show the
words Django translates (choice labels). Each top-level resolver records its language here;
resolvers below it read it from their own ``info``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Model
from django.utils import translation

from cms.graphql.visibility import request_memo

_MEMO = "reader_languages"


def _top_level_key(info: Any) -> Any:
    path = info.path
    while path.prev is not None:
        path = path.prev
    return path.key


def set_reader_language(info: Any, language_code: str) -> None:
    """Record that the top-level field ``info`` belongs to answers in ``language_code``."""
    memo = request_memo(_MEMO)
    if memo is not None and info is not None:
        memo[_top_level_key(info)] = language_code


def reader_language(info: Any, item: Model | None = None) -> str:
    """The language asked for by the top-level field above ``info``; else ``item``'s own
    language, else the default one."""
    memo = request_memo(_MEMO)
    if memo is not None and info is not None:
        code = memo.get(_top_level_key(info))
        if code is not None:
            return code
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
