"""Queries already parsed and validated, kept per process for the next request with the same
text: partner sites send the same few queries again and again, with other variables.

Parsing and validation depend only on the query text, the schema, the limits and whether
introspection is allowed, so their result is kept under those; everything that depends on the
request (variables: the NUL check and the cost limits; the operation picked; execution) runs
for every request. Only documents that passed are kept, at most :data:`MAX_DOCUMENTS` of at most
:data:`MAX_QUERY_CHARS` characters each and :data:`MAX_TOTAL_CHARS` in all (a parsed document
keeps its whole token chain), the least recently used dropped first: a stream of new queries
costs what it cost before and bounded memory, and does not push out the partners' own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from graphql import DocumentNode

from cms.graphql.limits import Limits

MAX_DOCUMENTS = 256
MAX_QUERY_CHARS = 20_000
MAX_TOTAL_CHARS = 1_000_000

Key = tuple[str, str, bool]

_documents: OrderedDict[Key, DocumentNode] = OrderedDict()
_lock = threading.Lock()
_chars = 0  # characters of the queries kept


def _key(query: str, limits: Limits, introspection: bool) -> Key:
    return (query, repr(limits), introspection)


def checked_document(query: str, limits: Limits, introspection: bool) -> DocumentNode | None:
    """The parsed ``query`` if it passed parsing, the overlap bound and validation before."""
    key = _key(query, limits, introspection)
    with _lock:
        document = _documents.get(key)
        if document is not None:
            _documents.move_to_end(key)
        return document


def keep_checked_document(
    query: str, limits: Limits, introspection: bool, document: DocumentNode
) -> None:
    """Keep ``document``, which passed, for the next request with the same ``query``."""
    if len(query) > MAX_QUERY_CHARS:
        return
    global _chars
    key = _key(query, limits, introspection)
    with _lock:
        if key in _documents:
            return
        _documents[key] = document
        _chars += len(query)
        while len(_documents) > MAX_DOCUMENTS or _chars > MAX_TOTAL_CHARS:
            (dropped, _limits, _introspection), _document = _documents.popitem(last=False)
            _chars -= len(dropped)
