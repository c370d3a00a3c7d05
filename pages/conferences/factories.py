"""Factories for conference pages and their rows, used by tests and the demo loader."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from pages.conferences.models import (
    ConferenceIndexPage,
    ConferenceObjective,
    ConferencePage,
    ConferencePartnerLogo,
    DelegationRole,
)

UTC = datetime.UTC


class ConferenceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Conferences"
    slug = "conferences"
    intro = "Conferences that network members organise or take part in."

    class Meta:
        model = ConferenceIndexPage


class ConferencePageFactory(wagtail_factories.PageFactory):
    """An online conference in May 2021 with its deadline a month before."""

    title = factory.Sequence(lambda n: f"Conference {n}")
    summary = factory.LazyAttribute(lambda page: f"{page.title} brings cities together.")
    format = ConferencePage.Format.ONLINE
    online_platform = "Zoom"
    starts_at = datetime.datetime(2021, 5, 11, 7, 0, tzinfo=UTC)
    ends_at = datetime.datetime(2021, 5, 12, 15, 0, tzinfo=UTC)
    application_deadline = datetime.datetime(2021, 4, 16, 21, 59, tzinfo=UTC)
    working_languages = "en"
    main_organiser = factory.SubFactory(
        "snippets.organisations.factories.OrganisationFactory",
        name="Slovenian National Agency",
        kind="national_agency",
    )

    class Meta:
        model = ConferencePage


class ConferenceObjectiveFactory(DjangoModelFactory):
    text = factory.Sequence(lambda n: f"Objective {n}")

    # Rows keep the order they were made in (Orderable sorts by sort_order; NULLs have none).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ConferenceObjective


class DelegationRoleFactory(DjangoModelFactory):
    role = factory.Sequence(lambda n: f"Delegate {n}")

    # Rows keep the order they were made in (Orderable sorts by sort_order; NULLs have none).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = DelegationRole


class ConferencePartnerLogoFactory(DjangoModelFactory):
    image = factory.SubFactory(wagtail_factories.ImageFactory)

    # Rows keep the order they were made in (Orderable sorts by sort_order; NULLs have none).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ConferencePartnerLogo
