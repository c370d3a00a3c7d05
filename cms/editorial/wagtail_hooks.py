"""Admin hooks: language-scoped snippet rights, guarded wagtail-localize views, dashboard panels
and translation status indicators."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from django.contrib.admin.utils import unquote
from django.db.models import Model
from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import SourceDeletedError, Translation

from cms.editorial import localize_views
from cms.editorial.admin_language import default_to_group_language
from cms.editorial.panels import TranslationsAwaitingWorkPanel
from cms.editorial.permissions import (
    can_create_in_locale,
    can_edit,
    can_edit_in_locale,
    can_publish,
)
from cms.editorial.refusals import ExplainedRefusal
from cms.editorial.translation_moderation import SubmitTranslationView, moderation_offer
from cms.editorial.translation_status import translation_state
from cms.editorial.views import NotTranslatedView, TranslationStatusView

# Before wagtail-localize's hooks (order 0): its snippet edit hook answers with its own editor,
# and its URL patterns must come after the guarded copies of them.
FIRST = -10


@hooks.register("register_admin_urls", order=FIRST)
def register_admin_urls() -> list[URLPattern]:
    return [
        *localize_views.urlpatterns,
        path(
            "editorial/translations/<int:translation_id>/",
            TranslationStatusView.as_view(),
            name="editorial_translation_status",
        ),
        path(
            "editorial/not-translated/<str:language_code>/",
            NotTranslatedView.as_view(),
            name="editorial_not_translated",
        ),
        path(
            "editorial/translations/<int:translation_id>/submit/",
            SubmitTranslationView.as_view(),
            name="editorial_submit_translation",
        ),
    ]


# --- Snippets: rights per language -----------------------------------------------------------


@hooks.register("before_create_snippet", order=FIRST)
def refuse_snippet_creation_outside_locales(request: HttpRequest, model: type[Model]) -> None:
    if not issubclass(model, TranslatableMixin):
        return
    if not can_create_in_locale(request.user, model, _creation_locale_id(request, model)):
        raise ExplainedRefusal(
            gettext("You may not add %(kind)s in this language.")
            % {"kind": model._meta.verbose_name}
        )


@hooks.register("before_edit_snippet", order=FIRST)
def refuse_snippet_edit_outside_locales(request: HttpRequest, instance: Model) -> None:
    if isinstance(instance, TranslatableMixin) and not can_edit(request.user, instance):
        raise ExplainedRefusal(
            gettext("You may not edit %(kind)s in this language.")
            % {"kind": instance._meta.verbose_name}
        )


@hooks.register("before_delete_snippet", order=FIRST)
def refuse_snippet_deletion_outside_locales(request: HttpRequest, instances: list[Model]) -> None:
    _refuse_outside_locales(request, instances)


@hooks.register("before_bulk_action", order=FIRST)
def refuse_bulk_actions_outside_locales(
    request: HttpRequest, action_type: str, objects: list[Model], action: Any
) -> None:
    _refuse_outside_locales(request, [obj for obj in objects if not isinstance(obj, Page)])


def _refuse_outside_locales(request: HttpRequest, instances: list[Model]) -> None:
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not can_edit_in_locale(
            request.user, instance.locale_id
        ):
            raise ExplainedRefusal(
                gettext("You may not change %(kind)s in this language.")
                % {"kind": instance._meta.verbose_name}
            )


def _creation_locale_id(request: HttpRequest, model: type[Model]) -> int | None:
    """The language a snippet will be created in, worked out as Wagtail's create view does."""
    match = request.resolver_match
    if match is not None and match.url_name == "copy" and "pk" in match.kwargs:
        # A copy is created in the copied snippet's language.
        original = model._default_manager.filter(pk=unquote(match.kwargs["pk"])).first()
        return original.locale_id if original is not None else None
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else Locale.get_default()
    return locale.pk if locale is not None else None


# --- Users: a translator's admin speaks their language ---------------------------------------


@hooks.register("after_create_user")
def admin_language_of_new_user(request: HttpRequest, user: Any) -> None:
    default_to_group_language(user)


@hooks.register("after_edit_user")
def admin_language_of_edited_user(request: HttpRequest, user: Any) -> None:
    default_to_group_language(user)


# --- Dashboard -------------------------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request: HttpRequest, panels: list[Any]) -> None:
    panels.append(TranslationsAwaitingWorkPanel(request))


# --- Translation status, per page and language -----------------------------------------------


@hooks.register("before_edit_page", order=FIRST)
def warn_when_translation_is_out_of_date(request: HttpRequest, page: Page) -> None:
    """Tell the translator, above wagtail-localize's editor, that the source moved on."""
    if request.method != "GET":
        return
    translation = _translation_of(page)
    if translation is None:
        return
    state = translation_state(translation)
    if state.source_changed or state.target_behind_source:
        source_language = translation.source.locale.get_display_name()
        messages.warning(
            request,
            gettext(
                "This translation is out of date: the %(language)s page changed after this "
                "translation was last synced."
            )
            % {"language": source_language},
            buttons=[
                messages.button(
                    reverse("editorial_translation_status", args=[translation.pk]),
                    gettext("See what changed"),
                )
            ],
        )


@hooks.register("before_edit_page", order=FIRST)
def submit_translations_through_moderation(request: HttpRequest, page: Page) -> None:
    """Offer "Submit for moderation" in wagtail-localize's editor to those who may not publish.

    Before wagtail-localize publishes a translation, its segments are rebuilt from the current
    field definitions, so an override stored before its field was closed to translators (a
    link, a date) is dropped rather than published.
    """
    translation = _translation_of(page)
    if translation is None:
        return
    if request.method == "POST":
        if request.POST.get("action") == "publish" and can_publish(request.user, page):
            with contextlib.suppress(SourceDeletedError):  # wagtail-localize says so itself
                translation.source.refresh_segments()
        return
    offer = moderation_offer(translation, page, request.user)
    if offer is not None:
        messages.info(request, offer.message, buttons=[messages.button(offer.url, offer.button)])


def translation_status_buttons(
    page: Page, user: Any, view_name: str | None = None, next_url: str | None = None
) -> Iterator[Button]:
    """A "Translation: up to date / out of date" button on each translated page."""
    translation = _translation_of(page)
    if translation is None or not can_edit(user, page):
        return
    state = translation_state(translation)
    yield Button(
        gettext("Translation: out of date") if state.stale else gettext("Translation: up to date"),
        reverse("editorial_translation_status", args=[translation.pk]),
        icon_name="warning" if state.out_of_date else "success",
        priority=70,
    )


hooks.register("register_page_header_buttons", translation_status_buttons)
hooks.register("register_page_listing_more_buttons", translation_status_buttons)


def _translation_of(page: Page) -> Translation | None:
    """The wagtail-localize translation whose target is ``page``, if it is one."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related(
            "source", "source__locale", "source__specific_content_type", "target_locale"
        )
        .first()
    )
