"""A Slovenian translator translates a call in wagtail-localize's editor, by hand, from a PO file
or by machine, and submits it to "Call moderation", where a call moderator publishes it; is
refused the English and Swedish versions; and sees when the English source changed and what a
sync leaves to translate."""

import re
from pathlib import Path
from typing import Any

import polib
import pytest
from playwright.sync_api import Locator, expect
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import Response as BrowserResponse

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.translation import translate
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallIndexPage, CallPage
from snippets.programmes.factories import ProgrammeFactory
from tests.browser.helpers import PASSWORD, log_in, make_user, public_graphql

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Solidarity projects"
SUMMARY = "Young people run projects in their community."
NEW_SUMMARY = "Groups of five or more young people run projects in their town."
SL_TITLE = "Solidarnostni projekti"
SL_SUMMARY = "Mladi vodijo projekte v svoji skupnosti."
SLOVENIAN = {"Calls": "Razpisi", TITLE: SL_TITLE, SUMMARY: SL_SUMMARY}
SWEDISH = {"Calls": "Utlysningar", TITLE: "Solidaritetsprojekt"}
MACHINE = "Offline marker (no real translation)"
DENIED = "Sorry, you do not have permission to access this area."
CALLS = "query ($locale: String) { calls(locale: $locale) { items { title summary } } }"


@pytest.fixture
def index(home: Page) -> CallIndexPage:
    """The English call index, with its Slovenian translation published ("Razpisi")."""
    index = CallIndexPageFactory(parent=home)
    translate(index, "sl", SLOVENIAN)
    return index


@pytest.fixture
def call(index: CallIndexPage) -> CallPage:
    """A live English call, not translated yet."""
    call = CallPageFactory(
        parent=index,
        title=TITLE,
        slug="solidarity-projects",
        summary=SUMMARY,
        programme=ProgrammeFactory(name="European Solidarity Corps", acronym="ESC"),
    )
    call.save_revision().publish()
    return call


@pytest.fixture
def translator() -> Any:
    return make_user("tina", "Translators (sl)")


@pytest.fixture
def slovenian_draft(call: CallPage) -> CallPage:
    """The untranslated Slovenian draft of the call, as "Translate this page" leaves it."""
    return translate(call, "sl", publish=False)


def make_chief_editor(username: str) -> Any:
    """A superuser: publishes English calls without moderation and syncs their translations."""
    return get_user_model().objects.create_superuser(
        username, f"{username}@example.org", PASSWORD, first_name=username.title()
    )


def switch_user(tab: BrowserPage, base_url: str, username: str) -> None:
    tab.context.clear_cookies()
    log_in(tab, base_url, username)


def edit_url(base_url: str, page: Page) -> str:
    return f"{base_url}/admin/pages/{page.pk}/edit/"


def segment_field(tab: BrowserPage, label: str) -> Locator:
    """A field's block in wagtail-localize's translation editor, e.g. "Title"."""
    heading = tab.get_by_role("heading", name=label, exact=True)
    return tab.get_by_role("tabpanel", name="Content").get_by_role("listitem").filter(has=heading)


def translate_segment(tab: BrowserPage, label: str, text: str) -> None:
    """Type a translation into a segment and save it, as a translator does."""
    field = segment_field(tab, label)
    field.get_by_role("button", name="Translate").click()
    field.get_by_role("textbox").fill(text)
    field.get_by_role("button", name="Save").click()
    # The editor saves in the background; the comment appears once the server stored it.
    expect(field).to_contain_text("Translated manually on")
    expect(field.get_by_role("paragraph").nth(1)).to_have_text(text)


def sl_strings(call: CallPage) -> dict[str, str]:
    """The stored Slovenian translation of each of the call's segments, by source text."""
    rows = StringTranslation.objects.filter(
        locale__language_code="sl", context__object_id=call.translation_key
    ).values_list("translation_of__data", "data")
    return dict(rows)


def assert_refused_page(tab: BrowserPage, response: BrowserResponse | None, url: str) -> None:
    """A 403 page at ``url`` (no redirect) that says the user lacks permission and shows
    nothing of the content."""
    assert response is not None, url
    assert (response.status, response.url) == (403, url), (url, response.status, response.url)
    expect(tab.get_by_role("heading", level=1)).to_have_text("Error 403")
    expect(tab.get_by_text(DENIED)).to_be_visible()
    expect(tab.locator("body")).not_to_contain_text(re.compile(f"{TITLE}|{SWEDISH[TITLE]}"))


def snapshot() -> dict[str, Any]:
    """Everything the translator's refused requests could have created or changed."""
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "title", "draft_title", "live", "locale_id")
        ),
        "revisions": Revision.objects.count(),
        "translations": sorted(Translation.objects.values_list("pk", "enabled")),
        "sources": sorted(TranslationSource.objects.values_list("pk", "last_updated_at")),
        "strings": sorted(StringTranslation.objects.values_list("pk", "data")),
    }


# --- 1. Translate by hand, submit, a moderator publishes ---------------------------------------


def test_translator_translates_and_submits_the_slovenian_call_and_a_moderator_publishes_it(
    tab: BrowserPage, live_server: Any, call: CallPage, translator: Any
) -> None:
    make_user("mojca", "Call moderators")
    base = live_server.url
    log_in(tab, base, "tina")
    # A translator's explorer holds only the Slovenian tree: the dashboard offers the published
    # English content not yet in Slovenian.
    waiting = tab.get_by_role("table", name="Not yet translated into Slovenian")
    expect(waiting.get_by_role("row", name=re.compile(TITLE))).to_contain_text("Call page")
    waiting.get_by_role("link", name=f"Translate {TITLE} into Slovenian").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(f"Translate page {TITLE}")
    expect(tab.get_by_role("checkbox", name="Swedish")).to_have_count(0)
    tab.get_by_role("checkbox", name="Slovenian").check()
    tab.get_by_role("button", name="Submit").click()

    expect(tab.get_by_role("status").first).to_contain_text(
        f"The page '{TITLE}' was successfully submitted for translation into Slovenian"
    )
    slovenian = call.get_translation(Locale.objects.get(language_code="sl"))
    expect(tab).to_have_url(edit_url(base, slovenian))
    assert not slovenian.live
    expect(tab.get_by_role("heading", name="English to Slovenian translation")).to_be_visible()
    # The source text to translate, each segment still waiting for its translation.
    expect(segment_field(tab, "Title")).to_contain_text(TITLE)
    expect(segment_field(tab, "Summary")).to_contain_text(SUMMARY)

    translate_segment(tab, "Title", SL_TITLE)
    translate_segment(tab, "Summary", SL_SUMMARY)
    assert sl_strings(call) == {TITLE: SL_TITLE, SUMMARY: SL_SUMMARY}
    # Calls go live only through Call moderation: the translator may submit, never publish.
    expect(tab.get_by_role("button", name="Publish in Slovenian")).to_have_count(0)
    expect(tab.get_by_text("This translation goes live through “Call moderation”")).to_be_visible()
    tab.get_by_role("link", name="Submit for moderation").click()
    tab.get_by_role("button", name="Submit for moderation").click()

    expect(tab.get_by_role("status").first).to_contain_text(
        f"The Slovenian translation of “{SL_TITLE}” has been submitted to “Call moderation”."
    )
    expect(tab).to_have_url(edit_url(base, slovenian))
    slovenian.refresh_from_db()
    assert not slovenian.live
    assert slovenian.current_workflow_task.name == "Call moderators approval"
    # Submitted, not published: Slovenian readers still get the English call.
    assert public_graphql(CALLS, {"locale": "sl"}) == {
        "calls": {"items": [{"title": TITLE, "summary": SUMMARY}]}
    }

    # The call moderator approves it from the dashboard.
    switch_user(tab, base, "mojca")
    awaiting = tab.get_by_role("region", name="Awaiting your review")
    review = awaiting.get_by_role("row").filter(has_text=SL_TITLE)
    expect(review).to_contain_text("Slovenian")
    review.get_by_role("button", name="Actions").click()
    with tab.expect_navigation():
        review.get_by_role("button", name="Approve", exact=True).click()
    tab.goto(f"{base}/admin/")
    expect(tab.get_by_role("region", name="Awaiting your review")).to_have_count(0)

    slovenian.refresh_from_db()
    assert slovenian.live
    assert (slovenian.title, slovenian.specific.summary) == (SL_TITLE, SL_SUMMARY)
    assert public_graphql(CALLS, {"locale": "sl"}) == {
        "calls": {"items": [{"title": SL_TITLE, "summary": SL_SUMMARY}]}
    }
    assert public_graphql(CALLS, {"locale": "en"}) == {
        "calls": {"items": [{"title": TITLE, "summary": SUMMARY}]}
    }
    tab.goto(f"{base}/partner-site/?locale=sl")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Odprti razpisi")
    card = tab.locator("li.call")
    expect(card.locator("h3")).to_have_text([SL_TITLE])
    expect(card).to_contain_text(SL_SUMMARY)
    expect(card.locator(".fallback")).to_have_count(0)


# --- 2. Refusals --------------------------------------------------------------------------------


def test_translator_is_refused_the_english_and_swedish_versions_with_a_403_page(
    tab: BrowserPage, live_server: Any, index: CallIndexPage, call: CallPage, translator: Any
) -> None:
    translate(index, "sv", SWEDISH)
    swedish = translate(call, "sv", SWEDISH)
    translate(call, "sl", SLOVENIAN)
    call.save_revision()  # a second English revision, so there is something to compare
    untranslated = CallPageFactory(parent=index, title="Volunteering in Maribor")
    untranslated.save_revision().publish()
    base = live_server.url
    refused = [
        edit_url(base, call),
        edit_url(base, swedish),  # wagtail-localize's translation editor
        # Slovenian exists already: the only language left to submit is Swedish.
        f"{base}/admin/localize/submit/page/{call.pk}/",
        f"{base}/admin/pages/{call.pk}/edit/preview/",
        f"{base}/admin/pages/{call.pk}/history/",
        f"{base}/admin/pages/{call.pk}/revisions/compare/earliest...latest/",
    ]
    log_in(tab, base, "tina")
    before = snapshot()

    for url in refused:
        assert_refused_page(tab, tab.goto(url), url)

    # The form offers Slovenian only; a request for Swedish anyway (a tampered form) is refused
    # as a whole, and creates no Slovenian translation either.
    submit_url = f"{base}/admin/localize/submit/page/{untranslated.pk}/"
    tab.goto(submit_url)
    expect(tab.get_by_role("checkbox", name="Swedish")).to_have_count(0)
    slovenian = tab.get_by_role("checkbox", name="Slovenian")
    slovenian.check()
    swedish_pk = Locale.objects.get(language_code="sv").pk
    slovenian.evaluate("(box, pk) => { box.value = String(pk); }", swedish_pk)
    with tab.expect_navigation() as navigation:
        tab.get_by_role("button", name="Submit").click()
    assert_refused_page(tab, navigation.value, submit_url)

    assert snapshot() == before
    assert not untranslated.get_translations().exists()


# --- 3. Out of date, and a sync -------------------------------------------------------------


def test_translator_sees_the_english_change_and_a_sync_keeps_untouched_translations(
    tab: BrowserPage, live_server: Any, call: CallPage, translator: Any
) -> None:
    slovenian = translate(call, "sl", SLOVENIAN)
    translation = Translation.objects.get(
        source__object_id=call.translation_key, target_locale=slovenian.locale
    )
    status_url = (
        f"{live_server.url}{reverse('editorial_translation_status', args=[translation.pk])}"
    )
    make_chief_editor("eva")
    base = live_server.url

    # The chief editor changes one segment of the English call (the summary) and publishes it.
    log_in(tab, base, "eva")
    tab.goto(edit_url(base, call))
    tab.get_by_role("textbox", name="Summary").fill(NEW_SUMMARY)
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Publish", exact=True).click()
    expect(tab.get_by_role("status")).to_contain_text(f"Page '{TITLE}' has been published.")

    # The translator's editor warns, and links to what changed.
    switch_user(tab, base, "tina")
    tab.goto(edit_url(base, slovenian))
    warning = tab.get_by_role("status")
    expect(warning).to_contain_text(
        "This translation is out of date: the English page changed after this translation "
        "was last synced."
    )
    # Until a sync, the editor still shows the old English text, translated.
    expect(segment_field(tab, "Summary")).to_contain_text(SUMMARY)
    expect(segment_field(tab, "Summary")).to_contain_text(SL_SUMMARY)
    # In the Slovenian page listing, the call's menu says so too.
    tab.goto(f"{base}/admin/pages/{slovenian.get_parent().pk}/")
    tab.get_by_role("button", name=f"More options for '{SL_TITLE}'").click()
    tab.get_by_role("link", name="Translation: out of date").click()

    expect(tab).to_have_url(status_url)
    expect(tab.get_by_role("heading", level=2, name="Out of date")).to_be_visible()
    expect(tab.get_by_text("Source changed since last sync")).to_be_visible()
    changes = tab.get_by_role("region", name="Changed in the English source since the last sync")
    rows = changes.get_by_role("row")
    expect(rows).to_have_count(2)  # the header and the summary: the title did not change
    expect(rows.nth(1).get_by_role("cell")).to_have_text(["Summary", SUMMARY, NEW_SUMMARY])
    # Syncing reaches every language's copy of the source: it is the editors' job.
    expect(tab.get_by_role("link", name="Sync from the source")).to_have_count(0)

    # The chief editor syncs from the English call's header ("Sync translated pages").
    switch_user(tab, base, "eva")
    tab.goto(edit_url(base, call))
    tab.get_by_role("navigation", name="Actions").get_by_role(
        "button", name="Actions", exact=True
    ).click()
    tab.get_by_role("link", name="Sync translated pages").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(
        f"Update existing translations {TITLE}"
    )
    expect(tab.get_by_role("listitem").filter(has_text="Slovenian")).to_contain_text(SL_TITLE)
    tab.get_by_role("button", name="Submit").click()
    expect(tab.get_by_role("status")).to_contain_text(
        f"Successfully updated translations for '{TITLE}'"
    )

    # The title keeps its Slovenian text; the changed summary waits for a translation.
    switch_user(tab, base, "tina")
    tab.goto(status_url)
    expect(tab.get_by_text("Source changed since last sync")).to_have_count(0)
    waiting = tab.get_by_role("region", name="Waiting for a translation").get_by_role("row")
    expect(waiting).to_have_count(2)
    expect(waiting.nth(1).get_by_role("cell")).to_have_text(["Summary", NEW_SUMMARY])
    tab.get_by_role("link", name="Open the translation").click()
    title = segment_field(tab, "Title")
    summary = segment_field(tab, "Summary")
    expect(title).to_contain_text(SL_TITLE)
    expect(title.get_by_role("button", name="Edit")).to_be_visible()
    expect(summary).to_contain_text(NEW_SUMMARY)
    expect(summary).not_to_contain_text(SL_SUMMARY)
    expect(summary.get_by_role("button", name="Translate")).to_be_visible()
    assert sl_strings(call) == {TITLE: SL_TITLE, SUMMARY: SL_SUMMARY}  # NEW_SUMMARY: none yet
    slovenian.refresh_from_db()
    assert slovenian.specific.summary == SL_SUMMARY  # live until the translator publishes


# --- 4. PO files --------------------------------------------------------------------------------


def upload_po(tab: BrowserPage, path: Path) -> None:
    with tab.expect_file_chooser() as chooser:
        tab.get_by_role("button", name="Upload PO file").click()
    with tab.expect_navigation():
        chooser.value.set_files(str(path))


def test_translator_downloads_fills_and_uploads_a_po_file_and_a_bad_one_changes_nothing(
    tab: BrowserPage,
    live_server: Any,
    call: CallPage,
    slovenian_draft: CallPage,
    translator: Any,
    tmp_path: Path,
) -> None:
    log_in(tab, live_server.url, "tina")
    tab.goto(edit_url(live_server.url, slovenian_draft))

    with tab.expect_download() as download_info:
        tab.get_by_role("link", name="Download PO file").click()
    downloaded = tmp_path / "downloaded.po"
    download_info.value.save_as(downloaded)
    po = polib.pofile(str(downloaded))
    assert {entry.msgid for entry in po} == {TITLE, SUMMARY}
    for entry in po:
        entry.msgstr = SLOVENIAN[entry.msgid]
    filled = tmp_path / "filled.po"
    po.save(str(filled))

    upload_po(tab, filled)

    expect(tab.get_by_role("status")).to_contain_text(
        "Successfully imported translations from PO File."
    )
    for label, text in [("Title", SL_TITLE), ("Summary", SL_SUMMARY)]:
        expect(segment_field(tab, label).get_by_role("paragraph").nth(1)).to_have_text(text)
        expect(segment_field(tab, label)).to_contain_text("Translated with PO File on")
    assert sl_strings(call) == {TITLE: SL_TITLE, SUMMARY: SL_SUMMARY}

    # Not a PO file at all; and one whose title is right but whose summary is not this call's.
    garbage = tmp_path / "garbage.po"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe\x00 not a translation")
    stale = polib.pofile(str(downloaded))
    for entry in stale:
        entry.msgstr = "Prevod"
        if entry.msgid == SUMMARY:
            entry.msgid = "Young people ran projects in their community."
    stale_path = tmp_path / "stale.po"
    stale.save(str(stale_path))
    before = snapshot()
    for path, error in [
        (garbage, "This is not a valid PO file. Nothing was imported."),
        (stale_path, "1 message in this PO file does not match the current text of"),
    ]:
        upload_po(tab, path)

        expect(tab.get_by_role("status")).to_contain_text(error)
        expect(tab.get_by_role("status")).to_contain_text("Nothing was imported.")
        expect(segment_field(tab, "Title")).to_contain_text(SL_TITLE)
        expect(segment_field(tab, "Title")).not_to_contain_text("Prevod")
        assert snapshot() == before, path.name


# --- 5. Machine translation ---------------------------------------------------------------------


def test_translator_machine_translates_and_sees_the_output_marked(
    tab: BrowserPage,
    live_server: Any,
    call: CallPage,
    slovenian_draft: CallPage,
    translator: Any,
) -> None:
    log_in(tab, live_server.url, "tina")
    tab.goto(edit_url(live_server.url, slovenian_draft))
    offer = tab.get_by_role("paragraph").filter(has_text="Translate all missing strings with")
    expect(offer).to_have_text(f"Translate all missing strings with {MACHINE}")

    tab.get_by_role("button", name=f"Translate with {MACHINE}").click()

    expect(tab.get_by_role("status")).to_contain_text(f"Successfully translated with {MACHINE}.")
    title = segment_field(tab, "Title")
    summary = segment_field(tab, "Summary")
    expect(title.get_by_role("paragraph").nth(1)).to_have_text(f"[MT sl] {TITLE}")
    expect(summary.get_by_role("paragraph").nth(1)).to_have_text(f"[MT sl] {SUMMARY}")
    for field in (title, summary):
        expect(field).to_contain_text(re.compile(f"Translated with {re.escape(MACHINE)} on"))
    # A second run finds nothing left to translate, and overwrites nothing.
    tab.get_by_role("button", name=f"Translate with {MACHINE}").click()
    expect(tab.get_by_role("status")).to_contain_text("There isn't anything left to translate.")
    expect(title.get_by_role("paragraph").nth(1)).to_have_text(f"[MT sl] {TITLE}")
    assert sl_strings(call) == {TITLE: f"[MT sl] {TITLE}", SUMMARY: f"[MT sl] {SUMMARY}"}
    machine = StringTranslation.objects.filter(
        locale__language_code="sl", translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert machine.count() == 2
    slovenian_draft.refresh_from_db()
    assert not slovenian_draft.live
