"""Which requests are partner API requests: the GraphQL endpoint and the feeds."""

from __future__ import annotations

from typing import Literal

Endpoint = Literal["graphql", "feed"]

GRAPHQL_PATH = "/graphql/"
FEED_PREFIX = "/feeds/"
SITEMAP_PATH = "/sitemap.xml"


def endpoint_of(path: str) -> Endpoint | None:
    """ "graphql", "feed" or None for a request path (``request.path_info``)."""
    if path in (GRAPHQL_PATH, GRAPHQL_PATH.rstrip("/")):
        return "graphql"
    if path.startswith(FEED_PREFIX) or path == SITEMAP_PATH:
        return "feed"
    return None
