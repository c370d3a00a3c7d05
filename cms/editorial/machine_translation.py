"""An offline machine translator for demos and tests: it marks text instead of translating it.

Selected by ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` when no DeepL key is configured, so the
"Translate with machine" button works on any machine without sending content anywhere, and a
reviewer can tell at a glance which strings nobody has translated yet.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape
from django.utils.translation import gettext_lazy

from wagtail.models import Locale
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def _language(locale: Locale) -> str:
    return locale.language_code.split("-", 1)[0].lower()


class OfflineMachineTranslator(BaseMachineTranslator):
    """Returns each string unchanged behind a marker such as "[MT sl] "; never uses the network."""

    display_name = gettext_lazy("Offline marker (no real translation)")

    def translate(
        self, source_locale: Locale, target_locale: Locale, strings: Iterable[StringValue]
    ) -> dict[StringValue, StringValue]:
        # StringValue.data is HTML: the marker goes in escaped, the original markup stays.
        marker = escape(f"[MT {target_locale.language_code}] ")
        return {string: StringValue(marker + string.data) for string in strings}

    def can_translate(self, source_locale: Locale, target_locale: Locale) -> bool:
        return _language(source_locale) != _language(target_locale)
