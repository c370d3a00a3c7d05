"""Pages that go live only through their workflow: publishing one is approving it.

Wagtail lets anyone with the publish right skip a page's workflow and press Publish. A page type
that must be reviewed in every language (calls: a translator's title or link is as public as an
editor's) mixes in :class:`PublishedThroughModeration`: then only the approvers of the last step
of its workflow, who would publish it by approving, may publish it directly. Everyone else,
translators with publishing rights on their language's tree included, submits it.

Every Wagtail door to going live asks the page's permission tester (Publish in the editor and in
wagtail-localize's translation editor, bulk publish, revert, copy or alias with the copies live,
a sync that publishes translations), so one tester closes them all.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Page, PagePermissionTester


def may_publish_unreviewed(user: Any, page: Page) -> bool:
    """Whether ``user`` publishing ``page`` now is no more than approving it would do.

    Approving the last step of a workflow publishes the page, so that step's approvers may.
    Without an active workflow, Wagtail's publishing rights decide alone.
    """
    if user.is_superuser:
        return True
    workflow = page.get_workflow()
    if workflow is None:
        return True
    last_step = workflow.tasks.filter(active=True).last()
    if last_step is None:
        return True
    actions = last_step.specific.get_actions(page, user)
    return any(name == "approve" for name, *_rest in actions)


class ModeratedPagePermissionTester(PagePermissionTester):
    """Wagtail's rights, with publishing (here or below) kept to the workflow's approvers."""

    def __init__(self, user: Any, page: Page) -> None:
        super().__init__(user, page)
        self._approver: bool | None = None

    def can_publish(self) -> bool:
        return super().can_publish() and self._is_approver()

    def can_publish_subpage(self) -> bool:
        # A new page below takes this page's workflow (the nearest one up the tree).
        return super().can_publish_subpage() and self._is_approver()

    def _is_approver(self) -> bool:
        if self._approver is None:
            self._approver = may_publish_unreviewed(self.user, self.page)
        return self._approver


class PublishedThroughModeration:
    """Mixed into a page type (before ``Page``) whose pages go live only through moderation."""

    def permissions_for_user(self, user: Any) -> PagePermissionTester:
        return ModeratedPagePermissionTester(user, self)
