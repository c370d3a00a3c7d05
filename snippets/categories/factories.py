"""Factories for categories, used by tests and the demo loader."""

import factory
from factory.django import DjangoModelFactory

from django.utils.text import slugify

from wagtail.models import Locale

from snippets.categories.models import Category


class CategoryFactory(DjangoModelFactory):
    """A category in the default language; the same slug and locale returns the existing one."""

    class Meta:
        model = Category
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda category: slugify(category.name))
    description = "Projects and events about this theme."
    locale = factory.LazyFunction(Locale.get_default)
