"""Translate a page or snippet through wagtail-localize, as a translator would.

Used by the demo loader and by tests: the result has a translation source, segments and
string translations exactly like content translated in the admin.
"""

from collections.abc import Mapping
from typing import TypeVar

from django.db import models

from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

T = TypeVar("T", bound=models.Model)


def translate(
    instance: T,
    language_code: str,
    texts: Mapping[str, str] | None = None,
    *,
    publish: bool = True,
) -> T:
    """Create or update the ``language_code`` translation of ``instance`` and return it.

    ``texts`` maps source strings (a segment's English text) to their translation; segments
    not in it fall back to the source text, as wagtail-localize does for untranslated ones.
    Pages are published unless ``publish`` is false; snippets are always saved.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    locale = Locale.objects.get(language_code=language_code)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = (texts or {}).get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    if not isinstance(instance, DraftStateMixin):
        translation.save_target()  # saved is live: nothing to publish
        return instance.get_translation(locale)
    # A draft first, published here rather than by wagtail-localize: it defers publishing to
    # the commit, with the page object it held when it translated, and saving that object then
    # writes back the tree's child count of that moment. A loader that adds pages below the
    # translation before committing (the demo, in one transaction) would leave a parent that
    # claims no children, and the next page added below it would take an existing page's path.
    translation.save_target(publish=False)
    target = instance.get_translation(locale)
    if publish:
        target.latest_revision.publish()
        target.refresh_from_db()
    return target
