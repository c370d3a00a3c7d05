"""Core admin and schema hooks."""

from wagtail import hooks

from cms.graphql.registry import build_query_mixin


@hooks.register("register_schema_query")
def add_content_queries(query_mixins: list) -> None:
    query_mixins.insert(0, build_query_mixin())
