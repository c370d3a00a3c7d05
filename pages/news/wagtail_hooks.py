"""Admin: a flat listing of every news item, filterable by date and category."""

from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet

from cms.partners.feeds import FEEDS_HOOK
from pages.news.feeds import feed_urls
from pages.news.models import NewsPage


class NewsPageFilterSet(PageListingViewSet.filterset_class):
    """Filters for the news listing; Wagtail adds the language filter itself."""

    class Meta:
        model = NewsPage
        fields = {"date": ["gte", "lte"], "categories": ["exact"]}


class NewsPageListingViewSet(PageListingViewSet):
    """Every news item in one list, newest first."""

    model = NewsPage
    icon = "doc-full"
    menu_label = _("News")
    add_to_admin_menu = True
    menu_order = 230
    ordering = "-date"
    columns = [
        *PageListingViewSet.columns,
        DateColumn("date", label=_("Published"), sort_key="date"),
    ]
    filterset_class = NewsPageFilterSet


@hooks.register("register_admin_viewset")
def register_news_listing() -> NewsPageListingViewSet:
    return NewsPageListingViewSet("news_pages")


@hooks.register(FEEDS_HOOK)
def register_news_feeds() -> list[URLPattern]:
    return feed_urls()
