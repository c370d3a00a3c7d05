"""Admin: a flat listing of every conference page, filterable by format, dates and organiser."""

import django_filters

from django import forms
from django.db.models import QuerySet
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from cms.admin_columns import MomentColumn
from cms.graphql.agenda import AGENDA_HOOK, AgendaSource
from cms.partners.feeds import FEEDS_HOOK
from pages.conferences.agenda import conference_agenda_source
from pages.conferences.feeds import feed_urls
from pages.conferences.models import ConferencePage


class ConferencePageFilterSet(PageListingViewSet.filterset_class):
    """Filters for the conference listing; Wagtail adds the language filter itself."""

    starts_at = django_filters.DateFromToRangeFilter(
        label=_("Starts"), widget=DateRangePickerWidget
    )
    upcoming = django_filters.BooleanFilter(
        label=_("Not over yet"),
        method="filter_upcoming",
        widget=forms.NullBooleanSelect,
    )

    class Meta:
        model = ConferencePage
        fields = ["format", "main_organiser"]

    def filter_upcoming(
        self, queryset: QuerySet[ConferencePage], name: str, value: bool | None
    ) -> QuerySet[ConferencePage]:
        return queryset if value is None else queryset.upcoming(upcoming=value)


class ConferencePageIndexView(PageListingViewSet.index_view_class):
    """The listing opens with the latest conference first."""

    default_ordering = "-starts_at"


class ConferencePageListingViewSet(PageListingViewSet):
    """Every conference page in one list, latest first, whichever index page it sits under."""

    model = ConferencePage
    icon = "group"
    menu_label = _("Conferences")
    add_to_admin_menu = True
    menu_order = 200
    index_view_class = ConferencePageIndexView
    columns = [
        *PageListingViewSet.columns,
        Column("format", label=_("Format"), accessor="format_label", sort_key="format"),
        MomentColumn("starts_at", label=_("Starts"), sort_key="starts_at"),
        MomentColumn("application_deadline", label=_("Apply by"), sort_key="application_deadline"),
        Column("main_organiser", label=_("Main organiser")),
    ]
    filterset_class = ConferencePageFilterSet


@hooks.register("register_admin_viewset")
def register_conference_listing() -> ConferencePageListingViewSet:
    return ConferencePageListingViewSet("conference_pages")


@hooks.register(FEEDS_HOOK)
def register_conferences_feeds() -> list[URLPattern]:
    return feed_urls()


@hooks.register(AGENDA_HOOK)
def register_conference_agenda() -> list[AgendaSource]:
    return conference_agenda_source()
