"""Admin view: one translation's status, with the source text that changed since the last sync."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_localize.models import Translation

from cms.editorial.localize_views import SUBMIT_PERMISSION
from cms.editorial.permissions import can_edit, can_edit_in_locale
from cms.editorial.translation_status import translation_state, untranslated_source_texts


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Whether a page or snippet's translation is out of date, and which segments changed."""

    template_name = "editorial/translation_status.html"
    header_icon = "wagtail-localize-language"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.translation = get_object_or_404(
            Translation.objects.select_related(
                "source", "source__locale", "source__specific_content_type", "target_locale"
            ),
            pk=kwargs["translation_id"],
        )
        self.state = translation_state(self.translation, with_changes=True)
        target = self.state.target
        allowed = (
            can_edit(request.user, target)
            if target is not None
            else can_edit_in_locale(request.user, self.translation.target_locale_id)
        )
        if not allowed:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return "Translation status"

    def get_page_subtitle(self) -> str:
        return f"{self.state.title} ({self.translation.target_locale.get_display_name()})"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        # Wagtail shows the title only in the breadcrumbs (the h1 is for screen readers):
        # without this item the header reads "Home" and never names the translation.
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        finder = AdminURLFinder(user)
        source = self.state.source_instance
        sync_url = None
        if source is not None and user.has_perm(SUBMIT_PERMISSION) and can_edit(user, source):
            sync_url = reverse(
                "wagtail_localize:update_translations", args=[self.translation.source_id]
            )
            sync_url += "?" + urlencode({"next": self.request.get_full_path()})
        context.update(
            {
                "state": self.state,
                "source_locale": self.translation.source.locale,
                "target_locale": self.translation.target_locale,
                "last_sync": self.translation.source.last_updated_at,
                "untranslated": untranslated_source_texts(self.translation),
                "edit_url": finder.get_edit_url(self.state.target) if self.state.target else None,
                "sync_url": sync_url,
            }
        )
        return context
