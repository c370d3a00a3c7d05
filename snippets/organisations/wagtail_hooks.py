"""Admin: organisations under Snippets, filterable by kind and country."""

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from snippets.organisations.models import Organisation
from snippets.organisations.selectors import organisations_for_api


class OrganisationViewSet(SnippetViewSet):
    """Organisations with their kind, city and country at a glance."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 100
    list_display = [
        "name",
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("city", label=_("City"), sort_key="city"),
        Column("country", label=_("Country"), accessor="country.name", sort_key="country"),
    ]
    list_filter = ["kind", "country"]
    list_export = ["name", "kind", "street_address", "postal_code", "city", "country", "email"]
    ordering = ["name"]


register_snippet(OrganisationViewSet)


@hooks.register("register_search_snippets")
def organisations_are_searchable() -> list[Callable[[Locale], QuerySet]]:
    return [organisations_for_api]
