"""/feeds/news.atom?locale=sl: the latest news of one language, with Django's syndication."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale

from cms.frontend import frontend_base, frontend_url
from cms.partners.feeds import FeedArgumentError, feed_locale, feed_view
from pages.news.models import NewsPage
from pages.news.selectors import news_for_api

#: The newest items a feed reader gets.
ITEMS = 50


class NewsFeed(Feed):
    """Atom feed of one language's news."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Locale:
        return feed_locale(request)

    def title(self, locale: Locale) -> str:
        with translation.override(locale.language_code):
            return _("News")

    def link(self, locale: Locale) -> str:
        return frontend_base() + "/"

    def feed_url(self, locale: Locale) -> str:
        return f"/feeds/news.atom?locale={locale.language_code}"

    def subtitle(self, locale: Locale) -> str:
        return ""

    def items(self, locale: Locale) -> list[NewsPage]:
        return list(news_for_api(locale)[:ITEMS])

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.intro

    def item_link(self, item: NewsPage) -> str:
        return frontend_url(item) or frontend_base() + "/"

    def item_guid(self, item: NewsPage) -> str:
        return f"urn:solidarity-cms:news:{item.translation_key}:{item.locale.language_code}"

    def item_guid_is_permalink(self, item: NewsPage) -> bool:
        return False

    def item_pubdate(self, item: NewsPage) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item: NewsPage) -> datetime.datetime | None:
        return item.last_published_at

    def item_author_name(self, item: NewsPage) -> str | None:
        return item.byline or None


_news_feed = NewsFeed()


def news_atom(request: HttpRequest) -> tuple[bytes, str]:
    """The Atom document of the ``locale`` parameter's language."""
    try:
        response: HttpResponse = _news_feed(request)
    except Http404 as error:  # pragma: no cover - get_object raises FeedArgumentError
        raise FeedArgumentError(str(error)) from error
    return response.content, response["Content-Type"]


def feed_urls() -> list[URLPattern]:
    return [path("news.atom", feed_view(news_atom), name="news_atom")]
