"""An editor's dashboard: the calls closing within 30 days and the translations awaiting work,
per language."""

import datetime
import re
from typing import Any

import pytest
from playwright.sync_api import Locator, expect
from playwright.sync_api import Page as BrowserPage

from django.urls import reverse
from django.utils import dateformat, timezone

from wagtail.models import Page

from cms.translation import translate
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallIndexPage, CallPage
from snippets.programmes.factories import ProgrammeFactory
from snippets.programmes.models import Programme
from tests.browser.helpers import log_in, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DAY = datetime.timedelta(days=1)
# Past whole days, so that "closes in" reads whole days (the panel shows two units at most).
MARGIN = datetime.timedelta(minutes=30)
INTRO = "Calls for applications from the programmes network members take part in."


@pytest.fixture
def index(home: Page) -> CallIndexPage:
    """The calls index; it and the home page are fully translated: no work left there."""
    # Migrate creates each language's home page with nothing translated yet.
    translate(home, "sl", {home.title: "Solidarnostna mreža", home.slug: "sl"})
    translate(home, "sv", {home.title: "Solidaritetsnätverket", home.slug: "sv"})
    index = CallIndexPageFactory(parent=home, intro=INTRO)
    translate(index, "sl", {"Calls": "Razpisi", INTRO: "Razpisi, v katerih sodeluje mreža."})
    translate(index, "sv", {"Calls": "Utlysningar", INTRO: "Utlysningar som nätverket deltar i."})
    return index


@pytest.fixture
def programme(locales: Any) -> Programme:
    return ProgrammeFactory(name="European Solidarity Corps", acronym="ESC")


def call(
    index: CallIndexPage,
    programme: Programme,
    title: str,
    deadline: datetime.datetime,
    **kwargs: Any,
) -> CallPage:
    return CallPageFactory(
        parent=index,
        title=title,
        summary=f"How to apply for {title}.",
        programme=programme,
        opens_at=deadline - 40 * DAY,
        deadline=deadline,
        **kwargs,
    )


def deadline_text(call: CallPage) -> str:
    """The deadline as the panel prints it, in the server's time zone."""
    return dateformat.format(timezone.localtime(call.deadline), "j M Y, H:i T")


def body_rows(table: Locator) -> Locator:
    """The rows of a table's body (dashboard tables keep a header row for screen readers)."""
    return table.get_by_role("row").filter(has=table.page.get_by_role("cell"))


def test_editor_sees_calls_closing_soon_and_translations_awaiting_work(
    tab: BrowserPage, live_server: Any, index: CallIndexPage, programme: Programme
) -> None:
    now = timezone.now()
    later = call(index, programme, "Youth exchanges in Kranj", now + 21 * DAY + MARGIN)
    sooner = call(index, programme, "Volunteering in Maribor", now + 5 * DAY + MARGIN)
    call(index, programme, "Training course in Celje", now + 45 * DAY)
    call(index, programme, "Closed call for trainers", now - DAY)
    call(index, programme, "Draft call in Ptuj", now + 3 * DAY, live=False)
    # Slovenian: the title is translated, the summary still waits. Swedish: all done.
    slovenian = translate(sooner, "sl", {sooner.title: "Prostovoljstvo v Mariboru"})
    translate(
        sooner,
        "sv",
        {sooner.title: "Volontärarbete i Maribor", sooner.summary: "Ansök om volontärarbete."},
    )
    make_user("erika", "Editors")

    log_in(tab, live_server.url, "erika")

    calls = tab.get_by_role("region", name="Calls closing in the next 30 days")
    expect(calls.get_by_role("heading", level=3)).to_have_text(["English", "Slovenian", "Swedish"])
    english, slovene, swedish = calls.get_by_role("table").all()
    # Nearest deadline first; neither the call beyond 30 days, the closed one nor the draft.
    closes = f"{deadline_text(sooner)} closes in 5 days"
    expect(body_rows(english)).to_have_text(
        [
            f"Volunteering in Maribor {closes}",
            f"Youth exchanges in Kranj {deadline_text(later)} closes in 3 weeks",
        ]
    )
    expect(body_rows(slovene)).to_have_text([f"Prostovoljstvo v Mariboru {closes}"])
    expect(body_rows(swedish)).to_have_text([f"Volontärarbete i Maribor {closes}"])
    for absent in ("Training course in Celje", "Closed call for trainers", "Draft call in Ptuj"):
        expect(calls.get_by_text(absent)).to_have_count(0)
    expect(english.get_by_role("link", name="Volunteering in Maribor")).to_have_attribute(
        "href", f"/admin/pages/{sooner.pk}/edit/"
    )
    expect(slovene.get_by_role("link", name="Prostovoljstvo v Mariboru")).to_have_attribute(
        "href", f"/admin/pages/{slovenian.pk}/edit/"
    )

    # Per language: translations that need work, then content with no version there yet.
    awaiting = tab.get_by_role("region", name="Translations awaiting work")
    expect(awaiting.get_by_role("heading", level=3)).to_have_text(["Slovenian", "Swedish"])
    tables = awaiting.get_by_role("table")
    expect(tables).to_have_count(3)
    slovene_work, slovene_new, swedish_new = tables.all()
    expect(slovene_new).to_have_accessible_name("Not yet translated into Slovenian")
    # Swedish has no table of work: its call, index and home page are up to date.
    expect(swedish_new).to_have_accessible_name("Not yet translated into Swedish")
    expect(awaiting.get_by_text("Volontärarbete i Maribor")).to_have_count(0)
    row = body_rows(slovene_work)
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell")).to_have_text(
        ["Prostovoljstvo v Mariboru", "Call page", "1 of 2 segments untranslated", "What changed"]
    )
    expect(row.get_by_role("link", name="Prostovoljstvo v Mariboru")).to_have_attribute(
        "href", f"/admin/pages/{slovenian.pk}/edit/"
    )
    for table in (slovene_new, swedish_new):
        expect(table).to_contain_text("Youth exchanges in Kranj")
        # The Maribor call has both versions; the draft in Ptuj is not published yet.
        expect(table.get_by_text("Volunteering in Maribor")).to_have_count(0)
        expect(table.get_by_text("Draft call in Ptuj")).to_have_count(0)
    expect(
        swedish_new.get_by_role("link", name="Translate Youth exchanges in Kranj into Swedish")
    ).to_have_attribute(
        "href", reverse("wagtail_localize:submit_page_translation", args=[later.pk])
    )

    row.get_by_role("link", name="What changed").click()

    current = tab.get_by_role("navigation", name="Breadcrumb").get_by_role("listitem").last
    expect(current).to_have_text(
        re.compile(r"^\s*Translation status\s*:\s*Prostovoljstvo v Mariboru \(Slovenian\)\s*$")
    )
    expect(current.get_by_text("Prostovoljstvo v Mariboru (Slovenian)")).to_be_visible()
    expect(tab.get_by_role("heading", name="Out of date")).to_be_visible()
    waiting = tab.get_by_role("region", name="Waiting for a translation")
    expect(waiting.get_by_role("cell")).to_have_text(["Summary", sooner.summary])
