"""Date-range arguments (``startsAfter``/``startsBefore``, ``from``/``to``): one check for all.

graphene's ``Date`` scalar refuses text that is not an ISO date, naming the argument; what it
cannot know is that the two ends of a range belong together.
"""

from __future__ import annotations

import datetime

from graphql import GraphQLError


def check_date_range(
    start: datetime.date | None, end: datetime.date | None, start_name: str, end_name: str
) -> None:
    """Refuse a range whose end comes before its start, naming both arguments."""
    if start is not None and end is not None and end < start:
        raise GraphQLError(
            f"Argument '{end_name}' ({end.isoformat()}) is before '{start_name}' "
            f"({start.isoformat()}); the range would be empty."
        )
