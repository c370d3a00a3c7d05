"""wagtail-localize's admin views behind this project's language rules.

wagtail-localize checks one global "submit translation" permission before creating
translations in any language, checks snippets by model only, and lets anyone with that
permission publish every language's translation when syncing. The views here run the same
views after checking, with :mod:`cms.editorial.permissions`, that the user may work in the
languages concerned. :data:`urlpatterns` repeats wagtail-localize's paths and is registered in
front of them, so every link wagtail-localize renders leads here.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Callable
from typing import Any

import polib

from django import forms
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    SourceDeletedError,
    StringSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from cms.editorial.permissions import can_edit, can_publish, can_translate_into
from cms.editorial.refusals import ExplainedRefusal

SUBMIT_PERMISSION = "wagtail_localize.submit_translation"
View = Callable[..., HttpResponse]


class _ScopedSubmitMixin:
    """Offer only the languages the user may create this object's translation in."""

    request: HttpRequest
    object: Any

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(SUBMIT_PERMISSION):
            raise PermissionDenied
        self.object = self.get_object()
        if not self.source_is_readable():
            # GET as POST: the form would show the draft's title, the request would copy it.
            raise ExplainedRefusal(_("Only published pages can be translated from here."))
        allowed = self.allowed_locales()
        if not allowed.exists():
            raise PermissionDenied
        if request.method == "POST":
            asked = set(request.POST.getlist("locales"))
            if not asked <= {str(pk) for pk in allowed.values_list("pk", flat=True)}:
                # Refuse the whole request: translations into the allowed languages would
                # otherwise be created alongside a silently dropped forbidden one.
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def source_is_readable(self) -> bool:
        """Whether the user may see what is being translated: published, or theirs to edit."""
        return not isinstance(self.object, Page) or self.object.live or self.may_edit_source()

    def may_edit_source(self) -> bool:
        return can_edit(self.request.user, self.object)

    def allowed_locales(self) -> QuerySet[Locale]:
        offered = submit_translations.SubmitTranslationForm(self.object).fields["locales"]
        allowed = [
            locale.pk
            for locale in offered.queryset
            if can_translate_into(self.request.user, self.object, locale)
        ]
        return Locale.objects.filter(pk__in=allowed)

    def get_form(self) -> submit_translations.SubmitTranslationForm:
        form = super().get_form()  # type: ignore[misc]
        form.fields["locales"].queryset = self.allowed_locales()
        if isinstance(self.object, Page) and not self.may_edit_source():
            # The subtree holds drafts too (and its label counts them): not for translators
            # who only see what is published.
            form.fields["include_subtree"].widget = forms.HiddenInput()
            form.fields["include_subtree"].disabled = True
        return form


class ScopedSubmitPageTranslationView(
    _ScopedSubmitMixin, submit_translations.SubmitPageTranslationView
):
    """wagtail-localize's "Translate this page", limited to the user's languages."""

    def get_subtitle(self) -> str:
        return self.shown_title()

    def get_success_message(self, locales: str) -> str:
        return _(
            "The page '{page_title}' was successfully submitted for translation into {locales}"
        ).format(page_title=self.shown_title(), locales=locales)

    def shown_title(self) -> str:
        """The draft's title for those who may edit the page; the published one for others."""
        if self.may_edit_source():
            return self.object.get_admin_display_title()
        return self.object.title


class ScopedSubmitSnippetTranslationView(
    _ScopedSubmitMixin, submit_translations.SubmitSnippetTranslationView
):
    """wagtail-localize's "Translate" for snippets, limited to the user's languages."""


class ScopedUpdateTranslationsView(update_translations.UpdateTranslationsView):
    """ "Sync translated pages": for those who may edit the source and, to publish, every target."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(SUBMIT_PERMISSION):
            raise PermissionDenied
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist as error:
            raise Http404 from error
        if not can_edit(request.user, instance):
            raise PermissionDenied
        if request.method == "POST":
            targets = _targets(source)
            # Machine translation writes every language's strings, publishing every language's
            # page: both reach beyond the source, so both need rights on each target.
            if request.POST.get("use_machine_translation") and not all(
                can_edit(request.user, target) for target in targets
            ):
                raise PermissionDenied
            if request.POST.get("publish_translations") and not all(
                can_publish(request.user, target) for target in targets
            ):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _targets(source: TranslationSource) -> list[Any]:
    targets = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            targets.append(translation.get_target_instance())
        except ObjectDoesNotExist:
            continue
    return targets


def translation_target_guard(view: View) -> View:
    """Run ``view`` only for users who may edit the translation's target (page or snippet)."""

    @functools.wraps(view)
    def guarded(request: HttpRequest, translation_id: int, *args: Any, **kwargs: Any) -> Any:
        translation = get_object_or_404(Translation, id=translation_id)
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist as error:
            raise Http404 from error
        if not can_edit(request.user, target):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    guarded.editorial_guard = True  # type: ignore[attr-defined]  (lets tests find the guard)
    return guarded


def convert_to_alias(request: HttpRequest, page_id: int) -> HttpResponse:
    """wagtail-localize's "Convert to alias page", for those who may publish the page.

    An alias mirrors its source, live state included: converting a draft translation of a live
    page publishes it, so it needs the right to publish (for a call: to approve it).
    """
    page = get_object_or_404(Page, id=page_id)
    if not can_publish(request.user, page):
        raise ExplainedRefusal(_("Only those who may publish this page may make it an alias."))
    return convert.convert_to_alias(request, page_id)


@translation_target_guard
def upload_pofile(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Check an uploaded PO file completely before wagtail-localize imports any of it.

    wagtail-localize fails with a server error on a file without its translation id and reports
    success while skipping messages that match no current text; here either case is an error
    message and nothing is imported.
    """
    if request.method != "POST":
        return edit_translation.upload_pofile(request, translation_id)
    translation = get_object_or_404(Translation, id=translation_id)
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, gettext("Choose a PO file to upload."))
        return redirect(next_url)
    problem = po_file_problem(translation, upload.read())
    if problem:
        messages.error(request, gettext("%(problem)s Nothing was imported.") % {"problem": problem})
        return redirect(next_url)
    upload.seek(0)
    return edit_translation.upload_pofile(request, translation_id)


def po_file_problem(translation: Translation, content: bytes) -> str:
    """Why ``content`` cannot be imported into ``translation``; empty if it can."""
    po = _parse_po(content)
    if po is None:
        return gettext("This is not a valid PO file.")
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        return gettext(
            "This PO file was not downloaded from this translation: download the PO file of "
            "'%(object)s' in %(language)s and translate that one."
        ) % {
            "object": translation.source.object_repr,
            "language": translation.target_locale.get_display_name(),
        }
    current = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", "string__data"
        )
    )
    unknown = [
        entry for entry in po if not entry.obsolete and (entry.msgctxt, entry.msgid) not in current
    ]
    if unknown:
        example = unknown[0].msgid[:80]
        return ngettext(
            "%(count)s message in this PO file does not match the current text of "
            "'%(object)s', e.g. \"%(example)s\". Download the PO file again and translate "
            "that one.",
            "%(count)s messages in this PO file do not match the current text of "
            "'%(object)s', e.g. \"%(example)s\". Download the PO file again and translate "
            "that one.",
            len(unknown),
        ) % {"count": len(unknown), "object": translation.source.object_repr, "example": example}
    return ""


def _parse_po(content: bytes) -> polib.POFile | None:
    # polib.pofile() reads a path when given one, so the upload goes through a temporary file
    # (as wagtail-localize does) rather than being passed as text.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(content)
    try:
        return polib.pofile(handle.name, encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    finally:
        os.unlink(handle.name)


@translation_target_guard
def edit_override(
    request: HttpRequest, translation_id: int, overridable_segment_id: int
) -> HttpResponse:
    """Store a translation's override of a synchronised field the field's definition allows.

    wagtail-localize offers the overridable segments it extracted when the source was last
    synced; a field closed to translators since (a link, a date) keeps its old segment until
    then. The segments are rebuilt from the current definitions first, so such a field's
    segment is gone and wagtail-localize answers 404.
    """
    if request.method == "PUT":
        translation = get_object_or_404(Translation, id=translation_id)
        with contextlib.suppress(SourceDeletedError):
            translation.source.refresh_segments()
    return edit_translation.edit_override(request, translation_id, overridable_segment_id)


_guarded = {
    name: translation_target_guard(getattr(edit_translation, name))
    for name in (
        "edit_string_translation",
        "download_pofile",
        "machine_translate",
        "preview_translation",
        "stop_translation",
    )
}

#: wagtail-localize's paths (below /admin/) that create or change translations, in front of its
#: own patterns. Unnamed: reversing wagtail-localize's names yields the same paths.
urlpatterns = [
    path("localize/submit/page/<int:page_id>/", ScopedSubmitPageTranslationView.as_view()),
    path(
        "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        ScopedSubmitSnippetTranslationView.as_view(),
    ),
    path("localize/update/<int:translation_source_id>/", ScopedUpdateTranslationsView.as_view()),
    path(
        "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
        _guarded["edit_string_translation"],
    ),
    path(
        "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        edit_override,
    ),
    path("localize/translate/<int:translation_id>/pofile/download/", _guarded["download_pofile"]),
    path("localize/translate/<int:translation_id>/pofile/upload/", upload_pofile),
    path(
        "localize/translate/<int:translation_id>/machine_translate/",
        _guarded["machine_translate"],
    ),
    path("localize/translate/<int:translation_id>/preview/", _guarded["preview_translation"]),
    path(
        "localize/translate/<int:translation_id>/preview/<str:mode>/",
        _guarded["preview_translation"],
    ),
    path("localize/translate/<int:translation_id>/disable/", _guarded["stop_translation"]),
    path("localize/page/<int:page_id>/convert_to_alias/", convert_to_alias),
]
