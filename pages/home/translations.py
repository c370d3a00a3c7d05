"""Give every configured locale its own home page, translated from the default one."""

from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction


def ensure_home_translations(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """After ``migrate``: a home page for each language in ``CMS_LANGUAGES``.

    Created through wagtail-localize, so translators later find a translation source and
    segments for the home page like for any other page. Runs on every migrate; a language
    added to ``CMS_LANGUAGES`` gets its home page on the next one.
    """
    from wagtail.models import Locale, Site
    from wagtail_localize.models import Translation, TranslationSource

    from pages.home.models import HomePage

    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        return
    have = set(
        home.get_translations(inclusive=True).values_list("locale__language_code", flat=True)
    )
    wanted = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code not in have]
    if not wanted:
        return
    with transaction.atomic(using=using):
        source, _created = TranslationSource.get_or_create_from_instance(home)
        for code in wanted:
            locale = Locale.objects.using(using).get(language_code=code)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale
            )
            translation.save_target(publish=True)
