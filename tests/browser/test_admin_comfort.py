"""An admin that is pleasant to work in: eligible countries found by typing and ticked with the
keyboard, and GraphiQL working with nothing fetched from another site."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import Request, Route, expect

from django.conf import settings

from wagtail.models import Page

from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallPage
from snippets.programmes.factories import ProgrammeFactory
from tests.browser.helpers import PASSWORD, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUERY = "{ calls { items { title } } }"
GRAPHIQL = settings.BASE_DIR / "cms" / "static" / "cms" / "graphiql" / "graphiql.js"


@pytest.fixture
def call(home: Page) -> CallPage:
    call = CallPageFactory(
        parent=CallIndexPageFactory(parent=home),
        title="Volunteering in Maribor",
        programme=ProgrammeFactory(name="European Solidarity Corps", acronym="ESC"),
        eligible_countries=["HR"],
    )
    call.save_revision().publish()
    return call


def test_eligible_countries_are_found_by_typing_and_ticked_with_the_keyboard(
    tab: BrowserPage, live_server: Any, call: CallPage, django_user_model: Any
) -> None:
    django_user_model.objects.create_superuser("eva", "eva@example.org", PASSWORD)
    log_in(tab, live_server.url, "eva")
    tab.goto(f"{live_server.url}/admin/pages/{call.pk}/edit/")
    tab.get_by_role("tab", name="Eligibility").click()
    countries = tab.locator("[data-cms-country-picker]")
    ticked = countries.locator("[data-cms-country-ticked]")
    expect(ticked).to_have_text("Croatia")

    search = countries.get_by_role("searchbox", name="Find a country")
    search.focus()
    tab.keyboard.type("slov")  # accents and case do not matter: Slovakia, Slovenia
    visible = countries.locator("input[type=checkbox]:visible")
    expect(visible).to_have_count(2)
    tab.keyboard.press("Enter")  # does not submit the page form
    expect(tab).to_have_url(re.compile(rf"/admin/pages/{call.pk}/edit/(#[\w-]*)?$"))
    tab.keyboard.press("Tab")
    expect(countries.get_by_role("checkbox", name="Slovakia")).to_be_focused()
    tab.keyboard.press("Tab")
    expect(countries.get_by_role("checkbox", name="Slovenia")).to_be_focused()
    tab.keyboard.press("Space")
    expect(ticked).to_have_text("Croatia, Slovenia")

    search.fill("zzz")
    expect(countries.get_by_text("No country matches.")).to_be_visible()
    search.fill("")
    tab.get_by_role("button", name="Save draft").click()

    expect(tab.get_by_role("status")).to_contain_text("has been updated")
    call.refresh_from_db()
    assert [
        country.code for country in call.get_latest_revision_as_object().eligible_countries
    ] == [
        "HR",
        "SI",
    ]


def test_graphiql_runs_a_query_with_nothing_fetched_from_another_site(
    tab: BrowserPage, live_server: Any, call: CallPage
) -> None:
    if not GRAPHIQL.exists():
        pytest.fail(
            "GraphiQL is not built: `make graphiql` (which `make test` runs) builds it with npm.",
            pytrace=False,
        )
    own_host = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []

    def offline(route: Route, request: Request) -> None:
        # No network but the CMS itself: a CDN request fails here, as it would offline.
        if urlsplit(request.url).netloc == own_host or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            elsewhere.append(request.url)
            route.abort()

    tab.route("**/*", offline)
    tab.goto(f"{live_server.url}/graphiql/?{urlencode({'query': QUERY})}")

    editor = tab.locator(".graphiql-query-editor .monaco-editor").first
    expect(editor).to_be_visible(timeout=30_000)
    expect(editor).to_contain_text("calls")  # the query from the address, in Monaco
    tab.get_by_role("button", name="Execute query").click()

    expect(tab.locator(".graphiql-response")).to_contain_text(
        "Volunteering in Maribor", timeout=30_000
    )
    assert elsewhere == []
