"""Where each translation stands against its source: missing, unpublished, out of date.

wagtail-localize keeps a frozen copy of the source (a ``TranslationSource``) and only refreshes
it when someone syncs ("Sync translated pages"). Until then its editor shows the old source
text, with nothing to say the original moved on; after a sync, changed text simply shows up
untranslated. The states here tell translators both: that the source changed since the last
sync, and which segments differ, and how many segments still wait for a translation.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, IntegerField, Model, OuterRef, Sum
from django.db.models.functions import Cast
from django.utils.translation import gettext, ngettext

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from cms.models import BaseIndexPage

#: Depth of each language's home page: the tree root is 1, the home pages below it 2.
HOME_DEPTH = 2


@dataclass(frozen=True)
class SegmentChange:
    """One translatable field whose source text differs from the synced copy (as plain text)."""

    path: str
    label: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass
class TranslationState:
    """One translation (a source object into one locale) and what it still needs."""

    translation: Translation
    source_instance: Model | None
    target: Model | None
    total_segments: int = 0
    translated_segments: int = 0
    source_changed: bool = False
    target_behind_source: bool = False
    changes: list[SegmentChange] = field(default_factory=list)

    @property
    def locale(self) -> Any:
        return self.translation.target_locale

    @property
    def title(self) -> str:
        return str(self.target or self.source_instance or self.translation.source.object_repr)

    @property
    def missing(self) -> bool:
        return self.target is None

    @property
    def unpublished(self) -> bool:
        target = self.target
        if isinstance(target, DraftStateMixin):
            return not target.live or target.has_unpublished_changes
        return False

    @property
    def untranslated_segments(self) -> int:
        return self.total_segments - self.translated_segments

    @property
    def out_of_date(self) -> bool:
        return self.source_changed or self.target_behind_source or self.untranslated_segments > 0

    @property
    def needs_work(self) -> bool:
        return self.missing or self.unpublished or self.out_of_date

    @property
    def in_fallback(self) -> bool:
        """Whether partners asking for the target language get the source instead: the
        translation is missing or not live (snippets have no drafts: they are live)."""
        if self.missing:
            return True
        return isinstance(self.target, DraftStateMixin) and not self.target.live

    @property
    def section_page(self) -> bool:
        """A language's home page or an index page: structure around the content, which
        wagtail-localize copies untranslated whenever a page below it is translated."""
        source = self.source_instance
        if not isinstance(source, Page):
            return False
        model = self.translation.source.specific_content_type.model_class()
        return source.depth <= HOME_DEPTH or (
            model is not None and issubclass(model, BaseIndexPage)
        )

    @property
    def labels(self) -> list[str]:
        """Short status labels, most pressing first, e.g. ["Source changed", "Not published"]."""
        labels = []
        if self.missing:
            labels.append(gettext("Missing"))
        if self.source_changed:
            labels.append(gettext("Source changed since last sync"))
        if self.target_behind_source:
            labels.append(gettext("Synced changes not published"))
        if self.untranslated_segments:
            labels.append(
                ngettext(
                    "%(untranslated)s of %(total)s segment untranslated",
                    "%(untranslated)s of %(total)s segments untranslated",
                    self.total_segments,
                )
                % {"untranslated": self.untranslated_segments, "total": self.total_segments}
            )
        if self.unpublished and not self.missing:
            labels.append(gettext("Not published"))
        return labels or [gettext("Up to date")]

    @property
    def stale(self) -> bool:
        """Whether the translation is behind its source or not there at all."""
        return self.out_of_date or self.missing

    @property
    def summary(self) -> str:
        return gettext("Out of date") if self.stale else gettext("Up to date")


def translation_states(translations: Iterable[Translation]) -> list[TranslationState]:
    """The state of each translation, in a number of queries that does not grow per row."""
    translations = list(translations)
    instances = _instances(translations)
    progress = _progress(translations)
    states = []
    for translation in translations:
        source = translation.source
        key = source.object_id
        source_instance = instances.get((key, source.locale_id))
        target = instances.get((key, translation.target_locale_id))
        total, done = progress.get(translation.pk, (0, 0))
        states.append(
            TranslationState(
                translation=translation,
                source_instance=source_instance,
                target=target,
                total_segments=total,
                translated_segments=done,
                source_changed=_source_changed(translation, source_instance),
                target_behind_source=_target_behind(translation, target),
            )
        )
    return states


def translation_state(translation: Translation, *, with_changes: bool = False) -> TranslationState:
    """The state of one translation; ``with_changes`` also lists the changed segments."""
    [state] = translation_states([translation])
    if with_changes and state.source_instance is not None:
        source = state.source_instance
        if isinstance(source, Page):
            source = source.specific
        state.changes = segment_changes(translation, source)
    return state


def segment_changes(translation: Translation, source_instance: Model) -> list[SegmentChange]:
    """Translatable text that differs between the source now and the last synced copy."""
    synced: dict[str, list[str]] = defaultdict(list)
    for path, text in (
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .values_list("context__path", "string__data")
    ):
        synced[path].append(text)
    current: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(source_instance):
        if isinstance(segment, StringSegmentValue):
            current[segment.path].append(segment.string.data)
    changes = []
    # Current order first, then paths that no longer exist.
    for path in dict.fromkeys([*current, *synced]):
        if synced.get(path, []) != current.get(path, []):
            before = [text for text in synced.get(path, []) if text not in current.get(path, [])]
            after = [text for text in current.get(path, []) if text not in synced.get(path, [])]
            changes.append(
                SegmentChange(
                    path=path,
                    label=_field_label(type(source_instance), path),
                    before=tuple(_plain(text) for text in before),
                    after=tuple(_plain(text) for text in after),
                )
            )
    return changes


def untranslated_source_texts(translation: Translation) -> list[tuple[str, str]]:
    """(field label, source text) of each synced segment still without a translation."""
    model = translation.source.specific_content_type.model_class()
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .order_by("order")
        .values_list("context__path", "string__data")
    )
    return [(_field_label(model, path), _plain(text)) for path, text in segments]


def _instances(translations: list[Translation]) -> dict[tuple[Any, int], Model]:
    """Source and target objects by (translation key, locale id), one query per model."""
    keys_by_model: dict[type[Model], set[Any]] = defaultdict(set)
    for translation in translations:
        model = translation.source.specific_content_type.model_class()
        if model is not None:
            keys_by_model[model].add(translation.source.object_id)
    found: dict[tuple[Any, int], Model] = {}
    for model, keys in keys_by_model.items():
        # Pages: the generic rows carry the dates and live flags needed, without the content.
        manager = Page.objects if issubclass(model, Page) else model._default_manager
        for instance in manager.filter(translation_key__in=keys):
            found[(instance.translation_key, instance.locale_id)] = instance
    return found


def _progress(translations: list[Translation]) -> dict[int, tuple[int, int]]:
    """(segments, translated segments) by translation id, one query per target locale."""
    by_locale: dict[int, list[Translation]] = defaultdict(list)
    for translation in translations:
        by_locale[translation.target_locale_id].append(translation)
    progress = {}
    for locale_id, group in by_locale.items():
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale_id,
            has_error=False,
        )
        rows = (
            StringSegment.objects.filter(source_id__in={t.source_id for t in group})
            .annotate(done=Cast(Exists(translated), IntegerField()))
            .values("source_id")
            .annotate(total=Count("pk"), translated=Sum("done"))
        )
        counts = {row["source_id"]: (row["total"], row["translated"] or 0) for row in rows}
        for translation in group:
            progress[translation.pk] = counts.get(translation.source_id, (0, 0))
    return progress


def _source_changed(translation: Translation, source_instance: Model | None) -> bool:
    """Whether syncing would change the copy translators work from."""
    if source_instance is None:
        return False
    synced_at = translation.source.last_updated_at
    if isinstance(source_instance, Page):
        # A live page's row holds its published content (drafts are revisions), which is what
        # a sync reads; a page never published holds its latest draft.
        changed_at = (
            source_instance.last_published_at
            if source_instance.live
            else source_instance.latest_revision_created_at
        )
        return bool(changed_at and synced_at and changed_at > synced_at)
    # Snippets carry no timestamps: compare the content as wagtail-localize does when syncing.
    return _serialised(source_instance) != json.loads(translation.source.content_json)


def _target_behind(translation: Translation, target: Model | None) -> bool:
    """Whether the source was synced after the target page was last published."""
    if not isinstance(target, Page) or not target.live:
        return False
    published_at: datetime | None = target.last_published_at
    synced_at = translation.source.last_updated_at
    return bool(published_at and synced_at and synced_at > published_at)


def _serialised(instance: Model) -> Any:
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    data = get_serializable_data_for_fields(instance)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _plain(data: str) -> str:
    # Segments hold HTML ("Volunteering &amp; Solidarity", inline links); people read text.
    return StringValue(data).render_text()


def _field_label(model: type[Model] | None, path: str) -> str:
    """A segment path such as "body.<block id>.value" as the field's label, e.g. "Body"."""
    name = path.split(".", 1)[0]
    if model is None:
        return name
    try:
        label = str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name
    return label[:1].upper() + label[1:]
