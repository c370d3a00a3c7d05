"""Factories for organisations and their profile rows, used by tests and the demo loader."""

import datetime

import factory
from factory.django import DjangoModelFactory

from django.utils.text import slugify

from wagtail.models import Locale

from cms.factories import OrderableFactory
from snippets.organisations.models import (
    OpeningHours,
    Organisation,
    OrganisationSocialLink,
    QualityLabel,
)


class OrganisationFactory(DjangoModelFactory):
    """An organisation in the default language; an existing slug and locale is reused."""

    class Meta:
        model = Organisation
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.LazyAttribute(lambda organisation: slugify(organisation.name))
    kind = Organisation.Kind.NGO
    short_description = "A volunteering organisation."
    city = "Ljubljana"
    country = "SI"
    locale = factory.LazyFunction(Locale.get_default)


class OrganisationSocialLinkFactory(OrderableFactory):
    class Meta:
        model = OrganisationSocialLink
        django_get_or_create = ("organisation", "network")

    organisation = factory.SubFactory(OrganisationFactory)
    network = OrganisationSocialLink.Network.INSTAGRAM
    url = factory.LazyAttribute(
        lambda link: f"https://www.{link.network}.com/{link.organisation.slug}/"
    )


class OpeningHoursFactory(OrderableFactory):
    """Monday to Friday 9:00–17:00 unless told otherwise."""

    class Meta:
        model = OpeningHours

    organisation = factory.SubFactory(OrganisationFactory)
    first_day = OpeningHours.Weekday.MONDAY
    last_day = OpeningHours.Weekday.FRIDAY
    opens = datetime.time(9, 0)
    closes = datetime.time(17, 0)
    until_midnight = False
    note = ""
    locale = factory.SelfAttribute("organisation.locale")


class QualityLabelFactory(OrderableFactory):
    class Meta:
        model = QualityLabel

    organisation = factory.SubFactory(OrganisationFactory)
    name = "European Solidarity Corps Quality Label"
    programme = None
    year_granted = 2018
    year_renewed = None
    locale = factory.SelfAttribute("organisation.locale")
