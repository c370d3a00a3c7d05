"""Call moderation: every call index page, in every language, runs the "Call moderation" workflow.

The workflow is attached to call index pages rather than to each language's home page because
Wagtail picks a page's workflow from its nearest ancestor that has one: on the index it covers
exactly the calls below it, while other page types keep Wagtail's default "Moderators
approval" from the tree root. The "Call moderators" group gets its publishing rights on the same
pages, so moderators publish calls and nothing else. A new index page (including the one
wagtail-localize creates when the index is translated) is set up when it is saved; existing ones
are set up by this app's data migration.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models.signals import post_save

from wagtail.models import Page, Workflow, WorkflowPage

from cms.editorial.groups import (
    CALL_MODERATORS,
    CALL_WORKFLOW,
    MODERATOR_PAGE_RIGHTS,
    grant_page_rights,
)

#: The page type whose subtree the call moderation workflow covers.
CALL_INDEX_MODEL = "calls.CallIndexPage"


def connect() -> None:
    """Listen for new call index pages; nothing to do when the calls plugin is not installed."""
    try:
        model = apps.get_model(CALL_INDEX_MODEL)
    except LookupError:
        return
    post_save.connect(_index_saved, sender=model, dispatch_uid="editorial.call_index_saved")


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


def _index_saved(sender: type, instance: Page, created: bool = False, **kwargs: Any) -> None:
    # Fixtures (raw saves) bring their own workflow rows.
    if created and not kwargs.get("raw", False):
        moderate_calls_under(instance)
