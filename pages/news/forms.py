"""The news page's admin form: relation choices in the page's own language."""

from typing import Any

from django.db.models import Q

from wagtail.admin.forms import WagtailAdminPageForm

#: Relations whose choices would otherwise repeat each item once per language.
LOCALIZED_RELATIONS = (
    "categories",
    "related_projects",
    "related_municipalities",
    "related_organisations",
)


class NewsPageForm(WagtailAdminPageForm):
    """Lists categories, projects, municipalities and organisations of the page's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is None:
            return
        for name in LOCALIZED_RELATIONS:
            field = self.fields.get(name)
            if field is None:
                continue
            # Keep what is chosen already, e.g. relations synchronised from the source page.
            # Read the chosen rows, not a subquery: opened from a revision, the relation is
            # modelcluster's in-memory queryset, which has no SQL (nor a "pk" to select).
            chosen = (
                Q(pk__in=[item.pk for item in getattr(self.instance, name).all()])
                if self.instance.pk
                else Q()
            )
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | chosen)
