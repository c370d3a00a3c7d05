"""``siteSettings(locale:)`` and ``menu(name:, locale:)``, added through the project's
``register_partner_queries`` hook."""

from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLError

from grapple.registry import registry as grapple_registry

from cms.graphql.context import request_context
from cms.graphql.registry import fallback_argument, resolve_locale
from snippets.navigation import selectors
from snippets.navigation.models import Menu, SiteSettings


def menu_name_enum() -> type[graphene.Enum]:
    def describe(member: object) -> str:
        if member is None:
            return "Where a partner site shows a menu."
        return f"The {Menu.Location(member.value).label.lower()}."

    return graphene.Enum(
        "MenuName", [(code.upper(), code) for code in Menu.Location.values], description=describe
    )


def navigation_queries() -> type[graphene.ObjectType]:
    names = menu_name_enum()

    class NavigationQuery(graphene.ObjectType):
        """Site settings and menus for a partner site's header and footer."""

        site_settings = graphene.Field(
            lambda: grapple_registry.snippets[SiteSettings],
            description="The network's name, tagline, contact, social links and default "
            "sharing image in one language; null until an editor has set them.",
            locale=graphene.String(description="Language code; defaults to the default."),
            fallback=fallback_argument(),
        )
        menu = graphene.Field(
            lambda: grapple_registry.snippets[Menu],
            description="A menu in one language; null if there is none.",
            name=graphene.Argument(names, required=True, description="Which menu."),
            locale=graphene.String(description="Language code; defaults to the default."),
            fallback=fallback_argument(),
        )

        @staticmethod
        def resolve_site_settings(
            root: Any, info: Any, locale: str | None = None, fallback: bool = True
        ) -> SiteSettings | None:
            context = request_context(info)
            language = resolve_locale(locale, info)
            chain = context.fallback_chain(language) if fallback else [language]
            found = selectors.site_settings_in(chain)
            context.loaders.note([found] if found else [])
            return found

        @staticmethod
        def resolve_menu(
            root: Any, info: Any, name: Any, locale: str | None = None, fallback: bool = True
        ) -> Menu | None:
            code = getattr(name, "value", name)
            if code not in Menu.Location.values:
                raise GraphQLError(f"Argument 'name': unknown menu {code!r}.")
            context = request_context(info)
            language = resolve_locale(locale, info)
            chain = context.fallback_chain(language) if fallback else [language]
            found = selectors.menu_in(code, chain)
            context.loaders.note([found] if found else [])
            return found

    return NavigationQuery
