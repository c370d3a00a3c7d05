"""A call's history in the admin: scheduled publishing, reverting to an earlier revision, and two
editors working on the same call at once."""

import datetime
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from playwright.sync_api import Locator, expect
from playwright.sync_api import Page as BrowserPage

from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.models import Page

from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallIndexPage, CallPage
from snippets.programmes.factories import ProgrammeFactory
from tests.browser.conftest import SCREENSHOTS
from tests.browser.helpers import log_in, make_user, public_graphql

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Volunteering in Maribor"
SLUG = "volunteering-in-maribor"
FIRST = "Young people help the city's food bank."
SECOND = "Young people help the city's food bank and its drivers."
ERIKA = "Young people help the food bank; Erika's version."
LARS = "Young people help the food bank; Lars's version."
CALL_QUERY = f'{{ call(slug: "{SLUG}") {{ title summary }} calls {{ items {{ title }} }} }}'


@pytest.fixture
def index(home: Page) -> CallIndexPage:
    return CallIndexPageFactory(parent=home)


@pytest.fixture
def draft_call(index: CallIndexPage) -> CallPage:
    """A call never published, with one draft revision."""
    call = CallPageFactory(
        parent=index,
        title=TITLE,
        slug=SLUG,
        summary=FIRST,
        programme=ProgrammeFactory(name="European Solidarity Corps", acronym="ESC"),
        live=False,
    )
    call.save_revision()
    return call


@pytest.fixture
def second_tab(request: pytest.FixtureRequest, tab: BrowserPage) -> Iterator[BrowserPage]:
    """A tab in a second browser context (its own cookies): another person at another desk."""
    assert tab.context.browser is not None
    context = tab.context.browser.new_context(
        locale="en-GB", timezone_id="Europe/Ljubljana", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    try:
        yield page
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}-second.png"), full_page=True)
        context.close()
    assert not errors, f"JavaScript errors in the second browser: {errors}"


@pytest.fixture
def live_call(draft_call: CallPage) -> CallPage:
    """The same call, published."""
    draft_call.save_revision().publish()
    return draft_call


def admin_datetime(value: datetime.datetime) -> str:
    """A moment as the admin's date-time fields take it, in the server's time zone."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def edit(tab: BrowserPage, base_url: str, call: CallPage) -> None:
    tab.goto(f"{base_url}/admin/pages/{call.pk}/edit/")
    expect(tab.get_by_role("textbox", name="Title")).to_have_value(call.title)


def publish(tab: BrowserPage) -> None:
    """Press "Publish" in the edit form's action menu."""
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Publish", exact=True).click()
    expect(tab.get_by_role("status")).to_contain_text(f"Page '{TITLE}' has been published.")


def listing_row(tab: BrowserPage) -> Locator:
    """The call's row in the admin's page listing."""
    return tab.get_by_role("row").filter(has=tab.get_by_role("link", name=TITLE, exact=True))


def test_moderator_schedules_a_call_that_goes_live_when_publish_scheduled_runs(
    tab: BrowserPage, live_server: Any, draft_call: CallPage
) -> None:
    make_user("mojca", "Call moderators")
    log_in(tab, live_server.url, "mojca")
    edit(tab, live_server.url, draft_call)
    go_live_at = (timezone.now() + datetime.timedelta(hours=2)).replace(second=0, microsecond=0)

    tab.get_by_role("button", name="Toggle status").click()
    status = tab.get_by_role("complementary", name="Status")
    expect(status).to_contain_text("No publishing schedule set")
    status.get_by_role("button", name="Set schedule").click()
    dialog = tab.get_by_role("dialog", name="Set publishing schedule")
    dialog.get_by_role("textbox", name="Go live date/time").fill(admin_datetime(go_live_at))
    # The field's date picker opens and can cover the dialog's buttons; a click elsewhere in the
    # dialog closes it, as a person would.
    pickers = tab.locator(".xdsoft_datetimepicker:visible")
    expect(pickers).to_have_count(1)
    dialog.get_by_role("heading", name="Set publishing schedule").click()
    expect(pickers).to_have_count(0)
    dialog.get_by_role("button", name="Save schedule").click()

    expect(tab.get_by_role("status")).to_contain_text(f"Page '{TITLE}' has been updated.")
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Schedule to publish").click()

    expect(tab.get_by_role("status")).to_contain_text(
        f"Page '{TITLE}' has been scheduled for publishing."
    )
    # Back in the calls listing, the call is scheduled; its edit form says until when.
    expect(listing_row(tab)).to_contain_text("scheduled")
    edit(tab, live_server.url, draft_call)
    expect(tab.get_by_role("status")).to_contain_text(
        f"Page '{TITLE}' is locked and has been scheduled to go live at "
        f"{date_format(timezone.localtime(go_live_at), 'DATETIME_FORMAT')}"
    )
    scheduled = draft_call.revisions.get(approved_go_live_at__isnull=False)
    assert scheduled.approved_go_live_at == go_live_at
    call = CallPage.objects.get(pk=draft_call.pk)
    assert not call.live
    assert public_graphql(CALL_QUERY) == {"call": None, "calls": {"items": []}}

    # Time passes: the schedule moves into the past, as the clock would move past it.
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save(update_fields=["approved_go_live_at", "content"])
    CallPage.objects.filter(pk=call.pk).update(go_live_at=past)
    # A passed go-live time publishes nothing by itself: the scheduler does.
    assert public_graphql(CALL_QUERY) == {"call": None, "calls": {"items": []}}
    tab.goto(f"{live_server.url}/partner-site/")
    expect(tab.locator("p.empty")).to_have_text("There are no open calls at the moment.")

    call_command("publish_scheduled", stdout=StringIO())

    assert public_graphql(CALL_QUERY) == {
        "call": {"title": TITLE, "summary": FIRST},
        "calls": {"items": [{"title": TITLE}]},
    }
    tab.goto(f"{live_server.url}/admin/pages/{draft_call.get_parent().pk}/")
    expect(listing_row(tab)).to_contain_text("live")
    expect(listing_row(tab)).not_to_contain_text("scheduled")
    tab.goto(f"{live_server.url}/partner-site/")
    expect(tab.locator("li.call h3")).to_have_text([TITLE])


def test_moderator_reverts_a_call_to_an_earlier_revision_and_publishes_it(
    tab: BrowserPage, live_server: Any, draft_call: CallPage
) -> None:
    make_user("mojca", "Call moderators")
    log_in(tab, live_server.url, "mojca")
    edit(tab, live_server.url, draft_call)
    publish(tab)
    edit(tab, live_server.url, draft_call)
    tab.get_by_role("textbox", name="Summary").fill(SECOND)
    publish(tab)
    assert public_graphql(CALL_QUERY)["call"] == {"title": TITLE, "summary": SECOND}

    edit(tab, live_server.url, draft_call)
    tab.get_by_role("link", name="History").click()
    # Newest first: the second publish, its draft, the first publish, its draft, creation.
    history = tab.get_by_role("table")
    first_draft = (
        history.get_by_role("row").filter(has_text="Draft saved").filter(has_not_text="Current")
    )
    expect(first_draft).to_have_count(1)
    first_draft.get_by_role("button", name="Actions").click()
    tab.get_by_role("link", name="Review this version").click()

    expect(tab.get_by_role("status")).to_contain_text("You are viewing a previous version")
    expect(tab.get_by_role("textbox", name="Summary")).to_have_value(FIRST)
    tab.get_by_role("button", name="Replace current draft").click()

    expect(tab.get_by_role("status")).to_contain_text(
        f"Page '{TITLE}' has been replaced with version from"
    )
    expect(tab.get_by_role("textbox", name="Summary")).to_have_value(FIRST)
    # A draft only: the API and the partner site still serve the second text.
    assert public_graphql(CALL_QUERY)["call"] == {"title": TITLE, "summary": SECOND}

    publish(tab)

    assert public_graphql(CALL_QUERY)["call"] == {"title": TITLE, "summary": FIRST}
    tab.goto(f"{live_server.url}/partner-site/call.html?slug={SLUG}")
    expect(tab.locator("article .summary")).to_have_text(FIRST)
    revisions = draft_call.revisions.order_by("created_at", "pk")
    summaries = [revision.as_object().summary for revision in revisions]
    # Setup's draft, first publish, second publish, the reverted draft, its publication.
    assert summaries == [FIRST, FIRST, SECOND, FIRST, FIRST]


def open_editor(tab: BrowserPage, base_url: str, call: CallPage) -> None:
    """Open the call's edit form and let its scripts settle, with the page's clock run ahead.

    Wagtail's unsaved-changes tracker reads the form's initial state two seconds after it
    loads, and only edits after that reach autosave; the fake clock's jump gets there at once.
    """
    tab.clock.install()
    edit(tab, base_url, call)
    tab.clock.run_for(2_500)


def test_two_editors_edit_a_call_at_once_and_both_revisions_remain(
    tab: BrowserPage, second_tab: BrowserPage, live_server: Any, live_call: CallPage, settings: Any
) -> None:
    # Editors' browsers ask the server who else is editing every half second, not every 10.
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 500
    make_user("erika", "Editors")
    make_user("lars", "Editors")
    erika, lars = tab, second_tab
    log_in(erika, live_server.url, "erika")
    log_in(lars, live_server.url, "lars")
    open_editor(erika, live_server.url, live_call)
    open_editor(lars, live_server.url, live_call)

    # Erika changes the summary; Wagtail autosaves it as her draft.
    erika.get_by_role("textbox", name="Summary").fill(ERIKA)
    expect(erika.get_by_text("Saved", exact=True)).to_be_visible()

    # Lars is told; his own edit is not autosaved over Erika's newer version.
    expect(lars.get_by_role("button", name="Erika saved a new version")).to_be_visible()
    lars.get_by_role("textbox", name="Summary").fill(LARS)
    expect(lars.get_by_text("Saving will overwrite a newer version.")).to_be_visible()
    lars.get_by_role("button", name="Save draft").click()
    dialog = lars.get_by_role("dialog", name="Erika saved a new version")
    expect(dialog).to_contain_text("Proceeding will overwrite the changes made by Erika.")
    dialog.get_by_role("button", name="Save draft").click()
    expect(lars.get_by_role("status")).to_contain_text(f"Page '{TITLE}' has been updated.")
    expect(lars.get_by_role("textbox", name="Summary")).to_have_value(LARS)
    expect(erika.get_by_role("button", name="Lars saved a new version")).to_be_visible()

    # Nothing was lost: Erika's version is in the history beside Lars's, and can be opened.
    lars.get_by_role("link", name="History").click()
    drafts = lars.get_by_role("table").get_by_role("row").filter(has_text="Draft saved")
    expect(drafts).to_have_count(2)
    expect(drafts.first.get_by_role("cell").nth(1)).to_have_text("Lars")
    expect(drafts.first).to_contain_text("Current draft")
    expect(drafts.last.get_by_role("cell").nth(1)).to_have_text("Erika")
    drafts.last.get_by_role("button", name="Actions").click()
    lars.get_by_role("link", name="Review this version").click()
    expect(lars.get_by_role("textbox", name="Summary")).to_have_value(ERIKA)

    revisions = live_call.revisions.order_by("created_at", "pk")
    assert [(r.user and r.user.username, r.as_object().summary) for r in revisions] == [
        (None, FIRST),
        (None, FIRST),
        ("erika", ERIKA),
        ("lars", LARS),
    ]
    # Drafts only: the partner sites still get the published text.
    assert public_graphql(CALL_QUERY)["call"] == {"title": TITLE, "summary": FIRST}
