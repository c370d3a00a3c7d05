"""The dashboard lists calls closing soon and translations waiting for work, per language."""

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client
from django.utils import timezone

from pages.calls.factories import CallPageFactory
from pages.calls.models import CallIndexPage

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def panel(html: str, panel_id: str) -> str:
    """The HTML of one dashboard panel, by its id."""
    match = re.search(rf'<section[^>]*id="{panel_id}-section".*?</section>', html, re.S)
    assert match, f"no panel {panel_id!r} on the dashboard"
    return match.group(0)


def published_call(index: CallIndexPage, title: str, deadline: datetime.datetime) -> Any:
    call = CallPageFactory(
        parent=index, title=title, opens_at=deadline - 40 * DAY, deadline=deadline
    )
    call.save_revision().publish()
    return call


def test_calls_closing_within_30_days_are_listed_by_nearest_deadline_per_language(
    admin_client: Client, index: CallIndexPage, esc: Any, translate_to: Any
) -> None:
    now = timezone.now()
    later = published_call(index, "Closes in three weeks", now + 21 * DAY)
    sooner = published_call(index, "Closes in five days", now + 5 * DAY)
    published_call(index, "Closes in two months", now + 60 * DAY)
    published_call(index, "Closed yesterday", now - DAY)
    draft = CallPageFactory(
        parent=index, title="Draft closing soon", deadline=now + 3 * DAY, live=False
    )
    draft.save_revision()
    translate_to(index, "sl", {"Calls": "Razpisi"})
    translate_to(sooner, "sl", {"Closes in five days": "Se zapre čez pet dni"})

    html = panel(admin_client.get("/admin/").content.decode(), "editorial-calls-closing-soon")

    assert "Calls closing in the next 30 days" in html
    english, slovenian = html.split("Slovenian")
    assert "English" in english
    assert english.index(sooner.title) < english.index(later.title)
    assert "Se zapre čez pet dni" in slovenian
    for absent in ("Closes in two months", "Closed yesterday", "Draft closing soon"):
        assert absent not in html


def test_a_translator_sees_only_the_calls_of_their_language(
    sl_translator: Any,
    client_for: Callable[[Any], Client],
    index: CallIndexPage,
    esc: Any,
    translate_to: Any,
) -> None:
    call = published_call(index, "Closes in five days", timezone.now() + 5 * DAY)
    translate_to(index, "sl", {"Calls": "Razpisi"})
    translate_to(call, "sl", {"Closes in five days": "Se zapre čez pet dni"})

    dashboard = client_for(sl_translator).get("/admin/").content.decode()
    html = panel(dashboard, "editorial-calls-closing-soon")

    assert "Se zapre čez pet dni" in html
    assert "Closes in five days" not in html


def test_translations_awaiting_work_show_per_language_what_they_need(
    admin_client: Client, live_call: Any, index: CallIndexPage, translate_to: Any
) -> None:
    translate_to(index, "sl", {"Calls": "Razpisi"})
    translate_to(index, "sv", {"Calls": "Utlysningar"})
    # Slovenian: complete and published. Swedish: a draft with the summary untranslated.
    translate_to(
        live_call,
        "sl",
        {
            "Solidarity projects": "Solidarnostni projekti",
            live_call.summary: "Mladi vodijo projekte v svoji skupnosti.",
        },
    )
    translate_to(live_call, "sv", {"Solidarity projects": "Solidaritetsprojekt"}, publish=False)

    html = panel(
        admin_client.get("/admin/").content.decode(), "editorial-translations-awaiting-work"
    )

    assert "Translations awaiting work" in html
    assert "Solidarnostni projekti" not in html  # nothing to do there
    swedish = html.split('<h3 class="w-h4">Swedish</h3>')[1]
    row = re.search(r"<tr>(?:(?!</tr>).)*Solidaritetsprojekt.*?</tr>", swedish, re.S)
    assert row, swedish
    assert "Not published" in row.group(0)
    assert "1 of 2 segments untranslated" in row.group(0)


def test_a_translation_whose_source_changed_is_listed_as_out_of_date(
    admin_client: Client, live_call: Any, index: CallIndexPage, translate_to: Any
) -> None:
    translate_to(index, "sl", {"Calls": "Razpisi"})
    translate_to(
        live_call,
        "sl",
        {
            "Solidarity projects": "Solidarnostni projekti",
            live_call.summary: "Mladi vodijo projekte v svoji skupnosti.",
        },
    )
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Solidarnostni projekti" not in panel(dashboard, "editorial-translations-awaiting-work")

    live_call.summary = "Groups of young people run projects in their community."
    live_call.save_revision().publish()

    html = panel(
        admin_client.get("/admin/").content.decode(), "editorial-translations-awaiting-work"
    )
    assert "Solidarnostni projekti" in html
    assert "Source changed since last sync" in html


def not_yet_translated(html: str, language: str) -> str:
    """The "Not yet translated into <language>" table of the translations panel."""
    match = re.search(
        rf'<table[^>]*aria-label="Not yet translated into {language}".*?</table>', html, re.S
    )
    return match.group(0) if match else ""


def test_a_translator_is_offered_the_published_english_content_not_yet_in_their_language(
    sl_translator: Any,
    client_for: Callable[[Any], Client],
    live_call: Any,
    index: CallIndexPage,
    esc: Any,
    translate_to: Any,
) -> None:
    draft = CallPageFactory(parent=index, title="Still a draft", live=False)
    draft.save_revision()
    translator = client_for(sl_translator)

    html = panel(translator.get("/admin/").content.decode(), "editorial-translations-awaiting-work")

    slovenian = not_yet_translated(html, "Slovenian")
    assert f'href="/admin/localize/submit/page/{live_call.pk}/"' in slovenian
    assert f'href="/admin/localize/submit/page/{index.pk}/"' in slovenian
    assert f'href="/admin/localize/submit/snippet/programmes/programme/{esc.pk}/"' in slovenian
    assert "Still a draft" not in html  # only published content waits for translators
    assert not not_yet_translated(html, "Swedish")  # not their language
    assert translator.get(f"/admin/localize/submit/page/{live_call.pk}/").status_code == 200

    translate_to(index, "sl", {"Calls": "Razpisi"})
    slovenian_call = translate_to(live_call, "sl", publish=False)

    html = panel(translator.get("/admin/").content.decode(), "editorial-translations-awaiting-work")
    slovenian = not_yet_translated(html, "Slovenian")
    # Once started, the call leaves this list and waits as an unpublished translation.
    assert f"/admin/localize/submit/page/{live_call.pk}/" not in slovenian
    assert f"/admin/localize/submit/page/{index.pk}/" not in slovenian
    assert f'href="/admin/pages/{slovenian_call.pk}/edit/"' in html


def test_not_yet_translated_lists_ten_rows_and_counts_the_rest(
    admin_client: Client, index: CallIndexPage, esc: Any
) -> None:
    for number in range(12):
        published_call(index, f"Call number {number}", timezone.now() + 60 * DAY)

    html = panel(
        admin_client.get("/admin/").content.decode(), "editorial-translations-awaiting-work"
    )

    swedish = html[html.index('<h3 class="w-h4">Swedish</h3>') :]
    assert len(re.findall(r">Translate</a>", not_yet_translated(swedish, "Swedish"))) == 10
    # Twelve calls, their index page and the programme: fourteen, ten shown.
    assert "4 more not yet translated into Swedish" in swedish


def test_an_alias_in_the_target_language_still_counts_as_not_yet_translated(
    admin_client: Client, live_call: Any, index: CallIndexPage, translate_to: Any, locales: Any
) -> None:
    translate_to(index, "sl", {"Calls": "Razpisi"})
    # Locales set to "sync from English" fill their tree with aliases of the English pages.
    alias = live_call.copy_for_translation(locales["sl"], alias=True)
    assert alias.alias_of_id == live_call.pk

    html = panel(
        admin_client.get("/admin/").content.decode(), "editorial-translations-awaiting-work"
    )

    assert f'href="/admin/localize/submit/page/{live_call.pk}/"' in not_yet_translated(
        html, "Slovenian"
    )


def test_what_partners_see_in_english_comes_first_and_untranslated_copies_are_only_counted(
    admin_client: Client, live_call: Any, index: CallIndexPage, esc: Any, translate_to: Any
) -> None:
    # wagtail-localize copies the index untranslated (as it does when a call below it is
    # translated first); migrate made the Slovenian home page the same way.
    translate_to(index, "sl", {})
    translate_to(
        live_call,
        "sl",
        {
            "Solidarity projects": "Solidarnostni projekti",
            live_call.summary: "Mladi vodijo projekte v svoji skupnosti.",
        },
    )
    live_call.summary = "Groups of young people run projects in their community."
    live_call.save_revision().publish()  # the live translation is now out of date
    fresh = published_call(index, "Volunteering in Maribor", timezone.now() + 60 * DAY)
    translate_to(
        fresh, "sl", {"Volunteering in Maribor": "Prostovoljstvo v Mariboru"}, publish=False
    )

    html = panel(
        admin_client.get("/admin/").content.decode(), "editorial-translations-awaiting-work"
    )
    slovenian = html.split('<h3 class="w-h4">Slovenian</h3>')[1].split('<h3 class="w-h4">')[0]

    # The draft partners cannot see yet, then the live translation that lags its source.
    assert slovenian.index("Prostovoljstvo v Mariboru") < slovenian.index("Solidarnostni projekti")
    draft_row = re.search(r"<tr>(?:(?!</tr>).)*Prostovoljstvo v Mariboru.*?</tr>", slovenian, re.S)
    assert draft_row and "Shown in English" in draft_row.group(0)
    # The draft and the programme (not translated at all) reach partners in English.
    assert "Partners see 2 items in English until their translations are published." in slovenian
    assert "1 published translation is out of date." in slovenian
    # The home page and the index: counted, not listed row by row.
    assert "2 home and index pages copied from English still wait for their translation." in (
        slovenian
    )
    rows = re.search(r"<table[^>]*awaiting work.*?</table>", slovenian, re.S)
    assert rows and ">Calls<" not in rows.group(0) and "Home" not in rows.group(0)
