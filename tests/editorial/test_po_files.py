"""PO round trip: download a page's PO file, translate it with a tool, upload it, publish."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib
import pytest

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail_localize.models import StringTranslation, Translation

from pages.calls.models import CallIndexPage, CallPage
from tests.editorial.helpers import call_titles, edit_url, submit_and_approve

pytestmark = pytest.mark.django_db

TRANSLATED = {
    "Solidarity projects": "Solidarnostni projekti",
    "Young people run projects in their community.": "Mladi vodijo projekte v svoji skupnosti.",
}


@pytest.fixture
def drafts(live_call: CallPage, index: CallIndexPage, translate_to: Any) -> dict[str, CallPage]:
    """Untranslated Slovenian and Swedish drafts of the call, as "Translate this page" makes."""
    translate_to(index, "sl", {"Calls": "Razpisi"})
    translate_to(index, "sv", {"Calls": "Utlysningar"})
    return {code: translate_to(live_call, code, publish=False) for code in ("sl", "sv")}


def translation_of(page: CallPage) -> Translation:
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )


def download(client: Client, translation: Translation, tmp_path: Path) -> polib.POFile:
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    path = tmp_path / "download.po"
    path.write_bytes(response.content)
    return polib.pofile(str(path))


def upload(client: Client, translation: Translation, content: bytes, page: CallPage) -> Any:
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": SimpleUploadedFile("translation.po", content),
            "next": edit_url(page),
        },
    )


def messages_of(response: Any) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def test_a_po_file_filled_by_a_tool_is_imported_and_published(
    sl_translator: Any,
    moderator: Any,
    client_for: Callable[[Any], Client],
    drafts: dict[str, CallPage],
    graphql: Any,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = client_for(sl_translator)
    page = drafts["sl"]
    translation = translation_of(page)
    po = download(client, translation, tmp_path)
    assert {entry.msgid for entry in po} >= set(TRANSLATED)

    for entry in po:
        entry.msgstr = TRANSLATED.get(entry.msgid, "")
    response = upload(client, translation, str(po).encode("utf-8"), page)

    assert response.status_code == 302
    assert response.url == edit_url(page)
    assert "Successfully imported translations from PO File." in messages_of(response)
    submit_and_approve(client, client_for(moderator), page, django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.live
    assert (page.title, page.summary) == tuple(TRANSLATED.values())
    assert "Solidarnostni projekti" in call_titles(graphql, "sl")


def wrong_msgids(po: polib.POFile) -> bytes:
    for entry in po:
        entry.msgid = f"Not on this page: {entry.msgid}"
        entry.msgstr = "Prevod"
    return str(po).encode()


def translated(po: polib.POFile) -> bytes:
    for entry in po:
        entry.msgstr = "Prevod"
    return str(po).encode()


def without_header(po: polib.POFile) -> bytes:
    del po.metadata["X-WagtailLocalize-TranslationID"]
    return translated(po)


BAD_FILES: list[tuple[str, Callable[[dict[str, polib.POFile]], bytes], str]] = [
    (
        "garbage bytes",
        lambda po: b"\x89PNG\r\n\x1a\n\x00\xff\xfe\x00garbage",
        "not a valid PO file",
    ),
    ("plain text", lambda po: b"Solidarnostni projekti\n", "not a valid PO file"),
    ("empty file", lambda po: b"", "was not downloaded from this translation"),
    ("no translation id", lambda po: without_header(po["sl"]), "was not downloaded from this"),
    ("another language's file", lambda po: translated(po["sv"]), "was not downloaded from this"),
    ("wrong msgids", lambda po: wrong_msgids(po["sl"]), "do not match the current text"),
]


@pytest.mark.parametrize(
    ("make", "error"), [pytest.param(make, error, id=name) for name, make, error in BAD_FILES]
)
def test_a_bad_po_file_is_refused_with_a_clear_error_and_changes_nothing(
    make: Callable[[dict[str, polib.POFile]], bytes],
    error: str,
    sl_translator: Any,
    client_for: Callable[[Any], Client],
    admin_client: Client,
    drafts: dict[str, CallPage],
    tmp_path: Path,
) -> None:
    client = client_for(sl_translator)
    page = drafts["sl"]
    translation = translation_of(page)
    # The Swedish file comes from someone who may download it; the translator uploads.
    files = {
        code: download(admin_client, translation_of(draft), tmp_path)
        for code, draft in drafts.items()
    }
    before = list(StringTranslation.objects.values_list("pk", "data"))

    response = upload(client, translation, make(files), page)

    assert response.status_code == 302
    [message] = messages_of(response)
    assert error in message
    assert "Nothing was imported." in message
    assert list(StringTranslation.objects.values_list("pk", "data")) == before
    page.refresh_from_db()
    assert page.title == "Solidarity projects"
