"""Factories for call pages, used by tests and the demo loader."""

import datetime

import factory
import wagtail_factories

from django.utils import timezone

from cms.factories import AttachmentFactory
from pages.calls.models import CallAttachment, CallIndexPage, CallPage


def _this_minute() -> datetime.datetime:
    return timezone.now().replace(second=0, microsecond=0)


class CallIndexPageFactory(wagtail_factories.PageFactory):
    title = "Calls"
    slug = "calls"
    intro = "Calls for applications from the programmes network members take part in."

    class Meta:
        model = CallIndexPage


class CallPageFactory(wagtail_factories.PageFactory):
    """A call that opened a week ago and closes in three weeks: open now."""

    title = factory.Sequence(lambda n: f"Call {n}")
    summary = factory.LazyAttribute(lambda page: f"Apply for {page.title}.")
    programme = factory.SubFactory(
        "snippets.programmes.factories.ProgrammeFactory",
        name="European Solidarity Corps",
        acronym="ESC",
    )
    opens_at = factory.LazyFunction(lambda: _this_minute() - datetime.timedelta(days=7))
    deadline = factory.LazyFunction(lambda: _this_minute() + datetime.timedelta(days=21))
    min_age = 18
    max_age = 30
    application_url = "https://youth.europa.eu/solidarity_en"

    class Meta:
        model = CallPage


class CallAttachmentFactory(AttachmentFactory):
    class Meta:
        model = CallAttachment
