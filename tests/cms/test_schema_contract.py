"""The schema is a contract a typed client enjoys: enums where the values are fixed, date
scalars for dates, and a description on what a partner sees."""

from __future__ import annotations

from dataclasses import dataclass

from graphene.utils.str_converters import to_camel_case
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)

from grapple.actions import get_field_type
from grapple.models import GraphQLCollection, GraphQLString
from grapple.registry import registry as grapple_registry

from cms.graphql.collection_descriptions import GraphQLDescribedCollection
from cms.graphql.descriptions import ID_TEXT
from cms.graphql.schema import schema

#: The share of types, fields, arguments and enum values with a description (issue 14).
COVERAGE_TARGET = 0.9
BUILT_IN_SCALARS = {"String", "Int", "Float", "Boolean", "ID"}


@dataclass(frozen=True)
class Item:
    """One thing in the schema a partner reads: a type, field, argument or enum value."""

    kind: str
    path: str
    description: str | None


def schema_items() -> list[Item]:
    items: list[Item] = []
    for name, kind in schema.graphql_schema.type_map.items():
        if name.startswith("__") or name in BUILT_IN_SCALARS:
            continue
        items.append(Item("type", name, kind.description))
        if isinstance(kind, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in kind.fields.items():
                items.append(Item("field", f"{name}.{field_name}", field.description))
                for arg_name, arg in getattr(field, "args", {}).items():
                    items.append(
                        Item("argument", f"{name}.{field_name}({arg_name})", arg.description)
                    )
        if isinstance(kind, GraphQLEnumType):
            for value_name, value in kind.values.items():
                items.append(Item("enum value", f"{name}.{value_name}", value.description))
    return items


def _type(name: str) -> GraphQLNamedType:
    return schema.graphql_schema.get_type(name)


def _declared_fields(model: type) -> list[str]:
    names = []
    for field in getattr(model, "graphql_fields", []):
        made = field() if callable(field) else field
        if isinstance(made, tuple):  # a collection: (field or its maker, list type)
            made = made[0]() if callable(made[0]) else made[0]
        names.append(made.field_name)
    return names


def _plugin_types() -> list[tuple[type, str]]:
    found = []
    for kind in ("pages", "snippets", "django_models"):
        for model, node in getattr(grapple_registry, kind).items():
            if model.__module__.startswith(("pages.", "snippets.")):
                found.append((model, node._meta.name))
    return sorted(found, key=lambda pair: pair[1])


def test_every_field_a_plugin_model_declares_is_described() -> None:
    missing = []
    for model, type_name in _plugin_types():
        fields = _type(type_name).fields
        for name in _declared_fields(model):
            field = fields.get(to_camel_case(name))
            if field is not None and not field.description:
                missing.append(f"{type_name}.{to_camel_case(name)}")
    assert not missing, "Fields partners see without a description: " + ", ".join(missing)


def test_call_status_is_the_enum_the_calls_filter_takes() -> None:
    status = get_named_type(_type("CallPage").fields["status"].type)
    argument = get_named_type(schema.graphql_schema.query_type.fields["calls"].args["status"].type)
    assert isinstance(status, GraphQLEnumType)
    assert status is argument
    assert set(status.values) == {"UPCOMING", "OPEN", "CLOSED"}
    assert all(value.description for value in status.values.values())


def test_dates_are_date_and_datetime_scalars_everywhere() -> None:
    # Named like a date or a moment, typed as text: a typed client would have to parse it.
    strings = [
        item.path
        for item in schema_items()
        if item.kind == "field"
        and item.path.split(".")[1].endswith(("At", "Date", "deadline", "Deadline", "date"))
        and _field_type_name(item.path) == "String"
    ]
    assert not strings, "Dates typed as String: " + ", ".join(strings)


def _field_type_name(path: str) -> str:
    type_name, field_name = path.split(".")
    named = get_named_type(_type(type_name).fields[field_name].type)
    return named.name if isinstance(named, GraphQLScalarType) else ""


def test_grapple_still_drops_a_collection_description() -> None:
    # cms/graphql/collection_descriptions.py exists because grapple drops the description of
    # a non-paginated GraphQLCollection. When this fails, grapple keeps it: use
    # GraphQLCollection again and delete that module.
    plain = get_field_type(GraphQLCollection(GraphQLString, "kinds", description="Kinds.")())[1]
    assert plain.kwargs.get("description") is None
    # ... and the shape the workaround relies on: a (field, list type) pair.
    described = get_field_type(
        GraphQLDescribedCollection(GraphQLString, "kinds", description="Kinds.", required=True)()
    )[1]
    assert described.kwargs["description"] == "Kinds."


def test_at_least_90_percent_of_what_partners_see_is_described() -> None:
    items = schema_items()
    described = sum(1 for item in items if item.description)
    share = described / len(items)
    missing = "\n".join(f"{item.kind} {item.path}" for item in items if not item.description)
    assert share >= COVERAGE_TARGET, f"{share:.0%} described; without a description:\n{missing}"


def test_grapple_still_builds_model_types_without_a_description() -> None:
    # cms/graphql/descriptions.py gives each model type its model's docstring because grapple
    # builds it with none. When this fails, grapple describes model types: drop that rule.
    from pages.calls.models import CallPage

    assert grapple_registry.pages[CallPage]._meta.description is None
    assert _type("CallPage").description.startswith("A call for applications")
    assert _type("ProjectPartner").fields["id"].description == ID_TEXT


def test_the_schema_offers_only_the_block_types_a_body_can_hold() -> None:
    body = get_named_type(_type("NewsPage").fields["body"].type)
    held = {kind.name for kind in schema.graphql_schema.get_possible_types(body)}
    assert {"HeadingBlock", "RichTextBlock", "ImageBlock", "QuoteBlock", "PageLinkBlock"} <= held
    # grapple's generic block types no body holds are no part of the contract.
    assert not {"RegexBlock", "RawHTMLBlock", "EmbedBlock", "StaticBlock"} & held
    assert _type("RawHTMLBlock") is None
