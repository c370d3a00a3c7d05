"""Admin: a flat listing of every conference page, filterable by format, dates and organiser."""

import django_filters

from django import forms
from django.db.models import QuerySet

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet

from pages.conferences.models import ConferencePage
from pages.conferences.selectors import conferences_upcoming


class ConferencePageFilterSet(PageListingViewSet.filterset_class):
    """Filters for the conference listing; Wagtail adds the language filter itself."""

    starts_at = django_filters.DateFromToRangeFilter(label="Starts", widget=DateRangePickerWidget)
    upcoming = django_filters.BooleanFilter(
        label="Not over yet",
        method="filter_upcoming",
        widget=forms.NullBooleanSelect,
    )

    class Meta:
        model = ConferencePage
        fields = ["format", "main_organiser"]

    def filter_upcoming(
        self, queryset: QuerySet[ConferencePage], name: str, value: bool | None
    ) -> QuerySet[ConferencePage]:
        return queryset if value is None else conferences_upcoming(queryset, upcoming=value)


class ConferencePageIndexView(PageListingViewSet.index_view_class):
    """The listing opens with the latest conference first."""

    default_ordering = "-starts_at"


class ConferencePageListingViewSet(PageListingViewSet):
    """Every conference page in one list, latest first, whichever index page it sits under."""

    model = ConferencePage
    icon = "group"
    menu_label = "Conferences"
    add_to_admin_menu = True
    menu_order = 200
    index_view_class = ConferencePageIndexView
    columns = [
        *PageListingViewSet.columns,
        Column("format", label="Format", accessor="format_label", sort_key="format"),
        DateColumn("starts_at", label="Starts", sort_key="starts_at"),
        DateColumn("application_deadline", label="Apply by", sort_key="application_deadline"),
        Column("main_organiser", label="Main organiser"),
    ]
    filterset_class = ConferencePageFilterSet


@hooks.register("register_admin_viewset")
def register_conference_listing() -> ConferencePageListingViewSet:
    return ConferencePageListingViewSet("conference_pages")
