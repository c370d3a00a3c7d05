"""Rich text rendered for readers links only to pages they may see."""

from __future__ import annotations

from django.db.models import Model

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from cms.graphql.visibility import public_pages


class PublicPageLinkHandler(PageLinkHandler):
    """A link to a draft, expired or restricted page renders as plain text (``<a>``)."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Model | None]:
        ids = [attrs.get("id") for attrs in attrs_list]
        visible = public_pages(Page.objects.filter(id__in=ids)).defer_streamfields().specific()
        by_id = {str(page.id): page for page in visible}
        return [by_id.get(str(id_)) for id_ in ids]
