"""Factories for contact people, used by tests and the demo loader."""

import factory
from factory.django import DjangoModelFactory

from django.utils.text import slugify

from wagtail.models import Locale

from snippets.people.models import Person


class PersonFactory(DjangoModelFactory):
    """A person in the default language; the same slug and locale returns the existing one."""

    class Meta:
        model = Person
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Ana Novak {n}")
    slug = factory.LazyAttribute(lambda person: slugify(person.name))
    role = "Project coordinator"
    organisation = None
    email = factory.LazyAttribute(lambda person: f"{person.slug}@example.org")
    locale = factory.LazyFunction(Locale.get_default)
