"""A translator's admin speaks their language from the start.

A user added in the admin to a translator group ("Translators (sl)") and who has not chosen an
admin language yet gets that group's language as their preferred one; they can change it in
their account settings like anyone else. Without it, Wagtail would follow the browser, and a
Slovenian translator with an English browser would meet an English admin.
"""

from __future__ import annotations

from typing import Any

from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.models import UserProfile

from cms.editorial.groups import target_languages, translator_group_name


def group_language(user: Any) -> str | None:
    """The language of the first translator group ``user`` belongs to (in the configured order)
    that the admin is offered in; None if there is none."""
    offered = {code for code, _name in get_available_admin_languages()}
    groups = set(user.groups.values_list("name", flat=True))
    for code in target_languages():
        if translator_group_name(code) in groups and code in offered:
            return code
    return None


def default_to_group_language(user: Any) -> None:
    """Set ``user``'s admin language from their translator group unless they chose one."""
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language:
        return
    language = group_language(user)
    if language is not None:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
