"""Admin: programmes under Snippets, and a chooser for their actions."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from snippets.programmes.models import Programme, ProgrammeAction


class ProgrammeViewSet(SnippetViewSet):
    """Programmes, edited with their actions inline."""

    model = Programme
    icon = "list-ul"
    menu_label = _("Programmes")
    menu_order = 140
    list_display = ["name", "acronym", "website"]
    list_export = ["name", "acronym", "slug", "website"]
    ordering = ["name"]


class ProgrammeActionChooserViewSet(ChooserViewSet):
    """The chooser every ``ForeignKey("programmes.ProgrammeAction")`` field uses in the admin.

    Actions are edited inside their programme, so they have no listing of their own; page
    types that refer to an action get this searchable chooser instead of a long select box.
    """

    model = ProgrammeAction
    icon = "list-ul"
    choose_one_text = _("Choose a programme action")
    choose_another_text = _("Choose another programme action")


programme_action_chooser_viewset = ProgrammeActionChooserViewSet("programme_action_chooser")

register_snippet(ProgrammeViewSet)


@hooks.register("register_admin_viewset")
def register_programme_action_chooser() -> ProgrammeActionChooserViewSet:
    return programme_action_chooser_viewset
