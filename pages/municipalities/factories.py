"""Factories for municipality pages, used by tests and the demo loader."""

import factory
import wagtail_factories

from pages.municipalities.models import MunicipalityIndexPage, MunicipalityPage


class MunicipalityIndexPageFactory(wagtail_factories.PageFactory):
    title = "Municipalities"
    slug = "municipalities"
    intro = "Towns and cities that take part in the network."

    class Meta:
        model = MunicipalityIndexPage


class MunicipalityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Municipality {n}")
    official_name = factory.LazyAttribute(lambda page: f"Municipality of {page.title}")
    country = "SI"
    region = ""
    short_profile = factory.LazyAttribute(lambda page: f"{page.title} is a network member.")

    class Meta:
        model = MunicipalityPage
