"""Admin: country groups under Snippets, filterable by a member country."""

import django_filters
from django_countries import countries

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from snippets.countries.models import CountryGroup
from snippets.countries.selectors import country_groups_containing


class CountryGroupFilterSet(WagtailFilterSet):
    """Find the groups a country belongs to."""

    member = django_filters.ChoiceFilter(
        label=_("Includes country"),
        choices=lambda: list(countries),
        method="filter_member",
    )

    class Meta:
        model = CountryGroup
        fields = []

    def filter_member(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=country_groups_containing(value).values("pk"))


class CountryGroupViewSet(SnippetViewSet):
    """Country groups, with how many countries each lists."""

    model = CountryGroup
    icon = "globe"
    menu_label = _("Country groups")
    menu_order = 160
    list_display = [
        "name",
        "slug",
        Column("country_count", label=_("Countries"), sort_key=None),
    ]
    filterset_class = CountryGroupFilterSet
    list_export = ["name", "slug", "description", "countries"]
    ordering = ["name"]


register_snippet(CountryGroupViewSet)
