"""Batching and sanitising live in the resolvers of the fields that need them (issue 14).

A graphene middleware runs for every field of every item; the rules are put into the schema's
resolvers once instead (``cms/graphql/field_rules.py``), so a title or a date pays nothing.
"""

from cms.graphql.schema import schema
from cms.settings.base import GRAPHENE


def _resolver_name(type_name: str, field_name: str) -> str:
    field = schema.graphql_schema.get_type(type_name).fields[field_name]
    return getattr(field.resolve, "__name__", type(field.resolve).__name__)


def test_production_runs_no_graphene_middleware() -> None:
    assert GRAPHENE["MIDDLEWARE"] == []


def test_plain_fields_keep_their_resolvers() -> None:
    for name in ("title", "slug", "deadline"):
        assert not _resolver_name("CallPage", name).startswith("resolve_batched")
        assert not _resolver_name("CallPage", name).startswith("resolve_sanitised")


def test_relations_batch_and_rich_text_is_sanitised_in_their_resolvers() -> None:
    assert _resolver_name("CallPage", "programme") == "resolve_batched"
    assert _resolver_name("RichTextBlock", "value") == "resolve_from_root"
