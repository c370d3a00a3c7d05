"""Admin: contact people under Snippets, filterable by organisation."""

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from snippets.people.models import Person
from snippets.people.selectors import people_for_api


class PersonViewSet(SnippetViewSet):
    """People with their role and organisation."""

    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 110
    list_display = [
        "name",
        Column("role", label=_("Role"), sort_key="role"),
        Column("organisation", label=_("Organisation"), sort_key="organisation__name"),
        "email",
    ]
    list_filter = ["organisation"]
    list_export = ["name", "role", "organisation", "email", "phone"]
    ordering = ["name"]


register_snippet(PersonViewSet)


@hooks.register("register_search_snippets")
def people_are_searchable() -> list[Callable[[Locale], QuerySet]]:
    return [people_for_api]
