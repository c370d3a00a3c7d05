"""How completely each item is translated, from wagtail-localize's records.

A translation made with wagtail-localize shows the source text for every segment nobody has
translated yet, so a Slovenian page can be mostly English while it says ``locale: "sl"``.
``translationStatus`` tells partner sites how much of it is: the segments of its source
without a (valid) translation into the item's language, and whether any translation in it
is a machine translation nobody has edited since.

Statuses are loaded for every item the request has loaded so far (``cms.graphql.loaders``)
the first time one is asked for: one query for a whole list, however long.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import graphene

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation

Key = tuple[Any, int]  # (translation key, locale id)


class TranslationStatusType(graphene.ObjectType):
    """How much of an item is translated into its language (its ``locale``)."""

    complete = graphene.Boolean(
        required=True,
        description="Every text of the item is in its language: true for the original, and for "
        "a translation with no untranslated segments.",
    )
    untranslated_segments = graphene.Int(
        required=True,
        description="Texts (segments) still shown in the source language; 0 when complete.",
    )
    total_segments = graphene.Int(
        required=True, description="Texts (segments) the source has; 0 for the original."
    )
    machine_translated = graphene.Boolean(
        required=True,
        description="Some texts are machine translations nobody has edited since.",
    )
    source_locale = graphene.String(
        required=True,
        description="Language code of the original the item was translated from; its own "
        "for the original.",
    )

    class Meta:
        name = "TranslationStatus"


@dataclass(frozen=True)
class TranslationStatus:
    """One item's translation status (see :class:`TranslationStatusType`)."""

    complete: bool
    untranslated_segments: int
    total_segments: int
    machine_translated: bool
    source_locale: str


def translation_statuses(
    items: list[TranslatableMixin], language_codes: dict[int, str] | None = None
) -> dict[Key, TranslationStatus]:
    """The status of each item by (translation key, locale id), in one query (and one for
    the language codes, unless given by locale id).

    An item counts as an original (complete) unless wagtail-localize translates its content
    into the item's language: versions made outside it, or whose synced translation a
    translator stopped to edit by hand, have no segments to count.
    """
    wanted = {(item.translation_key, item.locale_id) for item in items}
    if not wanted:
        return {}
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id")).order_by()
    translations = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )
    rows = (
        Translation.objects.filter(
            source__object_id__in={key for key, _locale in wanted},
            target_locale_id__in={locale for _key, locale in wanted},
            enabled=True,
        )
        .annotate(
            total=_count(segments),
            translated=_count(segments.filter(Exists(translations))),
            machine=_count(
                segments.filter(
                    Exists(
                        translations.filter(
                            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
                        )
                    )
                )
            ),
        )
        # The latest source wins if an item was ever translated from two languages.
        .order_by("source__last_updated_at")
        .values(
            "source__object_id",
            "source__locale_id",
            "target_locale_id",
            "total",
            "translated",
            "machine",
        )
    )
    languages = language_codes or dict(Locale.objects.values_list("pk", "language_code"))
    found: dict[Key, TranslationStatus] = {}
    for row in rows:
        key = (row["source__object_id"], row["target_locale_id"])
        if key not in wanted:
            continue
        untranslated = row["total"] - row["translated"]
        found[key] = TranslationStatus(
            complete=untranslated == 0,
            untranslated_segments=untranslated,
            total_segments=row["total"],
            machine_translated=row["machine"] > 0,
            source_locale=languages.get(row["source__locale_id"], ""),
        )
    for key, locale_id in wanted:
        found.setdefault(
            (key, locale_id),
            TranslationStatus(
                complete=True,
                untranslated_segments=0,
                total_segments=0,
                machine_translated=False,
                source_locale=languages.get(locale_id, ""),
            ),
        )
    return found


def _count(segments: Any) -> Coalesce:
    counted = segments.values("source_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
