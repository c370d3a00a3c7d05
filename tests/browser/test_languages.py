"""A Slovenian or Swedish editor and translator never meet this project's English: the dashboard,
the calls listing, a call's form with an error, the translation editor and the 403 page, and the
partner site, all compared against the English side of the project's own strings."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale, Page

from cms.translation import translate
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallIndexPage, CallPage
from snippets.countries.factories import CountryGroupFactory
from snippets.programmes.factories import ProgrammeActionFactory, ProgrammeFactory
from snippets.programmes.models import Programme
from tests.browser.helpers import PASSWORD, log_in, make_user, set_admin_language
from tests.browser.untranslated import (
    VISIBLE_TEXTS,
    admin_english,
    english_in,
    partner_site_english,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DAY = datetime.timedelta(days=1)
# Past whole days, so that "closes in" reads whole weeks however slow the run.
MARGIN = datetime.timedelta(minutes=30)
# Content (not interface) the pages show: chosen so that none of it is one of the msgids.
INDEX = "Network calls"
CALL = "Youth exchanges in Kranj"
SL_CALL = "Mladinske izmenjave v Kranju"
SV_CALL = "Ungdomsutbyten i Kranj"
SUMMARY = "Young people from partner towns meet in Kranj for a week."
SL_SUMMARY = "Mladi iz partnerskih mest se za teden dni srečajo v Kranju."
WIDE = {"width": 1400, "height": 900}


@pytest.fixture
def programme(locales: Any) -> Programme:
    programme = ProgrammeFactory(name="European Solidarity Corps", acronym="ESC")
    ProgrammeActionFactory(programme=programme, name="Solidarity projects")
    return programme


@pytest.fixture
def index(home: Page) -> CallIndexPage:
    translate(home, "sl", {home.title: "Solidarnostna mreža", home.slug: "sl"})
    translate(home, "sv", {home.title: "Solidaritetsnätverket", home.slug: "sv"})
    index = CallIndexPageFactory(parent=home, title=INDEX, slug="calls")
    translate(index, "sl", {INDEX: "Razpisi mreže"})
    translate(index, "sv", {INDEX: "Nätverkets utlysningar"})
    return index


@pytest.fixture
def call(index: CallIndexPage, programme: Programme) -> CallPage:
    """A live English call closing in three weeks, translated into Slovenian (summary left for
    the translator) and Swedish."""
    now = timezone.now()
    call = CallPageFactory(
        parent=index,
        title=CALL,
        summary=SUMMARY,
        programme=programme,
        opens_at=now - 10 * DAY,
        deadline=now + 21 * DAY + MARGIN,
        time_zone="Europe/Brussels",
        eligible_countries=["SI", "HR"],
    )
    call.eligible_country_groups.set([CountryGroupFactory(name="Western Balkans")])
    call.save_revision().publish()
    CallPageFactory(
        parent=index,
        title="Training course in Celje",
        programme=programme,
        opens_at=now + 14 * DAY,
        deadline=now + 75 * DAY,
    ).save_revision().publish()
    translate(call, "sl", {CALL: SL_CALL})
    translate(call, "sv", {CALL: SV_CALL, SUMMARY: "Unga från partnerstäder möts i Kranj."})
    return call


def chief_editor(language: str) -> Any:
    """A superuser (every panel, every language) whose admin speaks ``language``."""
    user = get_user_model().objects.create_superuser(
        f"chief-{language}", f"chief-{language}@example.org", PASSWORD, first_name="Mojca"
    )
    set_admin_language(user, language)
    return user


def content() -> list[str]:
    """Everything editors wrote that the admin may show: titles and snippet names."""
    texts = set(Page.objects.values_list("title", flat=True))
    texts.update(Page.objects.values_list("draft_title", flat=True))
    texts.update(str(programme) for programme in Programme.objects.all())
    texts.update(Programme.objects.values_list("name", flat=True))
    texts.update([SUMMARY, SL_SUMMARY, "Western Balkans", "Mojca", "Tina", "tina"])
    return list(texts)


def assert_no_english(tab: BrowserPage, language: str, where: str) -> None:
    texts = tab.evaluate(VISIBLE_TEXTS)
    found = english_in(texts, admin_english(language), content())
    assert not found, f"{where} ({language}) shows the project's English: {found}\n\n{texts}"


def test_slovenian_dashboard_and_calls_listing_speak_slovenian(
    tab: BrowserPage, live_server: Any, call: CallPage
) -> None:
    chief_editor("sl")
    log_in(tab, live_server.url, "chief-sl")

    calls = tab.get_by_role("region", name="Razpisi, ki se zaprejo v naslednjih 30 dneh")
    expect(calls).to_contain_text("se zapre čez 3 tedne")
    expect(tab.get_by_role("region", name="Prevodi, ki čakajo na delo")).to_be_visible()
    assert_no_english(tab, "sl", "the dashboard")

    tab.set_viewport_size(WIDE)
    tab.get_by_role("navigation").get_by_role("link", name="Razpisi", exact=True).click()
    listing = tab.get_by_role("table")
    expect(listing.get_by_role("columnheader", name="Rok za prijavo")).to_be_visible()
    row = listing.get_by_role("row").filter(has_text=CALL)
    # A deadline three weeks away reads as a date in the call's time zone, and how far it is.
    expect(row).to_contain_text(" CET")
    expect(row).to_contain_text("čez 3 tedne")
    expect(row.get_by_text("Odprt", exact=True)).to_be_visible()
    upcoming = listing.get_by_role("row").filter(has_text="Training course in Celje")
    expect(upcoming.get_by_text("Prihajajoč", exact=True)).to_be_visible()
    assert_no_english(tab, "sl", "the calls listing")
    # Nothing cut off at 1,400 px: the page does not scroll sideways and no cell overflows.
    overflow = tab.evaluate(
        """() => ({
            page: document.documentElement.scrollWidth - window.innerWidth,
            cells: [...document.querySelectorAll("table.listing th, table.listing td")]
                .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
                .map((cell) => cell.innerText.trim()),
        })"""
    )
    assert overflow == {"page": 0, "cells": []}, overflow


def test_slovenian_call_form_with_an_error_speaks_slovenian(
    tab: BrowserPage, live_server: Any, call: CallPage
) -> None:
    chief_editor("sl")
    log_in(tab, live_server.url, "chief-sl")
    tab.goto(f"{live_server.url}/admin/pages/{call.pk}/edit/")

    tab.get_by_role("tab", name="Datumi").click()
    tab.get_by_role("textbox", name="Rok za prijavo").fill("2020-01-01 12:00")
    tab.get_by_role("button", name="Shrani osnutek").click()

    expect(tab.get_by_role("tab", name="Datumi (1 napaka)")).to_be_visible()
    tab.get_by_role("tab", name="Datumi").click()
    expect(tab.get_by_role("textbox", name="Rok za prijavo")).to_have_accessible_description(
        re.compile(r"Rok za prijavo mora biti po začetku prijav\.$")
    )
    # Every tab of the form, each with its headings, labels, help and choices.
    for name in ("Vsebina", "Datumi", "Upravičenost", "Kontakt in povezave", "Promocija"):
        tab.get_by_role("tab", name=name).first.click()
        assert_no_english(tab, "sl", f"the call form's tab {name}")
    tab.get_by_role("tab", name="Upravičenost").click()
    countries = tab.locator("[data-cms-country-picker]")
    expect(countries.get_by_role("searchbox", name="Poišči državo")).to_be_visible()
    expect(countries.locator("[data-cms-country-ticked]")).to_have_text("Hrvaška, Slovenija")


def test_slovenian_translator_meets_slovenian_in_the_translation_editor_and_refusals(
    tab: BrowserPage, live_server: Any, call: CallPage, programme: Programme
) -> None:
    set_admin_language(make_user("tina", "Translators (sl)"), "sl")
    slovenian = call.get_translation(Locale.objects.get(language_code="sl"))
    log_in(tab, live_server.url, "tina")
    assert_no_english(tab, "sl", "the translator's dashboard")

    tab.goto(f"{live_server.url}/admin/pages/{slovenian.pk}/edit/")
    # wagtail-localize writes this heading in English whatever the language ("… to … translation").
    expect(tab.get_by_role("heading", name="Angleščina to Slovenščina translation")).to_be_visible()
    expect(tab.get_by_role("heading", name="Povzetek", exact=True)).to_be_visible()
    assert_no_english(tab, "sl", "the translation editor")

    # The English programme is not hers to edit: a 403 page, saying why, in Slovenian.
    response = tab.goto(
        f"{live_server.url}/admin/snippets/programmes/programme/edit/{programme.pk}/"
    )
    assert response is not None and response.status == 403
    expect(tab.get_by_role("heading", level=1)).to_have_text("Napaka 403")
    expect(tab.locator("body")).to_contain_text(
        "V tem jeziku ne smete urejati vnosov te vrste (program)."
    )
    expect(tab.get_by_role("link", name="Na nadzorno ploščo")).to_be_visible()
    assert_no_english(tab, "sl", "the 403 page")


def test_swedish_dashboard_speaks_swedish(
    tab: BrowserPage, live_server: Any, call: CallPage
) -> None:
    chief_editor("sv")
    log_in(tab, live_server.url, "chief-sv")

    calls = tab.get_by_role("region", name="Utlysningar som stänger inom 30 dagar")
    expect(calls).to_contain_text("stänger om 3 veckor")
    expect(calls).to_contain_text(" kl. ")
    expect(tab.get_by_role("region", name="Översättningar som väntar på arbete")).to_be_visible()
    assert_no_english(tab, "sv", "the dashboard")


@pytest.mark.parametrize(
    ("language", "heading", "title"),
    [("sl", "Odprti razpisi", SL_CALL), ("sv", "Öppna utlysningar", SV_CALL)],
)
def test_the_partner_site_speaks_the_visitors_language(
    tab: BrowserPage, live_server: Any, call: CallPage, language: str, heading: str, title: str
) -> None:
    tab.goto(f"{live_server.url}/partner-site/?locale={language}")
    expect(tab.get_by_role("heading", level=1)).to_have_text(heading)
    expect(tab.locator("li.call h3")).to_contain_text([title])
    texts = tab.evaluate(VISIBLE_TEXTS)
    assert not english_in(texts, partner_site_english(language), content()), texts

    tab.get_by_role("link", name=title).click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(title)
    texts = tab.evaluate(VISIBLE_TEXTS)
    assert not english_in(texts, partner_site_english(language), content()), texts
