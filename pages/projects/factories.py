"""Factories for project pages and their rows, used by tests and the demo loader."""

import datetime

import factory
import wagtail_factories

from cms.factories import AttachmentFactory, OrderableFactory
from pages.projects.models import (
    ProjectAttachment,
    ProjectEvent,
    ProjectGoal,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    ProjectSocialLink,
)


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Projects"
    slug = "projects"
    intro = "Projects that network members run together."

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    summary = factory.LazyAttribute(lambda page: f"{page.title} brings partners together.")
    start_date = datetime.date(2020, 1, 1)
    end_date = datetime.date(2021, 12, 31)

    class Meta:
        model = ProjectPage


class ProjectPartnerFactory(OrderableFactory):
    role = ProjectPartner.Role.PARTNER

    class Meta:
        model = ProjectPartner


class ProjectGoalFactory(OrderableFactory):
    text = factory.Sequence(lambda n: f"Goal {n}")

    class Meta:
        model = ProjectGoal


class ProjectEventFactory(OrderableFactory):
    title = factory.Sequence(lambda n: f"Meeting {n}")
    start_date = datetime.date(2020, 6, 1)

    class Meta:
        model = ProjectEvent


class ProjectSocialLinkFactory(OrderableFactory):
    network = ProjectSocialLink.Network.FACEBOOK
    url = "https://www.facebook.com/example/"

    class Meta:
        model = ProjectSocialLink


class ProjectAttachmentFactory(AttachmentFactory):
    class Meta:
        model = ProjectAttachment
