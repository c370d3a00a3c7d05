"""Factories for news pages, used by tests and the demo loader."""

import datetime

import factory
import wagtail_factories

from cms.factories import OrderableFactory
from pages.news.models import NewsGalleryImage, NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    intro = "What happens in the network."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    date = datetime.date(2021, 10, 5)
    intro = factory.LazyAttribute(lambda page: f"About {page.title}.")

    class Meta:
        model = NewsPage


class NewsGalleryImageFactory(OrderableFactory):
    image = factory.SubFactory(wagtail_factories.ImageFactory)
    caption = factory.Sequence(lambda n: f"Photo {n}")

    class Meta:
        model = NewsGalleryImage
