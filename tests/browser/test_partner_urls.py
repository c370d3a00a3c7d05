"""The page URLs the CMS gives open the right page of the example partner site, for every page
type, and a page path on the CMS host leads there too."""

import datetime
import re
from typing import Any

import pytest
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import expect

from django.utils import timezone

from wagtail.models import Page

from cms.translation import translate
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.conferences.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
from pages.projects.factories import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def pages(home: Page) -> dict[str, Page]:
    """One page of every type under the English home, each listed on the partner site's home."""
    next_year = timezone.now() + datetime.timedelta(days=365)
    calls = CallIndexPageFactory(parent=home)
    conferences = ConferenceIndexPageFactory(parent=home)
    projects = ProjectIndexPageFactory(parent=home)
    news = NewsIndexPageFactory(parent=home)
    municipalities = MunicipalityIndexPageFactory(parent=home)
    call = CallPageFactory(parent=calls, title="Volunteering in Maribor", slug="maribor")
    call.save_revision().publish()
    return {
        "home": home,
        "calls": calls,
        "call": call,
        "conferences": conferences,
        "conference": ConferencePageFactory(
            parent=conferences,
            title="Volunteering cities forum",
            starts_at=next_year,
            ends_at=next_year + datetime.timedelta(days=1),
            application_deadline=next_year - datetime.timedelta(days=30),
        ),
        "projects": projects,
        "project": ProjectPageFactory(parent=projects, title="Solidarity hosting", slug="shelter"),
        "news": news,
        "news_item": NewsPageFactory(parent=news, title="Mayors met in Novo mesto"),
        "municipalities": municipalities,
        "municipality": MunicipalityPageFactory(parent=municipalities, title="Novo mesto"),
    }


SECTIONS = {
    "home": ("calls", "Open calls"),
    "calls": ("calls", "Open calls"),
    "conferences": ("conferences", "Upcoming conferences"),
    "projects": ("projects", "Projects"),
    "news": ("news", "News"),
    "municipalities": ("municipalities", "Partner municipalities"),
}


def test_every_page_types_url_opens_its_page_on_the_partner_site(
    tab: BrowserPage, live_server: Any, pages: dict[str, Page]
) -> None:
    base = f"{live_server.url}/partner-site"
    for name, page in pages.items():
        url = page.specific.url
        assert url.startswith(f"{base}/"), (name, url)
        tab.goto(url)
        if name in SECTIONS:
            section, heading = SECTIONS[name]
            expect(tab.locator(f"#{section}")).to_be_visible()
            expect(tab.locator(f"#{section}").get_by_role("heading").first).to_have_text(heading)
        else:
            expect(tab.get_by_role("heading", level=1)).to_have_text(page.title)
        expect(tab.get_by_role("alert")).to_have_count(0)


def test_a_page_path_on_the_cms_host_opens_the_page_on_the_partner_site(
    tab: BrowserPage, live_server: Any, pages: dict[str, Page]
) -> None:
    sl_calls = translate(pages["calls"], "sl")
    sl_calls.slug = "klici"
    sl_calls.save_revision().publish()
    sl_call = translate(pages["call"], "sl", {"Volunteering in Maribor": "Prostovoljstvo"})
    sl_call.slug = "prostovoljstvo-v-mariboru"
    sl_call.save_revision().publish()

    tab.goto(f"{live_server.url}/sl/klici/prostovoljstvo-v-mariboru/")

    expect(tab).to_have_url(
        f"{live_server.url}/partner-site/call.html?slug=prostovoljstvo-v-mariboru&locale=sl"
    )
    expect(tab.get_by_role("heading", level=1)).to_have_text("Prostovoljstvo")
    # The switcher leads to the English version by its own slug.
    tab.get_by_role("navigation", name="Jezik").get_by_role("link", name="English").click()
    expect(tab).to_have_url(re.compile(r"/call\.html\?slug=maribor&locale=en$"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Volunteering in Maribor")
