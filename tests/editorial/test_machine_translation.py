"""Machine translation: DeepL with a key, otherwise an offline translator that marks its output."""

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from django.conf import settings
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.strings import StringValue

from cms.editorial.machine_translation import OfflineMachineTranslator
from pages.calls.models import CallIndexPage, CallPage
from tests.editorial.helpers import call_titles, edit_url, submit_and_approve

SELECTED_TRANSLATOR = """
import django, json
django.setup()
from wagtail_localize.machine_translators import get_machine_translator
translator = get_machine_translator()
print(json.dumps([type(translator).__module__, type(translator).__name__, translator.options]))
"""


def selected_translator(**environment: str) -> list[Any]:
    """Which translator a fresh process configures, given its environment (no network used)."""
    env = {k: v for k, v in os.environ.items() if k != "DEEPL_API_KEY"}
    # Development settings choose by the environment; test settings pin the offline one.
    env.update(environment, DJANGO_SETTINGS_MODULE="cms.settings.dev")
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", SELECTED_TRANSLATOR],
        env=env,
        cwd=Path(settings.BASE_DIR),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_a_deepl_key_in_the_environment_deepl_is_used() -> None:
    module, name, options = selected_translator(DEEPL_API_KEY="fake-key:fx")

    assert (module, name) == ("wagtail_localize.machine_translators.deepl", "DeepLTranslator")
    assert options == {"AUTH_KEY": "fake-key:fx"}


def test_without_a_key_the_offline_translator_is_used() -> None:
    module, name, _options = selected_translator()

    assert (module, name) == ("cms.editorial.machine_translation", "OfflineMachineTranslator")


@pytest.mark.django_db
def test_the_offline_translator_marks_its_output_and_keeps_markup(locales: dict) -> None:
    translator = OfflineMachineTranslator({})
    source = StringValue('Apply <a id="a1">online</a> &amp; on paper')

    [result] = translator.translate(locales["en"], locales["sl"], [source]).values()

    assert result.data == '[MT sl] Apply <a id="a1">online</a> &amp; on paper'
    assert translator.can_translate(locales["en"], locales["sl"])
    assert not translator.can_translate(locales["en"], Locale(language_code="en-gb"))


@pytest.mark.django_db
def test_translator_machine_translates_a_call_and_publishes_it(
    sl_translator: Any,
    moderator: Any,
    client_for: Callable[[Any], Client],
    live_call: CallPage,
    index: CallIndexPage,
    translate_to: Any,
    graphql: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    translate_to(index, "sl", {"Calls": "Razpisi"})
    slovenian = translate_to(live_call, "sl", publish=False)
    translation = Translation.objects.get(
        source__object_id=live_call.translation_key, target_locale=slovenian.locale
    )
    client = client_for(sl_translator)
    assert (
        "Offline marker (no real translation)" in client.get(edit_url(slovenian)).content.decode()
    )

    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": edit_url(slovenian)},
    )
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        locale=slovenian.locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert "[MT sl] Solidarity projects" in set(machine.values_list("data", flat=True))

    submit_and_approve(client, client_for(moderator), slovenian, django_capture_on_commit_callbacks)
    slovenian.refresh_from_db()
    assert slovenian.title == "[MT sl] Solidarity projects"
    assert slovenian.summary == f"[MT sl] {live_call.summary}"
    assert "[MT sl] Solidarity projects" in call_titles(graphql, "sl")
