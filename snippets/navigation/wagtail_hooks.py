"""Admin: site settings and menus under Snippets; their partner queries."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from snippets.navigation.models import Menu, SiteSettings


class SiteSettingsViewSet(SnippetViewSet):
    """The site settings, one set per language."""

    model = SiteSettings
    icon = "cog"
    menu_label = _("Site settings")
    menu_order = 300
    list_display = ["network_name", "tagline"]


class MenuViewSet(SnippetViewSet):
    """Main and footer menus, one of each per language."""

    model = Menu
    icon = "list-ul"
    menu_label = _("Menus")
    menu_order = 310
    list_display = ["name"]


register_snippet(SiteSettingsViewSet)
register_snippet(MenuViewSet)


@hooks.register("register_partner_queries")
def add_navigation_queries() -> list[type]:
    from snippets.navigation.graphql import navigation_queries

    return [navigation_queries()]


@hooks.register("register_default_share_image")
def default_share_images(locale_ids: list[int]) -> dict[int, tuple[Any, str]]:
    from snippets.navigation.selectors import default_share_images

    return default_share_images(locale_ids)
