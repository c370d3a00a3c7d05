"""Dashboard panel: translations waiting for work, per language (plugins add their own)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Locale
from wagtail_localize.models import Translation

from cms.editorial.localize_views import SUBMIT_PERMISSION
from cms.editorial.permissions import editable_locale_ids, editable_locales
from cms.editorial.translation_status import TranslationState, translation_states
from cms.editorial.untranslated import NotTranslated

#: Rows per language on the dashboard; the translations report lists the rest.
ROWS_PER_LOCALE = 10


def language_order(locale: Locale) -> int:
    codes = list(settings.CMS_LANGUAGES)
    code = locale.language_code
    return codes.index(code) if code in codes else len(codes)


class TranslationsAwaitingWorkPanel(Component):
    """Per target language, what a translator must act on, most visible first: content partners
    get in the source language (translations not live yet, then content not translated at all),
    then live translations that are out of date. Home and index pages, which wagtail-localize
    copies untranslated whenever a page below them is translated, are only counted."""

    name = "editorial_translations_awaiting_work"
    template_name = "editorial/panels/translations_awaiting_work.html"
    order = 160

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        user = self.request.user
        translations = Translation.objects.filter(enabled=True).select_related(
            "source", "source__specific_content_type", "source__locale", "target_locale"
        )
        scope = editable_locale_ids(user)
        if scope is not None:
            translations = translations.filter(target_locale_id__in=scope)
        by_locale: dict[Locale, list[TranslationState]] = defaultdict(list)
        sections: dict[Locale, int] = defaultdict(int)
        for state in translation_states(translations):
            if not state.needs_work:
                continue
            if state.section_page:
                sections[state.locale] += 1
            else:
                by_locale[state.locale].append(state)
        missing: dict[Locale, tuple[list[dict[str, Any]], int]] = {}
        source = Locale.get_default()
        if user.has_perm(SUBMIT_PERMISSION):
            for locale in editable_locales(user):
                if locale.pk != source.pk:
                    not_translated = NotTranslated(source, locale)
                    if total := len(not_translated):
                        missing[locale] = (not_translated[:ROWS_PER_LOCALE], total)
        url_finder = AdminURLFinder(user)
        groups = []
        for locale in sorted({*by_locale, *missing, *sections}, key=language_order):
            # Partners see the source where the translation is not live: that comes first.
            states = sorted(
                by_locale.get(locale, []),
                key=lambda s: s.translation.source.last_updated_at,
                reverse=True,
            )
            states.sort(key=lambda s: not s.in_fallback)
            missing_rows, missing_total = missing.get(locale, ([], 0))
            groups.append(
                {
                    "locale": locale,
                    "rows": [_row(state, url_finder) for state in states[:ROWS_PER_LOCALE]],
                    "more": max(len(states) - ROWS_PER_LOCALE, 0),
                    "in_fallback": sum(s.in_fallback for s in states) + missing_total,
                    "out_of_date": sum(not s.in_fallback for s in states),
                    "section_pages": sections.get(locale, 0),
                    "missing_rows": missing_rows,
                    "missing_more": missing_total - len(missing_rows),
                    "missing_url": reverse("editorial_not_translated", args=[locale.language_code]),
                }
            )
        return {
            "groups": groups,
            "source_locale": source,
            "report_url": reverse("wagtail_localize:translations_report"),
        }


def _row(state: TranslationState, url_finder: AdminURLFinder) -> dict[str, Any]:
    edit_url = url_finder.get_edit_url(state.target) if state.target is not None else None
    return {
        "title": state.title,
        "kind": state.translation.source.specific_content_type.name,
        "labels": state.labels,
        "in_fallback": state.in_fallback,
        "edit_url": edit_url,
        "status_url": reverse("editorial_translation_status", args=[state.translation.pk]),
    }
