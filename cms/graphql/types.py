"""GraphQL types and field helpers shared by every content plugin."""

from collections.abc import Callable, Mapping
from typing import Any

import graphene

from django.db.models import QuerySet
from django.utils import translation

from grapple.models import GraphQLField

from cms.graphql.language import reader_language


class CountryObjectType(graphene.ObjectType):
    """A country: ISO 3166-1 alpha-2 code (XK for Kosovo) and its name in the request language."""

    code = graphene.String(required=True, description="ISO 3166-1 alpha-2 code, e.g. SI.")
    name = graphene.String(required=True, description="Its name in the requested language.")

    class Meta:
        name = "Country"

    @staticmethod
    def resolve_code(country: Any, info: Any) -> str:
        return str(country.code)

    @staticmethod
    def resolve_name(country: Any, info: Any) -> str:
        with translation.override(reader_language(info)):
            return str(country.name)


def GraphQLCountry(field_name: str, **kwargs: Any) -> Callable[[], GraphQLField]:
    """A django-countries ``CountryField`` as a nullable ``Country`` object."""

    def mixin() -> GraphQLField:
        return GraphQLField(field_name, CountryObjectType, **kwargs)

    return mixin


def GraphQLCountryList(field_name: str, **kwargs: Any) -> Callable[[], GraphQLField]:
    """A ``CountryField(multiple=True)`` as a list of ``Country`` objects."""

    def mixin() -> GraphQLField:
        field = GraphQLField(field_name, CountryObjectType, **kwargs)
        # grapple's is_list/required options cannot express [Country!]!, so set it directly.
        field.field_type = graphene.NonNull(graphene.List(graphene.NonNull(CountryObjectType)))
        return field

    return mixin


def with_list_arguments(queryset: QuerySet, info: Any, arguments: Mapping[str, Any]) -> QuerySet:
    """Apply grapple's list arguments (limit, offset, order, search) like on any grapple list."""
    from grapple.utils import resolve_queryset

    return resolve_queryset(queryset, info, **arguments) if arguments else queryset


class PaginationType(graphene.ObjectType):
    """Where a page of results sits in the whole list."""

    total = graphene.Int(required=True, description="Items matching the query, on all pages.")
    count = graphene.Int(required=True, description="Items on this page.")
    per_page = graphene.Int(required=True, description="The page size asked for.")
    current_page = graphene.Int(required=True, description="This page's number, from 1.")
    total_pages = graphene.Int(required=True, description="Pages in all; 0 when none match.")

    class Meta:
        name = "Pagination"
