"""Queries for conference pages; GraphQL resolvers, the admin and the demo loader call these."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from graphql import GraphQLError

from django.apps import apps
from django.db import models
from django.db.models import CharField, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.utils import timezone

from wagtail.models import Locale

from cms.graphql.visibility import public_pages
from pages.conferences.models import ConferencePage, ConferencePartnerLogo

if TYPE_CHECKING:
    from pages.conferences.models import ConferenceIndexPage

ModelT = TypeVar("ModelT", bound=models.Model)

COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


def conferences_live(locale: Locale) -> QuerySet[ConferencePage]:
    """Live, public conference pages in ``locale``."""
    return public_pages(ConferencePage.objects.filter(locale=locale))


def conferences_for_api(locale: Locale) -> QuerySet[ConferencePage]:
    """Conferences for the top-level GraphQL list, with what their type shows joined in."""
    return with_relations(conferences_live(locale)).order_by("starts_at", "title")


def conferences_filter(
    queryset: QuerySet[ConferencePage],
    *,
    upcoming: bool | None = None,
    eligible_country: str | None = None,
    **unknown: Any,
) -> QuerySet[ConferencePage]:
    """Apply the GraphQL list arguments; ``eligibleCountry`` is an ISO 3166-1 alpha-2 code."""
    if upcoming is not None:
        queryset = conferences_upcoming(queryset, upcoming=upcoming)
    if eligible_country:
        code = eligible_country.strip().upper()
        if not COUNTRY_CODE.match(code):
            raise GraphQLError(
                f"Argument 'eligibleCountry': {eligible_country!r} is not an ISO 3166-1 "
                "alpha-2 country code such as 'SI'."
            )
        queryset = conferences_open_to(queryset, code)
    return queryset


def conferences_upcoming(
    queryset: QuerySet[ConferencePage],
    *,
    upcoming: bool = True,
    now: datetime.datetime | None = None,
) -> QuerySet[ConferencePage]:
    """Conferences not over yet at ``now`` (default: this moment), or with ``upcoming=False``
    the ones that have ended. Nothing is stored: the split moves with the clock."""
    now = now or timezone.now()
    return queryset.filter(ends_at__gt=now) if upcoming else queryset.filter(ends_at__lte=now)


def conferences_open_to(queryset: QuerySet[ConferencePage], code: str) -> QuerySet[ConferencePage]:
    """Conferences listing the country ``code`` itself or through one of their country groups."""
    groups = country_groups_containing(code)
    through_groups = ConferencePage.objects.filter(eligible_country_groups__in=groups)
    return queryset.annotate(_padded_countries=padded_codes("eligible_countries")).filter(
        Q(_padded_countries__contains=f",{code},") | Q(pk__in=through_groups.values("pk"))
    )


def conferences_under(index: ConferenceIndexPage) -> QuerySet[ConferencePage]:
    """The live, public conference pages below ``index``, soonest first."""
    return with_relations(public_pages(ConferencePage.objects.child_of(index))).order_by(
        "starts_at", "title"
    )


def with_relations(queryset: QuerySet[ConferencePage]) -> QuerySet[ConferencePage]:
    """Join in what the GraphQL conference type shows, so a list costs a fixed number of queries."""
    return queryset.select_related("locale", "main_organiser", "contact").prefetch_related(
        "objectives",
        "delegation_roles",
        "eligible_country_groups",
        "initiators",
        "co_organisers",
        Prefetch(
            "partner_logos",
            queryset=ConferencePartnerLogo.objects.select_related("image", "organisation"),
        ),
    )


def country_groups_containing(code: str) -> QuerySet:
    """Country groups, in any language, that list the country ``code`` (upper case)."""
    group_model = apps.get_model("countries", "CountryGroup")
    return group_model.objects.annotate(_padded_countries=padded_codes("countries")).filter(
        _padded_countries__contains=f",{code},"
    )


def padded_codes(field_name: str) -> Concat:
    """A multiple ``CountryField`` stores "AL,BA,XK"; wrapped in commas, ",BA," matches BA
    wherever it sits and never a code that merely shares a letter."""
    return Concat(Value(","), field_name, Value(","), output_field=CharField())


def in_locale(instance: ModelT | None, locale_id: int) -> ModelT | None:
    """``instance``'s translation in ``locale_id`` if there is one, else ``instance`` itself.

    A translated page keeps the source's snippets until they are translated, so GraphQL
    shows each relation in the page's language whenever it can.
    """
    if instance is None or instance.locale_id == locale_id:
        return instance
    translation = (
        type(instance)
        ._default_manager.filter(translation_key=instance.translation_key, locale_id=locale_id)
        .first()
    )
    return translation or instance


def all_in_locale(objects: Iterable[ModelT], locale_id: int) -> list[ModelT]:
    """:func:`in_locale` for a list, in one query, and none when all are in the language."""
    objects = list(objects)
    foreign = [obj for obj in objects if obj.locale_id != locale_id]
    if not foreign:
        return objects
    model = type(foreign[0])
    translations = {
        obj.translation_key: obj
        for obj in model._default_manager.filter(
            translation_key__in=[obj.translation_key for obj in foreign], locale_id=locale_id
        )
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


def with_list_arguments(queryset: QuerySet, info: object, arguments: dict) -> QuerySet:
    """Apply grapple's list arguments (limit, offset, order, search) like on any grapple list."""
    from grapple.utils import resolve_queryset

    return resolve_queryset(queryset, info, **arguments) if arguments else queryset
