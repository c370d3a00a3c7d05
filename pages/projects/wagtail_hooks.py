"""Admin: a flat listing of every project page, filterable by programme and period."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet

from cms.graphql.agenda import AGENDA_HOOK, AgendaSource
from pages.projects.agenda import project_agenda_source
from pages.projects.models import ProjectPage


class ProjectPageFilterSet(PageListingViewSet.filterset_class):
    """Filters for the project listing; Wagtail adds the language filter itself."""

    class Meta:
        model = ProjectPage
        fields = {"programme": ["exact"], "start_date": ["gte"], "end_date": ["lte"]}


class ProjectPageListingViewSet(PageListingViewSet):
    """Every project page in one list, whichever index page it sits under."""

    model = ProjectPage
    icon = "clipboard-list"
    menu_label = _("Projects")
    add_to_admin_menu = True
    menu_order = 220
    columns = [
        *PageListingViewSet.columns,
        Column("acronym", label=_("Acronym"), sort_key="acronym"),
        Column("programme", label=_("Programme")),
        DateColumn("start_date", label=_("Start"), sort_key="start_date"),
        DateColumn("end_date", label=_("End"), sort_key="end_date"),
    ]
    filterset_class = ProjectPageFilterSet


@hooks.register("register_admin_viewset")
def register_project_listing() -> ProjectPageListingViewSet:
    return ProjectPageListingViewSet("project_pages")


@hooks.register(AGENDA_HOOK)
def register_project_agenda() -> list[AgendaSource]:
    return project_agenda_source()
