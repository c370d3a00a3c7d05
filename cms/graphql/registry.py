"""Typed top-level GraphQL fields for each content type, contributed by the plugins.

A plugin calls :func:`register_content_query` from its ``ready()``; the core builds, for each
registration, a list field (``calls``) returning ``{ items pagination }`` and a single lookup
(``call(slug:, locale:)``). The core never imports a plugin: it knows models by label.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import graphene
from graphql import GraphQLError

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Count, F, QuerySet, Window
from django.db.models.expressions import OrderBy

from wagtail.models import Locale, Page

from cms.graphql.context import RequestContext, request_context
from cms.graphql.limits import check_search_terms
from cms.graphql.types import PaginationType

QuerysetFactory = Callable[[Locale], QuerySet]
#: How many ranked hits a search keeps before visibility, filters and pagination apply.
SEARCH_CANDIDATES = 1000
FilterFunction = Callable[..., QuerySet]


@dataclass(frozen=True)
class ContentQuery:
    """One content type's top-level fields: ``plural`` lists, ``singular`` looks up by slug."""

    plural: str
    singular: str
    model: str
    queryset: QuerysetFactory
    filters: Mapping[str, graphene.Argument | graphene.Scalar | Any] = field(default_factory=dict)
    apply_filters: FilterFunction | None = None
    orders: Mapping[str, str] = field(default_factory=lambda: {"TITLE": "title"})

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)


_queries: dict[str, ContentQuery] = {}


def register_content_query(query: ContentQuery) -> None:
    """Add a content type's fields to the schema; names are part of the partner contract."""
    for name in (query.plural, query.singular):
        clash = next(
            (q for q in _queries.values() if name in (q.plural, q.singular) and q != query), None
        )
        if clash is not None:
            raise RuntimeError(f"GraphQL field {name!r} is registered by {clash.model} already.")
    _queries[query.model] = query


def registered_queries() -> list[ContentQuery]:
    return list(_queries.values())


# --- Arguments -------------------------------------------------------------------------------


def with_fallbacks(
    factory: QuerysetFactory, locale: Locale, fallback: bool, context: RequestContext
) -> QuerySet:
    """Items in ``locale`` plus, per translation not published there, the first one along
    the fallback chain; all in one SQL query, so pagination and ordering stay in the database.

    Pages pass the visibility rule here, with the request's snapshot, whatever the plugin's
    factory does: a plugin cannot forget it.
    """

    def visible(language: Locale) -> QuerySet:
        queryset = factory(language)
        if issubclass(queryset.model, Page):
            queryset = context.visibility.public_pages(queryset)
        return queryset

    queryset = visible(locale)
    if not fallback:
        return queryset
    covered = [queryset]
    for other in context.fallback_chain(locale)[1:]:
        candidates = visible(other)
        for earlier in covered:
            candidates = candidates.exclude(translation_key__in=earlier.values("translation_key"))
        covered.append(candidates)
        queryset = queryset | candidates
    return queryset


def resolve_locale(code: str | None, info: Any) -> Locale:
    """The locale a partner asked for; an unknown code is an error naming the argument.

    The fields below ``info`` (a top-level field's) show Django's translated words (choice
    labels, country names) and chosen pages in that language (:mod:`cms.graphql.context`).
    """
    context = request_context(info)
    languages = [language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    code = (code or settings.LANGUAGE_CODE).lower()
    if code not in languages:
        raise GraphQLError(
            f"Argument 'locale': unknown language {code!r}; use one of {', '.join(languages)}."
        )
    locale = context.locale_by_code(code)
    if locale is None or locale.language_code != code:
        raise GraphQLError(f"Argument 'locale': language {code!r} is not set up yet.")
    context.set_language(info, code)
    return locale


def page_window(page: int | None, per_page: int | None) -> tuple[int, int]:
    max_per_page: int = settings.GRAPPLE["MAX_PAGE_SIZE"]
    page = 1 if page is None else page
    per_page = settings.GRAPPLE["PAGE_SIZE"] if per_page is None else per_page
    if page < 1:
        raise GraphQLError("Argument 'page' must be 1 or more.")
    if not 1 <= per_page <= max_per_page:
        raise GraphQLError(f"Argument 'perPage' must be between 1 and {max_per_page}.")
    return page, per_page


def _search(queryset: QuerySet, query: ContentQuery, text: str, locales: list[Locale]) -> QuerySet:
    """Keep what the search backend (full text on PostgreSQL) finds for ``text``, reading it
    in each language by that language's rules (an item falling back to English is matched as
    English)."""
    from wagtail.search.backends.base import FilterFieldError

    from cms.search import search_backend

    text = text.strip()
    if not text:
        return queryset
    model = query.model_class()

    def hits(language: Locale, candidates: QuerySet) -> list[Any]:
        found = search_backend(language.language_code).search(text, candidates)
        return [hit.pk for hit in found[:SEARCH_CANDIDATES]]

    everything = model._default_manager.all()
    if not hasattr(model, "locale"):
        return queryset.filter(pk__in=hits(locales[0], everything))
    try:
        ids = [pk for locale in locales for pk in hits(locale, everything.filter(locale=locale))]
    except FilterFieldError:  # the model does not index `locale`; filter afterwards
        ids = hits(locales[0], everything)
    return queryset.filter(pk__in=ids)


# --- Schema ----------------------------------------------------------------------------------


def fallback_argument() -> graphene.Boolean:
    return graphene.Boolean(
        default_value=True,
        description="Fill gaps with the first live version along the locale's fallback chain; "
        "each item's `locale` says which language it is in.",
    )


def _grapple_type(model: type[models.Model]) -> Any:
    from grapple.registry import registry as grapple_registry

    for kind in (grapple_registry.pages, grapple_registry.snippets, grapple_registry.django_models):
        if model in kind:
            return kind[model]
    raise RuntimeError(f"{model._meta.label} has no GraphQL type; is its app in GRAPPLE['APPS']?")


def ordering(field: str) -> OrderBy:
    """``"field"`` or ``"-field"`` with empty values last either way, on every database
    (PostgreSQL puts NULLs first when descending, SQLite when ascending)."""
    if field.startswith("-"):
        return F(field[1:]).desc(nulls_last=True)
    return F(field).asc(nulls_last=True)


def page_of(queryset: QuerySet, start: int, size: int) -> tuple[list[models.Model], int]:
    """Rows ``start`` to ``start + size`` of ``queryset``, and how many rows it has in all:
    first their keys with the total (one statement), then the rows.

    The database sorts every match before it can apply the LIMIT, so fetching the rows in one
    statement would sort every match's whole row, not the page's rows only; sorting bare keys
    and reading one page's worth of rows keeps a list of 20 from costing as much as the whole
    collection. The total comes with the keys (a window count); only a page past the end
    needs a count of its own.
    """
    window = queryset.annotate(cms_total=Window(Count("pk")))
    keyed = list(window.values_list("pk", "cms_total")[start : start + size])
    if not keyed:
        return [], queryset.count() if start else 0
    keys = [key for key, _total in keyed]
    rows = {row.pk: row for row in queryset.order_by().filter(pk__in=keys)}
    return [rows[key] for key in keys if key in rows], keyed[0][1]


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.title() for part in rest)


def _pascal(name: str) -> str:
    return "".join(part.title() for part in name.split("_"))


def _list_type(query: ContentQuery, node: Any) -> type[graphene.ObjectType]:
    return type(
        # Not "...Page": that suffix belongs to page models (a `news` list is not NewsPage).
        f"{_pascal(query.singular)}List",
        (graphene.ObjectType,),
        {
            "__doc__": f"One page of {query.plural.replace('_', ' ')}.",
            "items": graphene.List(
                graphene.NonNull(node), required=True, description="The items on this page."
            ),
            "pagination": graphene.Field(
                PaginationType, required=True, description="Where this page sits in the list."
            ),
        },
    )


def _order_enum(query: ContentQuery) -> type[graphene.Enum]:
    def describe(value: Any) -> str:
        if value is None:
            return f"The orders the {query.plural} list offers."
        field = query.orders[value.name]
        words = field.lstrip("-").replace("__", " ").replace("_", " ")
        return f"By {words}, {'descending' if field.startswith('-') else 'ascending'}."

    return graphene.Enum(
        f"{_pascal(query.singular)}Order",
        [(name, name) for name in query.orders],
        description=describe,
    )


def _resolve_list(query: ContentQuery) -> Callable[..., dict[str, Any]]:
    def resolve(
        root: Any,
        info: Any,
        locale: str | None = None,
        page: int | None = None,
        per_page: int | None = None,
        search: str | None = None,
        order: str | None = None,
        fallback: bool = True,
        **filters: Any,
    ) -> dict[str, Any]:
        if search is not None:
            check_search_terms(search, "search")
        page, per_page = page_window(page, per_page)
        context = request_context(info)
        language = resolve_locale(locale, info)
        queryset = with_fallbacks(query.queryset, language, fallback, context)
        active = {name: value for name, value in filters.items() if value is not None}
        if active and query.apply_filters is not None:
            queryset = query.apply_filters(queryset, **active)
        if search:
            queryset = _search(queryset, query, search, context.fallback_chain(language))
        # graphene hands resolvers the enum member; its name is the key in `orders`.
        order_name = getattr(order, "name", order) or next(iter(query.orders))
        queryset = queryset.order_by(ordering(query.orders[order_name]), "pk")
        start = (page - 1) * per_page
        items, total = page_of(queryset, start, per_page)
        context.loaders.note(items)
        return {
            "items": items,
            "pagination": {
                "total": total,
                "count": len(items),
                "per_page": per_page,
                "current_page": page,
                "total_pages": math.ceil(total / per_page) if total else 0,
            },
        }

    return resolve


def _resolve_single(query: ContentQuery) -> Callable[..., Any]:
    def resolve(
        root: Any, info: Any, slug: str, locale: str | None = None, fallback: bool = True
    ) -> Any:
        from cms.graphql.lookups import find_by_slug

        context = request_context(info)
        language = resolve_locale(locale, info)
        chain = context.fallback_chain(language) if fallback else [language]
        found = find_by_slug(
            info,
            context,
            query.model_class(),
            lambda other: with_fallbacks(query.queryset, other, False, context),
            slug,
            language,
            chain,
        )
        if found is not None:
            context.loaders.note([found])
        return found

    return resolve


def build_query_mixin() -> type[graphene.ObjectType]:
    """A graphene ObjectType holding every registered content query."""
    attrs: dict[str, Any] = {}
    for query in registered_queries():
        node = _grapple_type(query.model_class())
        arguments: dict[str, Any] = {
            "locale": graphene.String(description="Language code; defaults to the default."),
            "page": graphene.Int(description="Page number, from 1."),
            "per_page": graphene.Int(description="Items per page, 1 to the maximum page size."),
            "search": graphene.String(description="Only items that match these words."),
            "order": graphene.Argument(
                _order_enum(query), description="The order of the items; each list has a default."
            ),
            "fallback": fallback_argument(),
            **query.filters,
        }
        attrs[query.plural] = graphene.Field(
            _list_type(query, node),
            required=True,
            description=f"The {query.plural} partner sites may see, a page of them at a time.",
            **arguments,
        )
        attrs[f"resolve_{query.plural}"] = _resolve_list(query)
        attrs[query.singular] = graphene.Field(
            node,
            description=f"One of the {query.plural} by its slug; null if it is not public.",
            slug=graphene.String(
                required=True,
                description="The slug in any language, or an old one (the answer's movedTo "
                "then says so).",
            ),
            locale=graphene.String(description="Language code; defaults to the default."),
            fallback=fallback_argument(),
        )
        attrs[f"resolve_{query.singular}"] = _resolve_single(query)
    return type("ContentQueries", (graphene.ObjectType,), attrs)
