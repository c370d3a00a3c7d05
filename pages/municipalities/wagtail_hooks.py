"""Admin: a flat listing of every municipality page, filterable by country and language."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from pages.municipalities.models import MunicipalityPage


class MunicipalityPageFilterSet(PageListingViewSet.filterset_class):
    """Filters for the municipality listing; Wagtail adds the language filter itself."""

    class Meta:
        model = MunicipalityPage
        fields = ["country"]


class MunicipalityPageListingViewSet(PageListingViewSet):
    """Every municipality page in one list, whichever index page it sits under."""

    model = MunicipalityPage
    icon = "site"
    menu_label = _("Municipalities")
    add_to_admin_menu = True
    menu_order = 210
    columns = [
        *PageListingViewSet.columns,
        Column("country", label=_("Country"), accessor="country.name", sort_key="country"),
        Column("region", label=_("Region"), sort_key="region"),
    ]
    filterset_class = MunicipalityPageFilterSet


@hooks.register("register_admin_viewset")
def register_municipality_listing() -> MunicipalityPageListingViewSet:
    return MunicipalityPageListingViewSet("municipality_pages")
