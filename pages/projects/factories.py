"""Factories for project pages and their rows, used by tests and the demo loader."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from pages.projects.models import (
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


class ProjectPartnerFactory(DjangoModelFactory):
    role = ProjectPartner.Role.PARTNER

    # Rows keep the order they were made in (Orderable sorts by sort_order; NULLs have none).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ProjectPartner


class ProjectGoalFactory(DjangoModelFactory):
    text = factory.Sequence(lambda n: f"Goal {n}")

    # Rows keep the order they were made in (Orderable sorts by sort_order; NULLs have none).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ProjectGoal


class ProjectEventFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Meeting {n}")
    start_date = datetime.date(2020, 6, 1)

    # Rows keep the order they were made in (Orderable sorts by sort_order; NULLs have none).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ProjectEvent


class ProjectSocialLinkFactory(DjangoModelFactory):
    network = ProjectSocialLink.Network.FACEBOOK
    url = "https://www.facebook.com/example/"

    # Rows keep the order they were made in (Orderable sorts by sort_order; NULLs have none).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ProjectSocialLink
