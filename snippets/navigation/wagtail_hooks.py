"""Admin: site settings and menus under Snippets; their partner queries."""

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
