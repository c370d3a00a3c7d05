"""Admin views: one translation's status, with the source text that changed since the last
sync; and the published content not yet translated into a language."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.views.generic import TemplateView

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail_localize.models import Translation

from cms.editorial.localize_views import SUBMIT_PERMISSION
from cms.editorial.permissions import can_edit, can_edit_in_locale
from cms.editorial.refusals import ExplainedRefusal
from cms.editorial.translation_status import translation_state, untranslated_source_texts
from cms.editorial.untranslated import NotTranslated


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
        return gettext("Translation status")

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


class NotTranslatedView(WagtailAdminTemplateMixin, TemplateView):
    """Every published page and snippet not yet translated into one language, to start on."""

    template_name = "editorial/not_translated.html"
    header_icon = "wagtail-localize-language"
    per_page = 50

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.locale = get_object_or_404(Locale, language_code=kwargs["language_code"])
        self.source = Locale.get_default()
        if self.locale.pk == self.source.pk:
            raise Http404(gettext("The source language is not translated into."))
        if not request.user.has_perm(SUBMIT_PERMISSION) or not can_edit_in_locale(
            request.user, self.locale.pk
        ):
            raise ExplainedRefusal(
                gettext("You do not translate into %(language)s.")
                % {"language": self.locale.get_display_name()}
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return gettext("Not yet translated")

    def get_page_subtitle(self) -> str:
        return str(self.locale.get_display_name())

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        paginator = Paginator(NotTranslated(self.source, self.locale), self.per_page)
        page = paginator.get_page(self.request.GET.get("p"))
        context.update(
            {
                "rows": page.object_list,
                "items": page,
                "elided_page_range": paginator.get_elided_page_range(page.number),
                "source_locale": self.source,
                "target_locale": self.locale,
            }
        )
        return context
