"""Factories for country groups, used by tests and the demo loader."""

import factory
from factory.django import DjangoModelFactory

from django.utils.text import slugify

from wagtail.models import Locale

from snippets.countries.models import CountryGroup


class CountryGroupFactory(DjangoModelFactory):
    """A country group in the default language; an existing slug and locale is reused."""

    class Meta:
        model = CountryGroup
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Country group {n}")
    slug = factory.LazyAttribute(lambda group: slugify(group.name))
    description = ""
    countries = ["SI", "HR"]
    locale = factory.LazyFunction(Locale.get_default)
