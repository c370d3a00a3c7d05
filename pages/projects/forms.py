"""The project page's admin form: checks across the page and its partner rows."""

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm

from pages.projects.models.rows import ProjectPartner


class ProjectPageForm(WagtailAdminPageForm):
    """Offers the strands of the page's language and allows at most one lead partner."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("programme_action")
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if field is not None and locale_id is not None:
            # Every language's strands would otherwise be listed; keep the current choice.
            current = Q(pk=self.instance.programme_action_id) if self.instance.pk else Q()
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | current)

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        partners = self.formsets.get("partners")
        if partners is None:
            return cleaned_data
        leads = [
            form
            for form in partners.forms
            if form.is_valid()
            and not (partners.can_delete and form.cleaned_data.get("DELETE"))
            and form.cleaned_data.get("role") == ProjectPartner.Role.LEAD
        ]
        for form in leads[1:]:
            form.add_error("role", _("Only one partner can be the lead partner."))
        return cleaned_data
