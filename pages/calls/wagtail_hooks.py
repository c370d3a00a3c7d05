"""Admin: a flat listing of every call page, filterable by status, programme and deadline."""

import django_filters

from django.db.models import QuerySet

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet

from pages.calls.models import CallPage
from pages.calls.selectors import calls_with_status


class CallPageFilterSet(PageListingViewSet.filterset_class):
    """Filters for the call listing; Wagtail adds the language filter itself."""

    status = django_filters.ChoiceFilter(
        label="Status now", choices=CallPage.Status.choices, method="filter_status"
    )
    deadline = django_filters.DateFromToRangeFilter(label="Deadline", widget=DateRangePickerWidget)

    class Meta:
        model = CallPage
        fields = ["programme", "programme_action"]

    def filter_status(
        self, queryset: QuerySet[CallPage], name: str, value: str
    ) -> QuerySet[CallPage]:
        return calls_with_status(queryset, value) if value else queryset


class CallPageIndexView(PageListingViewSet.index_view_class):
    """The listing opens with the latest deadline first."""

    default_ordering = "-deadline"


class CallPageListingViewSet(PageListingViewSet):
    """Every call page in one list, whichever index page it sits under."""

    model = CallPage
    icon = "mail"
    menu_label = "Calls"
    add_to_admin_menu = True
    menu_order = 205
    index_view_class = CallPageIndexView
    columns = [
        *PageListingViewSet.columns,
        Column("programme", label="Programme"),
        DateColumn("opens_at", label="Opens", sort_key="opens_at"),
        DateColumn("deadline", label="Deadline", sort_key="deadline"),
        Column("status", label="Status now"),
    ]
    filterset_class = CallPageFilterSet


@hooks.register("register_admin_viewset")
def register_call_listing() -> CallPageListingViewSet:
    return CallPageListingViewSet("call_pages")
