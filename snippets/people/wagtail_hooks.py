"""Admin: contact people under Snippets, filterable by organisation."""

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from snippets.people.models import Person


class PersonViewSet(SnippetViewSet):
    """People with their role and organisation."""

    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 110
    list_display = [
        "name",
        Column("role", label="Role", sort_key="role"),
        Column("organisation", label="Organisation", sort_key="organisation__name"),
        "email",
    ]
    list_filter = ["organisation"]
    list_export = ["name", "role", "organisation", "email", "phone"]
    ordering = ["name"]


register_snippet(PersonViewSet)
