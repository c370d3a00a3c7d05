"""Documents attached to calls, conferences and projects: what partner sites get, what they
never get (documents in private collections, drafts), and a translator's own document."""

import json
from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client

from wagtail.models import Collection, CollectionViewRestriction, Locale, Page
from wagtail.test.utils.form_data import inline_formset
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from cms import translation
from cms.factories import DocumentFactory
from pages.calls.factories import CallAttachmentFactory, CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallAttachment, CallPage
from snippets.programmes.factories import ProgrammeFactory
from tests.pages.test_calls import add_url, call_form, form_errors

pytestmark = pytest.mark.django_db

QUERY = """query($l: String) { call(slug: "esc-2026", locale: $l) { locale attachments {
  title kind kindLabel language url size fileType contentType } } }"""


@pytest.fixture
def translate(django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    def run(instance: Any, language: str, texts: dict[str, str] | None = None) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return translation.translate(instance, language, texts)

    return run


@pytest.fixture
def call(home: Page) -> CallPage:
    page = CallPageFactory(parent=CallIndexPageFactory(parent=home), slug="esc-2026")
    page.save_revision().publish()
    return page


@pytest.fixture
def private_collection() -> Collection:
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def attachments(graphql: Any, locale: str = "en") -> list[dict[str, Any]]:
    body = graphql(QUERY, {"l": locale})
    assert "errors" not in body, body
    return body["data"]["call"]["attachments"]


def test_a_call_lists_its_documents_in_order_with_their_facts(graphql, call) -> None:
    guide = DocumentFactory(title="ESC guide 2026")
    CallAttachmentFactory(page=call, title="Guide for applicants", kind="guide", document=guide)
    CallAttachmentFactory(page=call, title="Application form", kind="application_form")

    listed = attachments(graphql)

    assert [item["title"] for item in listed] == ["Guide for applicants", "Application form"]
    first = listed[0]
    assert first["kind"] == "guide"
    assert first["kindLabel"] == "Guide"
    assert first["language"] == "en"
    assert first["fileType"] == "pdf"
    assert first["contentType"] == "application/pdf"
    assert first["size"] == guide.file.size
    assert first["url"] == f"http://testserver/documents/{guide.pk}/guide.pdf"
    assert listed[1]["kindLabel"] == "Application form"


def test_kind_labels_follow_the_language_asked_for(graphql, call, translate) -> None:
    CallAttachmentFactory(page=call, title="Guide", kind="application_form")
    translate(call, "sl", {"Guide": "Vodnik"})

    (item,) = attachments(graphql, "sl")

    assert item["title"] == "Vodnik"
    assert item["kindLabel"] == "Prijavnica"


def test_documents_in_a_private_collection_never_appear(graphql, call, private_collection) -> None:
    public = DocumentFactory(title="Public guide")
    secret = DocumentFactory(title="Board minutes", collection=private_collection)
    CallAttachmentFactory(page=call, title="Guide", document=public)
    CallAttachmentFactory(page=call, title="Minutes", document=secret)

    listed = attachments(graphql)

    assert [item["title"] for item in listed] == ["Guide"]
    assert str(secret.pk) not in json.dumps(listed)


def test_a_collection_below_a_private_one_is_private_too(graphql, call, private_collection) -> None:
    inner = private_collection.add_child(name="2026")
    CallAttachmentFactory(page=call, title="Minutes", document=DocumentFactory(collection=inner))

    assert attachments(graphql) == []


def test_attachments_of_a_draft_are_not_shown(graphql, call) -> None:
    CallAttachmentFactory(page=call, title="Guide")
    call.save_revision().publish()
    draft = CallPage.objects.get(pk=call.pk)
    draft.attachments.add(
        CallAttachment(title="Unapproved annex", kind="other", document=DocumentFactory())
    )
    draft.save_revision()

    assert [item["title"] for item in attachments(graphql)] == ["Guide"]


def test_an_unpublished_call_shows_no_attachments(graphql, call) -> None:
    CallAttachmentFactory(page=call, title="Guide")
    call.unpublish()

    body = graphql(QUERY, {"l": "en"})

    assert body["data"]["call"] is None
    assert "Guide" not in json.dumps(body)


def test_a_slovenian_guide_replaces_the_english_one_in_slovenian(graphql, call, translate) -> None:
    english = DocumentFactory(title="Guide (English)")
    slovenian = DocumentFactory(
        title="Vodnik (slovenščina)", file__filename="vodnik.pdf", file__data=b"%PDF-1.4\n"
    )
    row = CallAttachmentFactory(page=call, title="Guide", document=english)
    translate(call, "sl", {"Guide": "Vodnik"})
    override(call, "sl", f"attachments.{row.translation_key}.document", slovenian.pk)
    override(call, "sl", f"attachments.{row.translation_key}.language", "sl")
    translate(call, "sl")

    (english_item,) = attachments(graphql, "en")
    (slovenian_item,) = attachments(graphql, "sl")

    assert english_item["url"].endswith(f"/documents/{english.pk}/guide.pdf")
    assert slovenian_item["url"].endswith(f"/documents/{slovenian.pk}/vodnik.pdf")
    assert slovenian_item["language"] == "sl"


def test_without_a_slovenian_version_the_english_document_is_shown(
    graphql, call, translate
) -> None:
    english = DocumentFactory()
    CallAttachmentFactory(page=call, title="Guide", document=english)
    translate(call, "sl", {"Guide": "Vodnik"})

    (item,) = attachments(graphql, "sl")

    assert item["title"] == "Vodnik"
    assert item["language"] == "en"
    assert item["url"].endswith(f"/documents/{english.pk}/guide.pdf")


def test_editor_attaches_a_guide_in_the_admin(admin_client: Client, home: Page) -> None:
    index = CallIndexPageFactory(parent=home)
    guide = DocumentFactory(title="ESC guide")
    data = call_form(
        programme=ProgrammeFactory(name="European Solidarity Corps").pk,
        attachments=inline_formset(
            [
                {
                    "title": "Guide for applicants",
                    "kind": "guide",
                    "language": "sl",
                    "document": guide.pk,
                }
            ]
        ),
    )

    response = admin_client.post(add_url(CallPage, index), data)

    assert response.status_code == 302, form_errors(response)
    call = CallPage.objects.get(slug="solidarity-projects-2026")
    (row,) = call.attachments.all()
    assert (row.title, row.kind, row.language, row.document) == (
        "Guide for applicants",
        "guide",
        "sl",
        guide,
    )


def override(page: Page, language: str, path: str, value: Any) -> None:
    """Replace a synchronised value in the ``language`` translation, as a translator does in
    wagtail-localize's editor."""
    source = TranslationSource.objects.get_for_instance(page)
    segment = OverridableSegment.objects.get(source=source, context__path=path)
    SegmentOverride.objects.update_or_create(
        locale=Locale.objects.get(language_code=language),
        context=segment.context,
        defaults={"data_json": json.dumps(value)},
    )
