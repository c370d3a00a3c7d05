"""Factories for programmes and their actions, used by tests and the demo loader."""

import factory
from factory.django import DjangoModelFactory

from django.utils.text import slugify

from wagtail.models import Locale

from cms.factories import OrderableFactory
from snippets.programmes.models import Programme, ProgrammeAction


class ProgrammeFactory(DjangoModelFactory):
    """A programme in the default language; the same slug and locale returns the existing one."""

    class Meta:
        model = Programme
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.LazyAttribute(lambda programme: slugify(programme.name))
    acronym = ""
    description = "A European funding programme."
    website = "https://example.eu/programme/"
    locale = factory.LazyFunction(Locale.get_default)


class ProgrammeActionFactory(OrderableFactory):
    """An action of a programme, in the programme's language."""

    class Meta:
        model = ProgrammeAction
        django_get_or_create = ("programme", "slug")

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Action {n}")
    slug = factory.LazyAttribute(lambda action: slugify(action.name))
    description = ""
    locale = factory.SelfAttribute("programme.locale")
