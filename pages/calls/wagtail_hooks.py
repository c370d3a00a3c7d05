"""Admin: a flat listing of every call page, filterable by status, programme and deadline; the
dashboard panel of calls closing soon; call index pages as moderated sections; the calls' feeds
and agenda entries."""

from typing import Any, ClassVar

import django_filters

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from cms.admin_columns import MomentColumn
from cms.editorial.moderation import MODERATED_SECTION_HOOK, ModeratedSection
from cms.graphql.agenda import AGENDA_HOOK, AgendaSource
from cms.partners.feeds import FEEDS_HOOK
from pages.calls.agenda import call_agenda_source
from pages.calls.feeds import feed_urls
from pages.calls.models import CallIndexPage, CallPage
from pages.calls.panels import CallsClosingSoonPanel


class CallPageFilterSet(PageListingViewSet.filterset_class):
    """Filters for the call listing; Wagtail adds the language filter itself."""

    status = django_filters.ChoiceFilter(
        label=_("Status now"), choices=CallPage.Status.choices, method="filter_status"
    )
    deadline = django_filters.DateFromToRangeFilter(
        label=_("Deadline"), widget=DateRangePickerWidget
    )

    class Meta:
        model = CallPage
        fields = ["programme", "programme_action"]

    def filter_status(
        self, queryset: QuerySet[CallPage], name: str, value: str
    ) -> QuerySet[CallPage]:
        return queryset.with_status(value) if value else queryset


class CallPageIndexView(PageListingViewSet.index_view_class):
    """The listing opens with the latest deadline first."""

    default_ordering = "-deadline"


class CallStatusColumn(Column):
    """Upcoming, open or closed right now, as a badge in the reader's language."""

    cell_template_name = "calls/tables/status_cell.html"
    #: Badge styles: an open call stands out, a closed one recedes.
    STYLES: ClassVar[dict[str, str]] = {
        CallPage.Status.OPEN: "w-status--primary",
        CallPage.Status.UPCOMING: "w-status--label",
        CallPage.Status.CLOSED: "w-status--disabled",
    }

    def get_cell_context_data(self, instance: CallPage, parent_context: Any) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        status = CallPage.Status(instance.status)
        context.update(label=status.label, style=self.STYLES[status])
        return context


class CallPageListingViewSet(PageListingViewSet):
    """Every call page in one list, whichever index page it sits under."""

    model = CallPage
    icon = "mail"
    menu_label = _("Calls")
    add_to_admin_menu = True
    menu_order = 205
    index_view_class = CallPageIndexView
    # Without Wagtail's "Parent" column: every call sits under its language's call index.
    columns = [
        *(column for column in PageListingViewSet.columns if column.name != "parent"),
        Column("programme", label=_("Programme")),
        MomentColumn("opens_at", label=_("Opens"), sort_key="opens_at"),
        MomentColumn("deadline", label=_("Deadline"), sort_key="deadline"),
        CallStatusColumn("call_status", label=_("Status now"), accessor="status"),
    ]
    filterset_class = CallPageFilterSet


@hooks.register("register_admin_viewset")
def register_call_listing() -> CallPageListingViewSet:
    return CallPageListingViewSet("call_pages")


@hooks.register("construct_homepage_panels")
def add_calls_closing_soon(request: HttpRequest, panels: list[Any]) -> None:
    panels.append(CallsClosingSoonPanel(request))


@hooks.register(MODERATED_SECTION_HOOK)
def call_index_pages_are_moderated() -> ModeratedSection:
    """Every call index page, in every language, and the calls below it go live through
    "Call moderation" (:mod:`cms.editorial.moderation`), and so do the programmes, country
    groups and organisations calls show: a change to one changes every call listing it."""
    return ModeratedSection(
        CallIndexPage,
        workflow="Call moderation",
        task="Call moderators approval",
        moderators="Call moderators",
        snippets=("programmes.Programme", "countries.CountryGroup", "organisations.Organisation"),
    )


@hooks.register(FEEDS_HOOK)
def register_call_feeds() -> list[URLPattern]:
    return feed_urls()


@hooks.register(AGENDA_HOOK)
def register_call_agenda() -> list[AgendaSource]:
    return call_agenda_source()
