"""Submitting a translation to its page's workflow, from wagtail-localize's editor.

wagtail-localize's translation editor offers "Publish" and nothing else: someone who may not
publish a page (a translator, for a call) has no way to send the translated text for review.
Here the translated text becomes a draft revision of the page and enters the page's workflow
(Wagtail's "Submit for moderation"); the workflow's approvers publish it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, Revision, Workflow, WorkflowState
from wagtail_localize.models import Translation

from cms.editorial.permissions import can_edit, can_publish
from cms.editorial.refusals import ExplainedRefusal


@dataclass(frozen=True)
class ModerationOffer:
    """What the translation editor tells someone who submits rather than publishes."""

    message: str
    button: str
    url: str


def moderation_offer(translation: Translation, page: Page, user: Any) -> ModerationOffer | None:
    """The "Submit for moderation" offer for ``page``, unless ``user`` publishes it directly."""
    if not can_edit(user, page) or can_publish(user, page):
        return None
    workflow = page.get_workflow()
    if workflow is None:
        return None
    url = reverse("editorial_submit_translation", args=[translation.pk])
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        message = _(
            "This translation awaits approval in “%(workflow)s”. Changes you make now reach "
            "the moderators when you submit again."
        )
        button = _("Submit again")
    elif state is not None:
        message = _("Changes were requested in “%(workflow)s”. Submit again when they are made.")
        button = _("Submit again")
    else:
        message = _(
            "This translation goes live through “%(workflow)s”. When it is ready, submit it "
            "for moderation."
        )
        button = _("Submit for moderation")
    return ModerationOffer(message % {"workflow": workflow.name}, button, url)


@transaction.atomic
def submit_for_moderation(
    translation: Translation, page: Page, workflow: Workflow, user: Any
) -> None:
    """Save the translated text as a draft of ``page`` and send it through ``workflow``."""
    # Segments follow the current field definitions: an override stored before its field was
    # closed to translators (a link, a date) is dropped rather than submitted.
    translation.source.refresh_segments()
    live_revision = Page.objects.get(pk=page.pk).live_revision if page.live else None
    translation.save_target(user=user, publish=False)
    if live_revision is not None:
        _restore_live_version(live_revision)
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    if state is None:
        workflow.start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    # In progress: the new draft is what the moderators approve (and what approval publishes).


def _restore_live_version(live_revision: Revision) -> None:
    """Put ``live_revision``'s content back in the page's row.

    wagtail-localize saves a translation's text into the page's row before it makes the
    revision, even when it does not publish: for a live page that would put the unapproved
    text in front of every reader. The draft stays the latest revision, which is what the
    moderators review and what approval publishes (as Wagtail's own "Save draft" leaves it).
    """
    restored = live_revision.as_object()  # the row's editorial fields, the live content
    restored.live_revision_id = live_revision.pk
    restored.has_unpublished_changes = True
    restored.save(clean=False)


class SubmitTranslationView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then submit a page's translation for moderation."""

    template_name = "editorial/submit_translation.html"
    header_icon = "resubmit"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.translation = get_object_or_404(
            Translation.objects.select_related("source", "target_locale"),
            pk=kwargs["translation_id"],
            enabled=True,
        )
        try:
            page = self.translation.get_target_instance()
        except ObjectDoesNotExist as error:
            raise Http404 from error
        if not isinstance(page, Page):
            raise Http404
        try:
            self.translation.source.get_source_instance()
        except ObjectDoesNotExist as error:
            raise Http404 from error  # nothing left to translate from
        self.page = page
        if not can_edit(request.user, page):
            raise ExplainedRefusal(_("You may not edit this page in this language."))
        if page.permissions_for_user(request.user).page_locked():
            raise ExplainedRefusal(_("This page is locked."))
        workflow = page.get_workflow()
        if workflow is None:
            raise ExplainedRefusal(_("This page has no moderation workflow to submit it to."))
        self.workflow = workflow
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Submit for moderation")

    def get_page_subtitle(self) -> str:
        return f"{self.page.get_admin_display_title()} ({self.language()})"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def language(self) -> str:
        return str(self.translation.target_locale.get_display_name())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "title": self.page.get_admin_display_title(),
                "language": self.language(),
                "workflow": self.workflow,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            }
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        submit_for_moderation(self.translation, self.page, self.workflow, request.user)
        messages.success(
            request,
            _("The %(language)s translation of “%(title)s” has been submitted to “%(workflow)s”.")
            % {
                "language": self.language(),
                "title": Page.objects.get(pk=self.page.pk).get_admin_display_title(),
                "workflow": self.workflow.name,
            },
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)
