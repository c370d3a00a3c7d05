"""Abstract bases every content plugin builds on; no concrete models live in the core."""

from __future__ import annotations

from django.conf import settings
from django.core import signing

from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview
from wagtail_localize.fields import SynchronizedField, TranslatableField


class BasePage(HeadlessPreviewMixin, Page):
    """Common declarations for every page type: the fields Page itself brings."""

    search_fields = [*Page.search_fields, index.SearchField("search_description")]

    graphql_fields: list = []

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        SynchronizedField("show_in_menus"),
    ]

    template = "cms/page.html"

    class Meta:
        abstract = True

    @classmethod
    def get_page_from_preview_token(cls, token: str) -> Page | None:
        """The draft behind a preview token, or None for a tampered, expired or unknown one."""
        try:
            cls.get_preview_signer().unsign(token, max_age=settings.CMS_PREVIEW_TOKEN_MAX_AGE)
        except signing.BadSignature:  # SignatureExpired is a BadSignature too
            return None
        preview = PagePreview.objects.filter(token=token).first()
        return preview.as_page() if preview is not None else None
