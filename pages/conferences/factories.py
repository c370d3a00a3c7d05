"""Factories for conference pages and their rows, used by tests and the demo loader."""

import datetime

import factory
import wagtail_factories

from cms.factories import AttachmentFactory, OrderableFactory
from pages.conferences.models import (
    ConferenceAttachment,
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


class ConferenceObjectiveFactory(OrderableFactory):
    text = factory.Sequence(lambda n: f"Objective {n}")

    class Meta:
        model = ConferenceObjective


class DelegationRoleFactory(OrderableFactory):
    role = factory.Sequence(lambda n: f"Delegate {n}")

    class Meta:
        model = DelegationRole


class ConferencePartnerLogoFactory(OrderableFactory):
    image = factory.SubFactory(wagtail_factories.ImageFactory)

    class Meta:
        model = ConferencePartnerLogo


class ConferenceAttachmentFactory(AttachmentFactory):
    class Meta:
        model = ConferenceAttachment
