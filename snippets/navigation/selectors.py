"""Queries for site settings and menus; the GraphQL fields call these."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from wagtail.models import Locale

from snippets.navigation.models import Menu, SiteSettings


def site_settings_in(locales: list[Locale]) -> SiteSettings | None:
    """The site settings in the first of ``locales`` that has them."""
    found = {
        settings.locale_id: settings
        # Newest first, so the oldest wins should two exist in one language (clean() refuses a
        # second; a shell or a race can still make one): every request answers the same.
        for settings in SiteSettings.objects.filter(locale__in=locales)
        .order_by("-pk")
        .prefetch_related("social_links")
    }
    return next((found[locale.pk] for locale in locales if locale.pk in found), None)


def menu_in(name: str, locales: list[Locale]) -> Menu | None:
    """The menu ``name`` in the first of ``locales`` that has it."""
    found = {menu.locale_id: menu for menu in menus_for_api_in(name, locales)}
    return next((found[locale.pk] for locale in locales if locale.pk in found), None)


def menus_for_api_in(name: str, locales: list[Locale]) -> QuerySet[Menu]:
    return Menu.objects.filter(name=name, locale__in=locales).prefetch_related("items")


def default_share_images(locale_ids: list[int]) -> dict[int, tuple[Any, str]]:
    """``{locale_id: (image, alt)}``: the default sharing image of the site settings in each
    of ``locale_ids`` that set one, in one statement."""
    found = (
        SiteSettings.objects.filter(locale_id__in=locale_ids, default_og_image__isnull=False)
        .order_by("-pk")  # the oldest wins, as in site_settings_in
        .select_related("default_og_image")
    )
    return {item.locale_id: (item.default_og_image, item.default_og_image_alt) for item in found}
