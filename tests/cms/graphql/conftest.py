"""A small tree of pages in every visibility state, built from the home page type."""

from datetime import timedelta
from typing import Any

import pytest

from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from pages.home.models import HomePage


def add_page(parent: Page, slug: str, *, publish: bool = True, **fields: Any) -> HomePage:
    page = parent.add_child(
        instance=HomePage(title=slug.replace("-", " ").title(), slug=slug, **fields)
    )
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
    return page


@pytest.fixture
def tree(home_pages: dict[str, Page]) -> dict[str, Page]:
    """Pages whose titles all contain "Solidarity", in each visibility state."""
    home = home_pages["en"]
    public = add_page(home, "public-solidarity")
    draft = add_page(home, "draft-solidarity", publish=False)
    expired = add_page(home, "expired-solidarity", expire_at=timezone.now() - timedelta(hours=1))
    Page.objects.filter(pk=expired.pk).update(live=True)
    private = add_page(home, "private-solidarity")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    login_only = add_page(home, "members-solidarity")
    PageViewRestriction.objects.create(page=login_only, restriction_type=PageViewRestriction.LOGIN)
    under_private = add_page(private, "inner-solidarity")
    unpublished_parent = add_page(home, "hidden-parent-solidarity", publish=False)
    under_unpublished = add_page(unpublished_parent, "orphan-solidarity")
    public_with_draft = add_page(home, "changed-solidarity")
    public_with_draft.title = "Draft Title Secret"
    public_with_draft.save_revision()
    return {
        "home": home,
        "public": public,
        "draft": draft,
        "expired": expired,
        "private": private,
        "login_only": login_only,
        "under_private": under_private,
        "unpublished_parent": unpublished_parent,
        "under_unpublished": under_unpublished,
        "public_with_draft": public_with_draft,
    }
