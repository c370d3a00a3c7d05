"""Core schema hooks; they run when grapple builds the schema, after every app is ready."""

from wagtail import hooks

from cms.graphql.queries import CoreQueries
from cms.graphql.registry import build_query_mixin
from cms.graphql.schema import drop_grapple_queries, restrict_type_fields


# Runs after grapple's own hook (order 0), so its queries are there to be removed.
@hooks.register("register_schema_query", order=100)
def add_content_queries(query_mixins: list) -> None:
    drop_grapple_queries(query_mixins)
    restrict_type_fields()
    query_mixins[:0] = [build_query_mixin(), CoreQueries]
