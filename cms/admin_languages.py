"""The languages the admin interface is offered in, separate from the content languages."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.functional import Promise

from wagtail.admin.localization import WAGTAILADMIN_PROVIDED_LANGUAGES


def admin_languages(
    content_languages: Sequence[tuple[str, str | Promise]],
) -> list[tuple[str, str | Promise]]:
    """The content languages first, in their configured order, then every other language
    Wagtail's admin is translated into, in Wagtail's order."""
    chosen = [(code, name) for code, name in content_languages]
    codes = {code for code, _name in chosen}
    return chosen + [
        (code, name) for code, name in WAGTAILADMIN_PROVIDED_LANGUAGES if code not in codes
    ]
