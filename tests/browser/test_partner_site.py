"""The example partner site: a visitor reads open calls and a call in their language."""

import datetime
import re
import zoneinfo
from typing import Any

import pytest
import wagtail_factories
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import expect

from django.utils import timezone

from wagtail.models import Page

from cms.translation import translate
from pages.calls.factories import (
    CallAttachmentFactory,
    CallIndexPageFactory,
    CallPageFactory,
)
from pages.calls.models import CallIndexPage, CallPage
from snippets.programmes.factories import ProgrammeActionFactory, ProgrammeFactory
from tests.browser.helpers import rich_text_body

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
SLOVENIAN = {
    "Calls": "Razpisi",
    "Volunteering in Maribor": "Prostovoljstvo v Mariboru",
    "Young people help the city's food bank.": "Mladi pomagajo mestni banki hrane.",
    "How to apply: send the form before the deadline.": (
        "Kako se prijaviti: pošljite obrazec pred rokom."
    ),
}


@pytest.fixture
def index(home: Page) -> CallIndexPage:
    return CallIndexPageFactory(parent=home)


@pytest.fixture
def call(index: CallIndexPage, live_server: Any, settings: Any) -> CallPage:
    """An open call with a lead image and a guide, translated to Slovenian through
    wagtail-localize and published."""
    # Image and document addresses are absolute: on this server, as the site's CSP requires.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    programme = ProgrammeFactory(name="European Solidarity Corps", acronym="ESC")
    action = ProgrammeActionFactory(programme=programme, name="Volunteering projects")
    deadline = (timezone.now() + datetime.timedelta(days=30)).astimezone(LJUBLJANA)
    call = CallPageFactory(
        parent=index,
        title="Volunteering in Maribor",
        slug="volunteering-in-maribor",
        summary="Young people help the city's food bank.",
        programme=programme,
        programme_action=action,
        deadline=deadline.replace(hour=12, minute=0, second=0, microsecond=0),
        eligible_countries=["SI", "HR"],
        application_url="https://apply.example.org/maribor",
        body=rich_text_body("<p>How to apply: send the form before the deadline.</p>"),
        lead_image=wagtail_factories.ImageFactory(
            title="Food bank", file__width=1600, file__height=900
        ),
        lead_image_alt="Volunteers sort food at the Maribor food bank",
    )
    CallAttachmentFactory(page=call, title="Guide for applicants", kind="guide", language="en")
    call.save_revision().publish()
    translate(index, "sl", SLOVENIAN)
    translate(call, "sl", SLOVENIAN)
    return call


def test_visitor_lists_open_calls_and_switches_to_slovenian(
    tab: BrowserPage, live_server: Any, index: CallIndexPage, call: CallPage
) -> None:
    CallPageFactory(parent=index, title="Youth exchanges in Kranj", slug="youth-exchanges-kranj")
    now = timezone.now()
    CallPageFactory(
        parent=index,
        title="Closed call for trainers",
        opens_at=now - datetime.timedelta(days=60),
        deadline=now - datetime.timedelta(days=1),
    )

    tab.goto(f"{live_server.url}/partner-site/")

    expect(tab.get_by_role("heading", level=1)).to_have_text("Open calls")
    cards = tab.locator("li.call")
    # Soonest deadline first: Kranj closes in three weeks, Maribor in thirty days.
    expect(cards.locator("h3")).to_have_text(
        ["Youth exchanges in Kranj", "Volunteering in Maribor"]
    )
    expect(tab.get_by_text("Closed call for trainers")).to_have_count(0)
    maribor = cards.filter(has_text="Volunteering in Maribor")
    expect(maribor).to_contain_text("European Solidarity Corps")
    expect(maribor).to_contain_text("Croatia, Slovenia")
    expect(maribor.locator(".also-in")).to_have_text(
        "Also in: Prostovoljstvo v Mariboru (Slovenščina)"
    )

    tab.get_by_role("navigation", name="Language").get_by_role("link", name="Slovenščina").click()

    expect(tab).to_have_url(re.compile(r"/partner-site/\?locale=sl$"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Odprti razpisi")
    expect(tab.locator("html")).to_have_attribute("lang", "sl")
    expect(cards.locator("h3")).to_have_text(
        ["Youth exchanges in Kranj", "Prostovoljstvo v Mariboru"]
    )
    expect(cards.nth(1)).to_contain_text("Mladi pomagajo mestni banki hrane.")
    expect(cards.nth(1)).to_contain_text("Hrvaška, Slovenija")
    # Not translated yet: the English version stands in, and says so.
    expect(cards.first.locator(".fallback")).to_have_text(
        "Še ni prevedeno: prikazano v angleščini."
    )
    # The site's own frame follows the visitor's language too.
    expect(tab.locator(".brand")).to_have_text("Solidarnostna mreža")
    expect(tab.locator(".site-footer")).to_have_text(
        "Vsebina iz sistema Solidarity CMS prek njegovega vmesnika GraphQL."
    )


def test_visitor_reads_a_call_and_its_slovenian_version(
    tab: BrowserPage, live_server: Any, call: CallPage
) -> None:
    tab.goto(f"{live_server.url}/partner-site/")
    tab.get_by_role("link", name="Volunteering in Maribor").click()

    expect(tab).to_have_url(re.compile(r"/call\.html\?slug=volunteering-in-maribor&locale=en$"))
    expect(tab).to_have_title("Volunteering in Maribor")
    article = tab.locator("article.call")
    expect(article.get_by_role("heading", level=1)).to_have_text("Volunteering in Maribor")
    expect(article.locator(".status")).to_have_text("Open")
    facts = dict(
        zip(
            article.locator("dt").all_inner_texts(),
            article.locator("dd").all_inner_texts(),
            strict=True,
        )
    )
    deadline = call.deadline.astimezone(LJUBLJANA)
    assert facts["Programme"] == "European Solidarity Corps – Volunteering projects"
    assert facts["Deadline"] == f"{deadline:%B} {deadline.day}, {deadline.year} at 12:00 PM"
    assert facts["Eligible countries"] == "Croatia, Slovenia"
    assert facts["Age"] == "18–30"
    apply = article.get_by_role("link", name="Apply online")
    expect(apply).to_have_attribute("href", "https://apply.example.org/maribor")
    expect(article.locator(".body")).to_have_text(
        "How to apply: send the form before the deadline."
    )
    # One lead image, with the page's alt text and the sizes the browser may pick from.
    image = article.locator("img")
    expect(image).to_have_count(1)
    expect(image).to_be_visible()
    expect(image).to_have_attribute("alt", "Volunteers sort food at the Maribor food bank")
    expect(image).to_have_attribute("srcset", re.compile(r" 480w, .+ 960w, .+ 1600w$"))
    # Loaded from the server, not a broken image.
    assert image.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    # One document: its title is the link, then its kind, language, type and size.
    documents = article.locator("ul.attachments > li")
    expect(documents).to_have_count(1)
    guide = documents.get_by_role("link", name="Guide for applicants")
    expect(guide).to_be_visible()
    expect(guide).to_have_attribute("href", re.compile(rf"^{re.escape(live_server.url)}/.+\.pdf$"))
    expect(documents).to_contain_text("(Guide · English · PDF, ")
    switcher = tab.get_by_role("navigation", name="Language")
    # No Swedish version is published: the switcher offers none.
    expect(switcher.get_by_role("link", name="Svenska")).to_have_count(0)
    expect(switcher.get_by_text("Svenska")).to_have_class("unavailable")

    switcher.get_by_role("link", name="Slovenščina").click()

    expect(tab).to_have_url(re.compile(r"slug=volunteering-in-maribor&locale=sl$"))
    expect(article.get_by_role("heading", level=1)).to_have_text("Prostovoljstvo v Mariboru")
    expect(article.locator(".status")).to_have_text("Odprt")
    expect(article.locator(".body")).to_have_text("Kako se prijaviti: pošljite obrazec pred rokom.")
    expect(article.get_by_role("link", name="Prijava na spletu")).to_have_attribute(
        "href", "https://apply.example.org/maribor"
    )
