"""Moderated sections: the page types a plugin registers, in every language, run the plugin's
workflow, and so does everything below them.

A plugin registers such a page type from its own ``wagtail_hooks.py`` with the
``register_moderated_section`` hook: a function returning a :class:`ModeratedSection` that
names the page type, the workflow, its approval task and the moderators' group (the calls
plugin does so for its index page); the core names none of them. The workflow is attached to
that page rather than to each language's home page because Wagtail picks a page's workflow
from its nearest ancestor that has one: it covers exactly the pages below it, while other page
types keep Wagtail's default "Moderators approval" from the tree root. The moderators' group
gets its publishing rights on the same pages, so moderators publish those and nothing else. A
new page of a registered type (including the one wagtail-localize creates when it is
translated) is set up when it is saved; the group, task and workflow are created after
``migrate`` when missing (:func:`provision_sections`), and existing pages set up then too.

A section may name snippet models with drafts (``WorkflowMixin``, ``DraftStateMixin``) whose
changes reach its pages (the country groups a call is open to): Wagtail assigns a snippet's
workflow by content type, so the workflow is assigned to those models, and the moderators get
the rights to edit, publish and lock them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_save

from wagtail import hooks
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from cms.editorial.groups import (
    ADMIN_ACCESS,
    CHOOSE_MEDIA,
    MODERATOR_PAGE_RIGHTS,
    _grant,
    _last_app_with_models,
    _snippet_permissions,
    _tables_ready,
    grant_page_rights,
)

#: The Wagtail hook a plugin registers a moderated section with: a function returning it.
MODERATED_SECTION_HOOK = "register_moderated_section"

#: Rights the moderators of a section get on the snippet models it names.
MODERATOR_SNIPPET_RIGHTS = ("change", "publish", "lock", "unlock")


@dataclass(frozen=True)
class ModeratedSection:
    """A page type whose pages, and every page below them, go live through ``workflow``."""

    model: type[Page]
    #: The names editors see; they are also how the rows are found again.
    workflow: str
    task: str
    moderators: str
    #: Snippet models with drafts ("app_label.Model") that go live through the same workflow.
    snippets: tuple[str, ...] = ()


def connect() -> None:
    """Listen for new pages; only those of a registered type are set up."""
    post_save.connect(_page_saved, dispatch_uid="editorial.moderated_section_saved")


def moderated_sections() -> list[ModeratedSection]:
    """The sections plugins registered with :data:`MODERATED_SECTION_HOOK`."""
    return [register() for register in hooks.get_hooks(MODERATED_SECTION_HOOK)]


def moderated_section_models() -> set[type[Page]]:
    """The page types of :func:`moderated_sections`."""
    return {section.model for section in moderated_sections()}


def moderate_section(page: Page, section: ModeratedSection) -> None:
    """Attach ``section``'s workflow and its moderators' rights to ``page``.

    A page that already has a workflow keeps it: an administrator may have chosen another.
    """
    workflow = Workflow.objects.filter(name=section.workflow, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    moderators = Group.objects.filter(name=section.moderators).first()
    if moderators is not None:
        grant_page_rights(moderators, page, MODERATOR_PAGE_RIGHTS)


def provision_after_migrate(
    using: str = DEFAULT_DB_ALIAS, app_config: Any = None, **kwargs: Any
) -> None:
    """post_migrate receiver: once per ``migrate``, after the last app's signal (as
    :func:`cms.editorial.groups.provision_after_migrate`)."""
    if app_config is None or app_config.label != _last_app_with_models():
        return
    if _tables_ready(using):
        provision_sections(using)


def provision_sections(using: str = DEFAULT_DB_ALIAS) -> None:
    """Create each section's group, approval task and workflow when missing (an administrator
    may have renamed or retired them: only a missing name is created), and set up its pages."""
    for section in moderated_sections():
        moderators, _created = Group.objects.using(using).get_or_create(name=section.moderators)
        _grant(moderators, [*ADMIN_ACCESS, *CHOOSE_MEDIA], using)
        if not Workflow.objects.using(using).filter(name=section.workflow).exists():
            task = GroupApprovalTask.objects.using(using).filter(name=section.task).first()
            if task is None:
                task = GroupApprovalTask.objects.using(using).create(name=section.task)
                task.groups.set([moderators])
            workflow = Workflow.objects.using(using).create(name=section.workflow)
            WorkflowTask.objects.using(using).create(workflow=workflow, task=task, sort_order=0)
        for page in section.model.objects.using(using).all():
            moderate_section(page, section)
        moderate_snippets(section, moderators, using)


def moderate_snippets(section: ModeratedSection, moderators: Group, using: str) -> None:
    """Assign ``section``'s workflow to the snippet models it names (a model that already has
    one keeps it) and give its moderators their rights on them; models not installed are
    skipped."""
    models = []
    for label in section.snippets:
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    workflow = Workflow.objects.using(using).filter(name=section.workflow, active=True).first()
    if workflow is not None:
        for model in models:
            content_type = ContentType.objects.db_manager(using).get_for_model(model)
            WorkflowContentType.objects.using(using).get_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )
    _grant(moderators, _snippet_permissions(models, MODERATOR_SNIPPET_RIGHTS, using), using)


def _page_saved(sender: type, instance: Any, created: bool = False, **kwargs: Any) -> None:
    # Fixtures (raw saves) bring their own workflow rows; historical models in migrations are
    # not pages of a registered type.
    if not created or kwargs.get("raw", False) or not isinstance(instance, Page):
        return
    for section in moderated_sections():
        if type(instance) is section.model:
            moderate_section(instance, section)
