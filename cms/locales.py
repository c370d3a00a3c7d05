"""Keep a Wagtail ``Locale`` row for every language in ``CMS_LANGUAGES``."""

from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS


def sync_locales(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """Create missing locales after every ``migrate``, so no manual step is ever needed.

    Locales for languages later removed from the setting are kept: pages in them still exist
    and deleting a locale would cascade to its whole tree.
    """
    from wagtail.models import Locale

    if not _locale_table_ready(using):
        return
    existing = set(Locale.objects.using(using).values_list("language_code", flat=True))
    Locale.objects.using(using).bulk_create(
        [
            Locale(language_code=code)
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if code not in existing
        ]
    )


def _locale_table_ready(using: str) -> bool:
    from django.db import connections

    from wagtail.models import Locale

    return Locale._meta.db_table in connections[using].introspection.table_names()
