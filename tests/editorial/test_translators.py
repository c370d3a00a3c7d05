"""A Slovenian translator translates and publishes Slovenian content and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page, Revision, WorkflowState
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from pages.calls.factories import CallPageFactory
from pages.calls.models import CallIndexPage, CallPage
from snippets.people.factories import PersonFactory
from snippets.people.models import Person
from snippets.programmes.models import Programme
from tests.editorial.helpers import (
    assert_refused,
    call_form_from,
    call_titles,
    edit_url,
    submit_and_approve,
)

pytestmark = pytest.mark.django_db

SLOVENIAN = {
    "Calls": "Razpisi",
    "Solidarity projects": "Solidarnostni projekti",
    "Young people run projects in their community.": "Mladi vodijo projekte v svoji skupnosti.",
}
SWEDISH = {"Calls": "Utlysningar", "Solidarity projects": "Solidaritetsprojekt"}


@dataclass
class World:
    """An English call translated into Slovenian (a draft) and Swedish, and snippets."""

    en: CallPage
    sl: CallPage
    sv: CallPage
    untranslated: CallPage
    sl_translation: Translation
    sv_translation: Translation
    programme_en: Programme
    programme_sl: Programme
    programme_sv: Programme
    programme_sv_translation: Translation
    person_en: Person
    locales: dict[str, Locale]


@pytest.fixture
def world(
    live_call: CallPage,
    index: CallIndexPage,
    esc: Programme,
    locales: dict[str, Locale],
    translate_to: Any,
) -> World:
    translate_to(index, "sl", SLOVENIAN)
    translate_to(index, "sv", SWEDISH)
    sv = translate_to(live_call, "sv", SWEDISH)
    sv.save_revision()  # a second revision, so there is something to compare
    live_call.save_revision()
    # The Slovenian version exists as an untranslated draft, as "Translate this page" leaves it.
    sl = translate_to(live_call, "sl", publish=False)
    untranslated = CallPageFactory(parent=index, title="Volunteering", programme=esc)
    untranslated.save_revision().publish()
    programme_sl = translate_to(esc, "sl", {"European Solidarity Corps": "Evropska enota"})
    programme_sv = translate_to(esc, "sv", {"European Solidarity Corps": "Europeiska kåren"})
    translations = Translation.objects.filter(source__object_id=live_call.translation_key)
    return World(
        en=live_call,
        sl=sl,
        sv=sv,
        untranslated=untranslated,
        sl_translation=translations.get(target_locale=locales["sl"]),
        sv_translation=translations.get(target_locale=locales["sv"]),
        programme_en=esc,
        programme_sl=programme_sl,
        programme_sv=programme_sv,
        programme_sv_translation=Translation.objects.get(
            source__object_id=esc.translation_key, target_locale=locales["sv"]
        ),
        person_en=PersonFactory(name="Lea Kovič"),
        locales=locales,
    )


@pytest.fixture
def translator_client(sl_translator: Any, client_for: Callable[[Any], Client]) -> Client:
    return client_for(sl_translator)


def put_string(client: Client, translation: Translation, path: str, value: str) -> Any:
    """Type a translation into wagtail-localize's editor, as its JavaScript does."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    return client.put(
        url, f"value={value}", content_type="application/x-www-form-urlencoded; charset=utf-8"
    )


def test_translator_translates_the_slovenian_call_and_a_moderator_publishes_it(
    world: World,
    translator_client: Client,
    moderator: Any,
    client_for: Callable[[Any], Client],
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    editor_page = translator_client.get(edit_url(world.sl))
    assert editor_page.status_code == 200
    assert "Solidarity projects" in editor_page.content.decode()  # the source, to translate

    for path, text in [
        ("title", "Solidarnostni projekti"),
        ("summary", "Mladi vodijo projekte v svoji skupnosti."),
    ]:
        assert put_string(translator_client, world.sl_translation, path, text).status_code == 201
    # Calls go live through Call moderation only, in every language.
    with django_capture_on_commit_callbacks(execute=True):
        assert_refused(translator_client.post(edit_url(world.sl), {"action": "publish"}))
    submit_and_approve(
        translator_client, client_for(moderator), world.sl, django_capture_on_commit_callbacks
    )

    world.sl.refresh_from_db()
    assert world.sl.live
    assert world.sl.summary == "Mladi vodijo projekte v svoji skupnosti."
    assert "Solidarnostni projekti" in call_titles(graphql, "sl")
    assert "Solidarnostni projekti" not in call_titles(graphql, "en")


def test_translator_starts_a_slovenian_translation_but_is_offered_no_other_language(
    world: World, translator_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    url = reverse("wagtail_localize:submit_page_translation", args=[world.untranslated.pk])

    form = translator_client.get(url)
    assert form.status_code == 200
    offered = list(form.context["form"].fields["locales"].queryset)
    assert offered == [world.locales["sl"]]
    with django_capture_on_commit_callbacks(execute=True):
        response = translator_client.post(url, {"locales": [world.locales["sl"].pk]})

    assert response.status_code == 302
    assert world.untranslated.has_translation(world.locales["sl"])
    assert not world.untranslated.has_translation(world.locales["sv"])


def test_translator_edits_slovenian_snippets_only(world: World, translator_client: Client) -> None:
    edit = reverse("wagtailsnippets_programmes_programme:edit", args=[world.programme_sl.pk])
    add = reverse("wagtailsnippets_programmes_programme:add")

    assert translator_client.get(edit).status_code == 200
    assert translator_client.get(f"{add}?locale=sl").status_code == 200
    assert_refused(translator_client.get(f"{add}?locale=sv"))
    assert_refused(translator_client.get(add))  # the default language, English


# --- Every path to the English and Swedish versions is refused --------------------------------


def po_file(translation: Translation) -> SimpleUploadedFile:
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Hacked"
    return SimpleUploadedFile("sv.po", str(po).encode(), content_type="text/x-gettext-translation")


def localize(name: str, translation: Translation, *args: Any) -> str:
    return reverse(f"wagtail_localize:{name}", args=[translation.pk, *args])


def snippet(action: str, obj: Any = None) -> str:
    name = f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:{action}"
    return reverse(name, args=[obj.pk] if action != "add" else [])


def revisions(page: Page) -> list[int]:
    return list(page.revisions.order_by("created_at").values_list("pk", flat=True))


def override_url(w: World) -> str:
    segment = OverridableSegment.objects.filter(source=w.sv_translation.source).first()
    assert segment is not None, "the call has no overridable (synchronised) field"
    return reverse(
        "wagtail_localize:edit_override",
        kwargs={"translation_id": w.sv_translation.pk, "overridable_segment_id": segment.pk},
    )


def string_url(translation: Translation, path: str) -> str:
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    return reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )


PUT_FORM = {"content_type": "application/x-www-form-urlencoded"}


def NOTHING(w: World) -> dict[str, Any]:
    return {}


# (name, method, url, data): each is a way a Slovenian translator could reach or change the
# English or Swedish version of a call or a snippet.
REFUSED: list[tuple[str, str, Callable[[World], str], Callable[[World], Any]]] = [
    ("page edit (en)", "get", lambda w: edit_url(w.en), NOTHING),
    (
        "page publish (en)",
        "post",
        lambda w: edit_url(w.en),
        lambda w: call_form_from(w.en, title="Changed", **{"action-publish": "1"}),
    ),
    ("translation editor (sv)", "get", lambda w: edit_url(w.sv), NOTHING),
    (
        "publish in translation editor (sv)",
        "post",
        lambda w: edit_url(w.sv),
        lambda w: {"action": "publish"},
    ),
    ("preview (en)", "get", lambda w: f"/admin/pages/{w.en.pk}/edit/preview/", NOTHING),
    (
        "preview with a changed form (en)",
        "post",
        lambda w: f"/admin/pages/{w.en.pk}/edit/preview/",
        lambda w: call_form_from(w.en, title="Changed"),
    ),
    ("preview (sv)", "get", lambda w: f"/admin/pages/{w.sv.pk}/edit/preview/", NOTHING),
    ("history (en)", "get", lambda w: f"/admin/pages/{w.en.pk}/history/", NOTHING),
    ("history (sv)", "get", lambda w: f"/admin/pages/{w.sv.pk}/history/", NOTHING),
    (
        "workflow history (en)",
        "get",
        lambda w: f"/admin/pages/{w.en.pk}/workflow_history/",
        NOTHING,
    ),
    (
        "revisions compare (en)",
        "get",
        lambda w: f"/admin/pages/{w.en.pk}/revisions/compare/earliest...latest/",
        NOTHING,
    ),
    (
        "revisions compare (sv)",
        "get",
        lambda w: "/admin/pages/{}/revisions/compare/{}...{}/".format(
            w.sv.pk, *revisions(w.sv)[:2]
        ),
        NOTHING,
    ),
    (
        "revision view (en)",
        "get",
        lambda w: f"/admin/pages/{w.en.pk}/revisions/{revisions(w.en)[0]}/view/",
        NOTHING,
    ),
    (
        "revision revert (en)",
        "post",
        lambda w: f"/admin/pages/{w.en.pk}/revisions/{revisions(w.en)[0]}/revert/",
        lambda w: call_form_from(w.en, **{"action-publish": "1"}),
    ),
    ("unpublish (sv)", "post", lambda w: f"/admin/pages/{w.sv.pk}/unpublish/", NOTHING),
    ("delete (sv)", "post", lambda w: f"/admin/pages/{w.sv.pk}/delete/", NOTHING),
    (
        "submit translation form (en, no language left to me)",
        "get",
        lambda w: reverse("wagtail_localize:submit_page_translation", args=[w.en.pk]),
        NOTHING,
    ),
    (
        "submit translation into Swedish (en)",
        "post",
        lambda w: reverse("wagtail_localize:submit_page_translation", args=[w.untranslated.pk]),
        lambda w: {"locales": [w.locales["sv"].pk]},
    ),
    (
        "submit translation into Slovenian and Swedish (en)",
        "post",
        lambda w: reverse("wagtail_localize:submit_page_translation", args=[w.untranslated.pk]),
        lambda w: {"locales": [w.locales["sl"].pk, w.locales["sv"].pk]},
    ),
    (
        "sync translations of the English source",
        "post",
        lambda w: reverse(
            "wagtail_localize:update_translations", args=[w.sv_translation.source_id]
        ),
        lambda w: {"publish_translations": "on"},
    ),
    (
        "string translation (sv)",
        "put",
        lambda w: string_url(w.sv_translation, "title"),
        lambda w: "value=Hacked",
    ),
    ("synchronised field override (sv)", "put", override_url, lambda w: "value=2030-01-01"),
    ("PO download (sv)", "get", lambda w: localize("download_pofile", w.sv_translation), NOTHING),
    (
        "PO upload (sv)",
        "post",
        lambda w: localize("upload_pofile", w.sv_translation),
        lambda w: {"file": po_file(w.sv_translation)},
    ),
    (
        "machine translation (sv)",
        "post",
        lambda w: localize("machine_translate", w.sv_translation),
        NOTHING,
    ),
    (
        "translation preview (sv)",
        "get",
        lambda w: localize("preview_translation", w.sv_translation),
        NOTHING,
    ),
    (
        "stop translation (sv)",
        "post",
        lambda w: localize("stop_translation", w.sv_translation),
        NOTHING,
    ),
    # wagtail-localize checks snippets by model only: these depend on the language guard.
    (
        "snippet string translation (sv)",
        "put",
        lambda w: string_url(w.programme_sv_translation, "name"),
        lambda w: "value=Hacked",
    ),
    (
        "snippet PO download (sv)",
        "get",
        lambda w: localize("download_pofile", w.programme_sv_translation),
        NOTHING,
    ),
    (
        "snippet PO upload (sv)",
        "post",
        lambda w: localize("upload_pofile", w.programme_sv_translation),
        lambda w: {"file": po_file(w.programme_sv_translation)},
    ),
    (
        "snippet machine translation (sv)",
        "post",
        lambda w: localize("machine_translate", w.programme_sv_translation),
        NOTHING,
    ),
    (
        "snippet stop translation (sv)",
        "post",
        lambda w: localize("stop_translation", w.programme_sv_translation),
        NOTHING,
    ),
    ("snippet edit (en)", "get", lambda w: snippet("edit", w.programme_en), NOTHING),
    (
        "snippet save (en)",
        "post",
        lambda w: snippet("edit", w.programme_en),
        lambda w: {"name": "Changed", "slug": w.programme_en.slug, "website": ""},
    ),
    ("snippet translation editor (sv)", "get", lambda w: snippet("edit", w.programme_sv), NOTHING),
    (
        "snippet publish in translation editor (sv)",
        "post",
        lambda w: snippet("edit", w.programme_sv),
        lambda w: {"action": "publish"},
    ),
    ("snippet delete (sv)", "post", lambda w: snippet("delete", w.programme_sv), NOTHING),
    (
        "snippet create (sv)",
        "post",
        lambda w: snippet("add", w.programme_sv) + "?locale=sv",
        lambda w: {"name": "New", "slug": "new", "description": "", "website": ""},
    ),
    (
        "snippet translation into Swedish (en)",
        "post",
        lambda w: reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["people", "person", w.person_en.pk],
        ),
        lambda w: {"locales": [w.locales["sv"].pk]},
    ),
]


def snapshot() -> dict[str, Any]:
    """Everything a refused request could have created or changed."""
    return {
        "pages": sorted(
            Page.objects.values_list(
                "pk", "title", "draft_title", "live", "has_unpublished_changes", "locale_id"
            )
        ),
        "revisions": Revision.objects.count(),
        "workflows": WorkflowState.objects.count(),
        "strings": sorted(StringTranslation.objects.values_list("pk", "data", "locale_id")),
        "overrides": sorted(SegmentOverride.objects.values_list("pk", "data_json")),
        "translations": sorted(Translation.objects.values_list("pk", "enabled")),
        "sources": sorted(TranslationSource.objects.values_list("pk", "last_updated_at")),
        "programmes": sorted(Programme.objects.values_list("pk", "name", "locale_id")),
        "people": sorted(Person.objects.values_list("pk", "name", "locale_id")),
    }


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [pytest.param(method, url, data, id=name) for name, method, url, data in REFUSED],
)
def test_slovenian_translator_is_refused_english_and_swedish_versions(
    method: str,
    url: Callable[[World], str],
    data: Callable[[World], Any],
    world: World,
    translator_client: Client,
    django_capture_on_commit_callbacks: Any,
) -> None:
    address = url(world)
    body = data(world)
    before = snapshot()

    def send(**headers: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            if method == "put":
                return translator_client.put(address, body, **PUT_FORM, **headers)
            if hasattr(body, "get") and hasattr(body.get("file"), "seek"):
                body["file"].seek(0)
            return getattr(translator_client, method)(address, body, **headers)

    # As the browser navigates: a 403 page saying so ...
    assert_refused(send())
    # ... and as the admin's scripts call it: a bare 403.
    response = send(HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 403, (address, response.status_code)
    assert snapshot() == before
