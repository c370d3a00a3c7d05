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
from django.db.models import F, QuerySet
from django.db.models.expressions import OrderBy
from django.utils import translation

from wagtail.models import Locale

from cms.graphql.language import set_reader_language
from cms.graphql.limits import check_search_terms
from cms.graphql.links import remember
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
    #: Called with each page of items before they are resolved, to load in one query per
    #: relation what would otherwise cost a query per item (e.g. relations in the item's
    #: language). Must not change which items are returned.
    prepare: Callable[[list[models.Model]], None] | None = None

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


def fallback_chain(locale: Locale) -> list[Locale]:
    """``locale`` then the languages it falls back to (``CMS_LOCALE_FALLBACKS``), in order."""
    codes = [locale.language_code, *settings.CMS_LOCALE_FALLBACKS.get(locale.language_code, [])]
    by_code = Locale.objects.in_bulk(codes, field_name="language_code")
    chain: list[Locale] = []
    for code in codes:
        if code in by_code and by_code[code] not in chain:
            chain.append(by_code[code])
    return chain


def with_fallbacks(factory: QuerysetFactory, locale: Locale, fallback: bool) -> QuerySet:
    """Items in ``locale`` plus, per translation not published there, the first one along
    the fallback chain; all in one SQL query, so pagination and ordering stay in the database.
    """
    queryset = factory(locale)
    if not fallback:
        return queryset
    covered = [queryset]
    for other in fallback_chain(locale)[1:]:
        candidates = factory(other)
        for earlier in covered:
            candidates = candidates.exclude(translation_key__in=earlier.values("translation_key"))
        covered.append(candidates)
        queryset = queryset | candidates
    return queryset


def attach_translations(items: list[models.Model]) -> None:
    """Load the live translations of every item in one query (read by ``translations``)."""
    from wagtail.models import Page

    from cms.graphql.visibility import public_pages

    keys = {item.translation_key for item in items if hasattr(item, "translation_key")}
    if not keys:
        return
    model = type(items[0])
    if isinstance(items[0], Page):
        others = public_pages(Page.objects.filter(translation_key__in=keys))
    else:
        others = model._default_manager.filter(translation_key__in=keys)
    by_key: dict[Any, list[models.Model]] = {}
    for other in others.select_related("locale").order_by("locale__language_code"):
        by_key.setdefault(other.translation_key, []).append(other)
    for item in items:
        item._cms_translations = [
            other for other in by_key.get(item.translation_key, []) if other.pk != item.pk
        ]


def resolve_locale(code: str | None, info: Any = None) -> Locale:
    """The locale a partner asked for; an unknown code is an error naming the argument.

    With ``info`` (a top-level field's), the fields below it show Django's translated words
    (choice labels, country names) in that language (:mod:`cms.graphql.language`).
    """
    languages = [language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    code = (code or settings.LANGUAGE_CODE).lower()
    if code not in languages:
        raise GraphQLError(
            f"Argument 'locale': unknown language {code!r}; use one of {', '.join(languages)}."
        )
    try:
        locale = Locale.objects.get(language_code=code)
    except Locale.DoesNotExist as exc:
        raise GraphQLError(f"Argument 'locale': language {code!r} is not set up yet.") from exc
    set_reader_language(info, code)
    # Kept for code that still reads the active language (rich-text and page links); labels
    # and country names take the language from set_reader_language above.
    translation.activate(code)
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


def page_of(queryset: QuerySet, start: int, size: int) -> list[models.Model]:
    """Rows ``start`` to ``start + size`` of ``queryset``: first their keys, then the rows.

    The database sorts every match before it can apply the LIMIT, so fetching the rows in one
    statement would join each related table (``select_related``) for every match, not for the
    page's rows only; sorting bare keys and joining for one page's worth keeps a list of 20
    from costing as much as the whole collection.
    """
    keys = list(queryset.values_list("pk", flat=True)[start : start + size])
    if not keys:
        return []
    rows = {row.pk: row for row in queryset.order_by().filter(pk__in=keys)}
    return [rows[key] for key in keys if key in rows]


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
            "items": graphene.List(graphene.NonNull(node), required=True),
            "pagination": graphene.Field(PaginationType, required=True),
        },
    )


def _order_enum(query: ContentQuery) -> type[graphene.Enum]:
    return graphene.Enum(f"{_pascal(query.singular)}Order", [(name, name) for name in query.orders])


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
        language = resolve_locale(locale, info)
        queryset = with_fallbacks(query.queryset, language, fallback)
        active = {name: value for name, value in filters.items() if value is not None}
        if active and query.apply_filters is not None:
            queryset = query.apply_filters(queryset, **active)
        if search:
            queryset = _search(queryset, query, search, fallback_chain(language))
        # graphene hands resolvers the enum member; its name is the key in `orders`.
        order_name = getattr(order, "name", order) or next(iter(query.orders))
        queryset = queryset.order_by(ordering(query.orders[order_name]), "pk")
        if hasattr(query.model_class(), "locale"):
            queryset = queryset.select_related("locale")
        total = queryset.count()
        start = (page - 1) * per_page
        items = page_of(queryset, start, per_page) if start < total else []
        attach_translations(items)
        remember(items)
        if query.prepare is not None and items:
            query.prepare(items)
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
        language = resolve_locale(locale, info)
        chain = fallback_chain(language) if fallback else [language]
        for candidate in chain:
            found = query.queryset(candidate).filter(slug=slug).first()
            if found is not None:
                remember([found])
                return found
        return None

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
            "search": graphene.String(),
            "order": graphene.Argument(_order_enum(query)),
            "fallback": fallback_argument(),
            **query.filters,
        }
        attrs[query.plural] = graphene.Field(_list_type(query, node), required=True, **arguments)
        attrs[f"resolve_{query.plural}"] = _resolve_list(query)
        attrs[query.singular] = graphene.Field(
            node,
            slug=graphene.String(required=True),
            locale=graphene.String(),
            fallback=fallback_argument(),
        )
        attrs[f"resolve_{query.singular}"] = _resolve_single(query)
    return type("ContentQueries", (graphene.ObjectType,), attrs)
