"""Admin form bases the plugins' page forms build on."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import Q

from wagtail.admin.forms import WagtailAdminPageForm


class LocalisedChoicesPageForm(WagtailAdminPageForm):
    """Offers in the fields named in ``LOCALISED_CHOICES`` only objects of the page's language.

    Snippets and pages exist once per language, so a chooser would otherwise list each of
    them once per language.
    """

    LOCALISED_CHOICES: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if not locale_id:
            return
        for name in self.LOCALISED_CHOICES:
            field = self.fields.get(name)
            if field is None:
                continue
            # Keep what is already chosen, so a synchronised translation loses nothing.
            model_field = self.instance._meta.get_field(name)
            if model_field.many_to_many:
                chosen = [obj.pk for obj in getattr(self.instance, name).all()]
            else:
                chosen = [getattr(self.instance, model_field.attname)]
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))
