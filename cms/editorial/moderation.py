"""Call moderation: the page types a plugin registers, in every language, run the "Call
moderation" workflow, and so does everything below them.

A plugin registers such a page type from its own ``wagtail_hooks.py`` with the
``register_moderated_section`` hook (a function returning the model), as the calls plugin does
for its index page. The workflow is attached to that page rather than to each language's home
page because Wagtail picks a page's workflow from its nearest ancestor that has one: it covers
exactly the pages below it, while other page types keep Wagtail's default "Moderators approval"
from the tree root. The "Call moderators" group gets its publishing rights on the same pages, so
moderators publish those and nothing else. A new page of a registered type (including the one
wagtail-localize creates when it is translated) is set up when it is saved; existing ones are
set up by this app's data migration.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from django.db.models.signals import post_save

from wagtail import hooks
from wagtail.models import Page, Workflow, WorkflowPage

from cms.editorial.groups import (
    CALL_MODERATORS,
    CALL_WORKFLOW,
    MODERATOR_PAGE_RIGHTS,
    grant_page_rights,
)

#: The Wagtail hook a plugin registers a moderated page type with: a function returning it.
MODERATED_SECTION_HOOK = "register_moderated_section"


def connect() -> None:
    """Listen for new pages; only those of a registered type are set up."""
    post_save.connect(_page_saved, dispatch_uid="editorial.moderated_section_saved")


def moderated_section_models() -> set[type[Page]]:
    """The page types plugins registered with :data:`MODERATED_SECTION_HOOK`."""
    return {register() for register in hooks.get_hooks(MODERATED_SECTION_HOOK)}


def moderate_calls_under(page: Page) -> None:
    """Attach the call moderation workflow and the moderators' rights to ``page``.

    A page that already has a workflow keeps it: an administrator may have chosen another.
    """
    workflow = Workflow.objects.filter(name=CALL_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    moderators = Group.objects.filter(name=CALL_MODERATORS).first()
    if moderators is not None:
        grant_page_rights(moderators, page, MODERATOR_PAGE_RIGHTS)


def _page_saved(sender: type, instance: Any, created: bool = False, **kwargs: Any) -> None:
    # Fixtures (raw saves) bring their own workflow rows; historical models in migrations are
    # not pages of a registered type.
    if not created or kwargs.get("raw", False) or not isinstance(instance, Page):
        return
    if type(instance) in moderated_section_models():
        moderate_calls_under(instance)
