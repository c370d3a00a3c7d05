"""A call goes live in every language only through "Call moderation", and its facts stay the
source's: a translator translates and submits, a call moderator approves."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from django.apps import apps
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    Translation,
)
from wagtail_localize.segments import OverridableSegmentValue

from cms.plugins import registry
from pages.calls.factories import CallPageFactory
from pages.calls.models import CallIndexPage, CallPage
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.editorial.helpers import add_url, assert_refused, call_form_from, call_titles, edit_url

pytestmark = pytest.mark.django_db

SL_TITLE = "Solidarnostni projekti"
EVIL_URL = "https://phishing.example/apply"
CALL_BY_SLUG = (
    "query ($slug: String!, $locale: String) { call(slug: $slug, locale: $locale, "
    "fallback: false) { title slug applicationUrl } }"
)


@dataclass
class Calls:
    """The English call, live, and its Slovenian translation as "Translate this page" leaves it."""

    en: CallPage
    sl: CallPage
    sl_index: CallIndexPage
    translation: Translation
    slovenian: Locale


@pytest.fixture
def calls(live_call: CallPage, index: CallIndexPage, translate_to: Any, locales: Any) -> Calls:
    sl_index = translate_to(index, "sl", {"Calls": "Razpisi"})
    sl = translate_to(live_call, "sl", publish=False)
    translation = Translation.objects.get(
        source__object_id=live_call.translation_key, target_locale=locales["sl"]
    )
    return Calls(live_call, sl, sl_index, translation, locales["sl"])


@pytest.fixture
def translator(sl_translator: Any, client_for: Callable[[Any], Client]) -> Client:
    return client_for(sl_translator)


def put_string(client: Client, translation: Translation, path: str, value: str) -> Any:
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    return client.put(url, f"value={value}", content_type="application/x-www-form-urlencoded")


def slovenian_call(graphql: Any, slug: str = "solidarity-projects") -> Any:
    body = graphql(CALL_BY_SLUG, {"slug": slug, "locale": "sl"})
    assert "errors" not in body, body
    return body["data"]["call"]


def submit_url(calls: Calls) -> str:
    return reverse("editorial_submit_translation", args=[calls.translation.pk])


def approve(client: Client, page: Page, capture: Any) -> Any:
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    with capture(execute=True):
        return client.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
        )


# --- Publishing is refused on every door ---------------------------------------------------------


def test_the_translation_editor_offers_no_publish_and_refuses_one(
    calls: Calls, translator: Client, graphql: Any, django_capture_on_commit_callbacks: Any
) -> None:
    editor = translator.get(edit_url(calls.sl))
    assert editor.status_code == 200
    assert json.loads(editor.context["props"])["perms"]["canPublish"] is False
    assert put_string(translator, calls.translation, "title", SL_TITLE).status_code == 201

    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(edit_url(calls.sl), {"action": "publish"})

    assert_refused(response)
    calls.sl.refresh_from_db()
    assert not calls.sl.live
    assert slovenian_call(graphql) is None
    assert call_titles(graphql, "sl") == ["Solidarity projects"]  # the English fallback


def test_the_page_editor_saves_a_draft_when_a_translator_presses_publish(
    calls: Calls, translator: Client, graphql: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # Stopping the translation turns wagtail-localize's editor into Wagtail's own.
    stop = reverse("wagtail_localize:stop_translation", args=[calls.translation.pk])
    assert translator.post(stop).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(
            edit_url(calls.sl),
            call_form_from(calls.sl, title=SL_TITLE, **{"action-publish": "Publish"}),
        )

    assert response.status_code == 302
    calls.sl.refresh_from_db()
    assert not calls.sl.live
    assert calls.sl.has_unpublished_changes
    page = translator.get(edit_url(calls.sl)).content.decode()
    assert 'name="action-publish"' not in page
    assert "Submit to Call moderation" in page


def test_a_call_a_translator_adds_is_a_draft_whatever_is_pressed(
    calls: Calls,
    translator: Client,
    esc: Any,
    translate_to: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    programme = translate_to(esc, "sl")  # the form offers the page's language's programmes
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(
            add_url(CallPage, calls.sl_index),
            call_form_from(
                calls.en,
                title="Nov razpis",
                slug="nov-razpis",
                programme=programme.pk,
                **{"action-publish": "Publish"},
            ),
        )

    assert response.status_code == 302, response.context["form"].errors
    assert not CallPage.objects.get(slug="nov-razpis").live


@pytest.mark.parametrize("door", ["copy with live copies", "alias", "convert to alias", "bulk"])
def test_no_other_door_makes_a_slovenian_call_live(
    door: str, calls: Calls, translator: Client, django_capture_on_commit_callbacks: Any
) -> None:
    published = CallPageFactory(parent=calls.sl_index, title="Objavljen razpis", slug="objavljen")
    published.save_revision().publish()  # live before this change, by a moderator
    before = set(CallPage.objects.live().values_list("pk", flat=True))
    requests = {
        "copy with live copies": (
            f"/admin/pages/{published.pk}/copy/",
            {
                "new_title": "Kopija",
                "new_slug": "kopija",
                "new_parent_page": calls.sl_index.pk,
                "publish_copies": "on",
            },
        ),
        "alias": (
            f"/admin/pages/{published.pk}/copy/",
            {
                "new_title": "Kopija",
                "new_slug": "kopija",
                "new_parent_page": calls.sl_index.pk,
                "alias": "on",
            },
        ),
        # An alias mirrors the English call's live state at once.
        "convert to alias": (f"/admin/localize/page/{calls.sl.pk}/convert_to_alias/", {}),
        "bulk": (
            f"/admin/bulk/wagtailcore/page/publish/?id={calls.sl.pk}",
            {"include_descendants": ""},
        ),
    }
    url, data = requests[door]

    with django_capture_on_commit_callbacks(execute=True):
        translator.post(url, data)

    assert set(CallPage.objects.live().values_list("pk", flat=True)) == before


# --- Submitting, approving -----------------------------------------------------------------------


def test_a_translator_submits_and_a_call_moderator_approves_then_it_is_live(
    calls: Calls,
    translator: Client,
    moderator: Any,
    client_for: Callable[[Any], Client],
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    assert put_string(translator, calls.translation, "title", SL_TITLE).status_code == 201
    editor = translator.get(edit_url(calls.sl)).content.decode()
    assert "goes live through “Call moderation”" in editor
    assert submit_url(calls) in editor
    assert translator.get(submit_url(calls)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(submit_url(calls))

    assert response.status_code == 302
    page = CallPage.objects.get(pk=calls.sl.pk)
    assert not page.live
    assert page.draft_title == SL_TITLE
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_task.name == "Call moderators approval"
    assert slovenian_call(graphql) is None

    moderator_client = client_for(moderator)
    assert SL_TITLE in moderator_client.get("/admin/").content.decode()
    assert approve(moderator_client, page, django_capture_on_commit_callbacks).status_code in (
        200,
        302,
    )

    assert slovenian_call(graphql)["title"] == SL_TITLE
    assert call_titles(graphql, "sl") == [SL_TITLE]


def test_a_change_to_a_live_translation_stays_out_of_the_api_until_approved(
    calls: Calls,
    translator: Client,
    moderator: Any,
    client_for: Callable[[Any], Client],
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    moderator_client = client_for(moderator)
    put_string(translator, calls.translation, "title", SL_TITLE)
    with django_capture_on_commit_callbacks(execute=True):
        translator.post(submit_url(calls))
    approve(moderator_client, calls.sl, django_capture_on_commit_callbacks)
    assert slovenian_call(graphql)["title"] == SL_TITLE

    assert put_string(translator, calls.translation, "title", "Nepreverjen naslov").status_code
    with django_capture_on_commit_callbacks(execute=True):
        assert translator.post(submit_url(calls)).status_code == 302

    page = CallPage.objects.get(pk=calls.sl.pk)
    assert (page.live, page.title, page.draft_title) == (True, SL_TITLE, "Nepreverjen naslov")
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert slovenian_call(graphql)["title"] == SL_TITLE
    assert call_titles(graphql, "sl") == [SL_TITLE]

    approve(moderator_client, page, django_capture_on_commit_callbacks)
    assert slovenian_call(graphql)["title"] == "Nepreverjen naslov"


def test_a_translator_cannot_approve_their_own_submission(
    calls: Calls, translator: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        translator.post(submit_url(calls))
    approve(translator, calls.sl, django_capture_on_commit_callbacks)

    assert not CallPage.objects.get(pk=calls.sl.pk).live


def test_a_translator_still_publishes_pages_that_have_no_moderation_of_their_own(
    home_pages: dict[str, Page],
    translator: Client,
    translate_to: Any,
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    index = NewsIndexPageFactory(parent=home_pages["en"])
    translate_to(index, "sl", {"News": "Novice"})
    item = NewsPageFactory(parent=index, title="Volunteers day", slug="volunteers-day")
    item.save_revision().publish()
    sl = translate_to(item, "sl", publish=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(edit_url(sl), {"action": "publish"})

    assert response.status_code == 302
    sl.refresh_from_db()
    assert sl.live


# --- Facts stay the source's ---------------------------------------------------------------------


def overridable_paths(translation: Translation) -> set[str]:
    segments = OverridableSegment.objects.filter(source=translation.source)
    return set(segments.values_list("context__path", flat=True))


def test_only_the_slug_of_a_call_can_be_overridden_in_a_translation(calls: Calls) -> None:
    assert overridable_paths(calls.translation) <= {"slug", "show_in_menus"}
    assert "slug" in overridable_paths(calls.translation)


def test_a_fact_override_stored_before_cannot_reach_the_public(
    calls: Calls,
    translator: Client,
    moderator: Any,
    client_for: Callable[[Any], Client],
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # As wagtail-localize stored it when the application address was still overridable.
    segment = OverridableSegment.from_value(
        calls.translation.source, OverridableSegmentValue("application_url", EVIL_URL)
    )
    SegmentOverride.objects.create(
        locale=calls.slovenian, context=segment.context, data_json=json.dumps(EVIL_URL)
    )
    slug = OverridableSegment.objects.get(source=calls.translation.source, context__path="slug")
    override = reverse(
        "wagtail_localize:edit_override",
        kwargs={"translation_id": calls.translation.pk, "overridable_segment_id": slug.pk},
    )
    response = translator.put(
        override, "value=solidarnostni-projekti", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 201

    with django_capture_on_commit_callbacks(execute=True):
        translator.post(submit_url(calls))
    approve(client_for(moderator), calls.sl, django_capture_on_commit_callbacks)

    live = slovenian_call(graphql, "solidarnostni-projekti")
    assert live is not None, "the localized slug reaches the public through moderation"
    assert live["applicationUrl"] == calls.en.application_url


def test_a_translator_may_not_override_a_fact_through_the_api(
    calls: Calls, translator: Client
) -> None:
    # The segment wagtail-localize extracted while the address was still overridable, kept
    # until the source is next synced.
    segment = OverridableSegment.from_value(
        calls.translation.source,
        OverridableSegmentValue("application_url", calls.en.application_url),
    )
    url = reverse(
        "wagtail_localize:edit_override",
        kwargs={"translation_id": calls.translation.pk, "overridable_segment_id": segment.pk},
    )

    response = translator.put(
        url, f"value={EVIL_URL}", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 404
    assert not SegmentOverride.objects.filter(data_json__contains="phishing").exists()


#: Synchronised fields a translation may still change: the page address (localized slugs) and
#: whether a page shows in menus are per language; a project's acronym is a brand that some
#: languages spell their own way. Images (share, lead, a project's logo) may carry words in a
#: language, with their own credit; an attachment's document (and the language it is in) is
#: replaced by its version in the translation's language (a Slovenian guide). Translators
#: choose these from the choosers; the API still leaves out anything in a private collection.
OVERRIDABLE = {
    "slug",
    "show_in_menus",
    "acronym",
    "og_image",
    "lead_image",
    "lead_image_credit",
    "logo",
    "document",
    "language",
}


def synchronised_fields() -> list[tuple[str, SynchronizedField]]:
    found = []
    for plugin in registry:
        for model in apps.get_app_config(plugin.label).get_models():
            for field in getattr(model, "translatable_fields", []):
                if isinstance(field, SynchronizedField):
                    found.append((f"{model._meta.label}.{field.field_name}", field))
    return found


def test_every_synchronised_fact_is_closed_to_translators() -> None:
    fields = synchronised_fields()
    assert len(fields) > 50
    open_facts = [
        name
        for name, field in fields
        if field.overridable and name.rsplit(".", 1)[1] not in OVERRIDABLE
    ]
    assert open_facts == []
