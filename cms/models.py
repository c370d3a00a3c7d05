"""Abstract bases every content plugin builds on; no concrete models live in the core."""

from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class BasePage(Page):
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
