"""Per-request state of the GraphQL endpoint, reached from resolvers through ``info.context``.

Today ``info.context`` is the Django request; this module is the one place that knows it, so a
request context object can replace it without touching the callers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_ATTRIBUTE = "cms_request_counters"


@dataclass
class RequestCounters:
    """Work this request has done that a run-time limit bounds."""

    new_renditions: int = 0


def request_counters(info: Any) -> RequestCounters:
    """This request's counters, created on first use."""
    context = info.context
    counters = getattr(context, _ATTRIBUTE, None)
    if counters is None:
        counters = RequestCounters()
        setattr(context, _ATTRIBUTE, counters)
    return counters
