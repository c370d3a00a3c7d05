"""Queries for site settings and menus; the GraphQL fields call these."""

from __future__ import annotations

from django.db.models import QuerySet

from wagtail.models import Locale

from snippets.navigation.models import Menu, SiteSettings


def site_settings_in(locales: list[Locale]) -> SiteSettings | None:
    """The site settings in the first of ``locales`` that has them."""
    found = {
        settings.locale_id: settings
        for settings in SiteSettings.objects.filter(locale__in=locales).prefetch_related(
            "social_links"
        )
    }
    return next((found[locale.pk] for locale in locales if locale.pk in found), None)


def menu_in(name: str, locales: list[Locale]) -> Menu | None:
    """The menu ``name`` in the first of ``locales`` that has it."""
    found = {menu.locale_id: menu for menu in menus_for_api_in(name, locales)}
    return next((found[locale.pk] for locale in locales if locale.pk in found), None)


def menus_for_api_in(name: str, locales: list[Locale]) -> QuerySet[Menu]:
    return Menu.objects.filter(name=name, locale__in=locales).prefetch_related("items")
