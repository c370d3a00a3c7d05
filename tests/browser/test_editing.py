"""An editor creates a call in the admin, fixes what the form refuses, and submits it; a call
moderator approves it and only then does the partner site show it."""

import datetime
import re
import zoneinfo
from typing import Any

import pytest
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import expect

from django.utils import timezone

from wagtail.models import Page

from pages.calls.factories import CallIndexPageFactory
from pages.calls.models import CallIndexPage, CallPage
from snippets.countries.factories import CountryGroupFactory
from snippets.programmes.factories import ProgrammeFactory
from tests.browser.helpers import log_in, make_user, public_graphql

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
TITLE = "Solidarity projects in Novo mesto"
CALL_QUERY = (
    '{ call(slug: "solidarity-projects-in-novo-mesto") {'
    " title status allEligibleCountries { code } } calls { items { title } } }"
)


def day(offset: int, time: str) -> str:
    """A date ``offset`` days from today in Ljubljana, as the admin's date-time field takes it."""
    date = timezone.now().astimezone(LJUBLJANA).date() + datetime.timedelta(days=offset)
    return f"{date:%Y-%m-%d} {time}"


@pytest.fixture
def index(home: Page) -> CallIndexPage:
    ProgrammeFactory(name="European Solidarity Corps", acronym="ESC")
    CountryGroupFactory(name="Western Balkans", countries=["AL", "BA", "ME"])
    return CallIndexPageFactory(parent=home)


def test_editor_creates_and_submits_a_call_and_a_moderator_publishes_it(
    tab: BrowserPage, live_server: Any, index: CallIndexPage
) -> None:
    make_user("erika", "Editors")
    make_user("mojca", "Call moderators")
    log_in(tab, live_server.url, "erika")

    tab.get_by_role("navigation").get_by_role("link", name="Calls", exact=True).click()
    tab.get_by_role("link", name="Add call page").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("New: Call page")
    tab.get_by_role("textbox", name="Title").fill(TITLE)
    tab.get_by_role("textbox", name="Summary").fill("Groups of young people run a local project.")
    tab.get_by_role("button", name="Choose programme").click()
    tab.get_by_role("dialog").get_by_role("link", name="European Solidarity Corps (ESC)").click()
    expect(tab.get_by_role("region", name="Programme")).to_contain_text("European Solidarity Corps")
    tab.get_by_role("tab", name="Eligibility").click()
    tab.get_by_role("checkbox", name="Western Balkans").check()
    countries = tab.locator("[data-cms-country-picker]")
    countries.get_by_role("searchbox", name="Find a country").fill("sloven")
    countries.get_by_role("checkbox", name="Slovenia").check()
    countries.get_by_role("searchbox", name="Find a country").fill("kosovo")
    countries.get_by_role("checkbox", name="Kosovo*").check()
    expect(countries.get_by_text("Ticked:")).to_be_visible()
    expect(countries.locator("[data-cms-country-ticked]")).to_have_text("Kosovo*, Slovenia")
    tab.get_by_role("tab", name="Dates").click()
    # The deadline comes before the opening, and the application link is no URL.
    tab.get_by_role("textbox", name="Opens").fill(day(10, "09:00"))
    tab.get_by_role("textbox", name="Deadline").fill(day(5, "12:00"))
    tab.get_by_role("textbox", name="Application form").fill("apply at the town hall")
    tab.get_by_role("button", name="Save draft").click()

    expect(tab.get_by_role("status")).to_contain_text("could not be created due to validation")
    expect(tab.get_by_role("tab", name="Dates (2 errors)")).to_be_visible()
    tab.get_by_role("tab", name="Dates").click()
    deadline = tab.get_by_role("textbox", name="Deadline")
    application = tab.get_by_role("textbox", name="Application form")
    expect(deadline).to_have_attribute("aria-invalid", "true")
    expect(deadline).to_have_accessible_description(
        re.compile(r"The deadline must be after the opening date\.$")
    )
    expect(application).to_have_attribute("aria-invalid", "true")
    expect(application).to_have_accessible_description(re.compile(r"Enter a valid URL\.$"))
    expect(tab.get_by_role("textbox", name="Opens")).not_to_have_attribute("aria-invalid", "true")
    expect(tab.get_by_role("textbox", name="Opens")).not_to_have_accessible_description(
        re.compile("deadline must be")
    )
    assert not CallPage.objects.exists()

    tab.get_by_role("textbox", name="Opens").fill(day(-1, "09:00"))
    deadline.fill(day(30, "12:00"))
    application.fill("https://apply.example.org/novo-mesto")
    tab.get_by_role("button", name="Save draft").click()

    expect(tab.get_by_role("status")).to_contain_text(f"Page '{TITLE}' created.")
    call = CallPage.objects.get(title=TITLE)
    assert not call.live
    assert call.application_url == "https://apply.example.org/novo-mesto"
    # What was chosen before the form was refused is kept, not lost.
    assert [group.name for group in call.eligible_country_groups.all()] == ["Western Balkans"]
    assert [country.code for country in call.eligible_countries] == ["SI", "XK"]

    tab.get_by_role("button", name="More actions").click()
    # Calls are moderated: the editor may submit, never publish.
    expect(tab.get_by_role("button", name="Publish")).to_have_count(0)
    tab.get_by_role("button", name="Submit to Call moderation").click()
    expect(tab.get_by_role("status")).to_contain_text("submitted")
    call.refresh_from_db()
    assert not call.live
    assert call.current_workflow_task.name == "Call moderators approval"
    assert public_graphql(CALL_QUERY) == {"call": None, "calls": {"items": []}}
    tab.goto(f"{live_server.url}/partner-site/")
    expect(tab.locator("p.empty")).to_have_text("There are no open calls at the moment.")

    tab.context.clear_cookies()
    log_in(tab, live_server.url, "mojca")
    tab.goto(f"{live_server.url}/admin/pages/{call.pk}/edit/")
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(tab.get_by_role("status")).to_contain_text(f"Page '{TITLE}' has been updated.")
    expect(tab.get_by_role("link", name="Current page status: live")).to_be_visible()

    call.refresh_from_db()
    assert call.live
    assert public_graphql(CALL_QUERY) == {
        "call": {
            "title": TITLE,
            "status": "OPEN",
            "allEligibleCountries": [{"code": code} for code in ("AL", "BA", "ME", "SI", "XK")],
        },
        "calls": {"items": [{"title": TITLE}]},
    }
    tab.goto(f"{live_server.url}/partner-site/")
    card = tab.locator("li.call")
    expect(card.locator("h3")).to_have_text([TITLE])
    expect(card.get_by_text("European Solidarity Corps")).to_be_visible()
