"""The same content in another language, for many objects at once.

Relations are copied unchanged into translations (synchronised fields, many-to-many links),
so a translated page still points at the source language's snippets and pages. Partner sites
see each related object in the language of the content that links to it, when it has a
translation there. These helpers find those versions in one query per model, however many
objects and languages are asked for.

The core never imports a plugin: models come from the objects, and what counts as a visible
version (``restrict``, e.g. ``cms.graphql.visibility.public_pages`` for pages) from the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.db.models import QuerySet

from wagtail.models import TranslatableMixin

ModelT = TypeVar("ModelT", bound=TranslatableMixin)

#: Narrows a queryset to the versions that may be shown, e.g. public pages only.
Restrict = Callable[[QuerySet[Any]], QuerySet[Any]]
#: ``(object's primary key, wanted locale id)``.
LocalizedKey = tuple[Any, int]


def localized_many(
    wanted: Iterable[tuple[ModelT | None, int]],
    *,
    restrict: Restrict | None = None,
) -> dict[LocalizedKey, ModelT | None]:
    """Map each ``(object.pk, locale_id)`` to the object's version in ``locale_id``.

    ``wanted`` pairs translatable objects with the locale each should be shown in; ``None``
    objects are skipped. An object with no version in that locale maps to its own version.

    Without ``restrict`` every version counts: objects already in the wanted locale map to
    themselves at no cost, and one query per model finds the translations of the others.
    With ``restrict`` the chosen version must pass it, so every object is looked up (its own
    version too); one with no version passing it maps to ``None``.
    """
    by_model: dict[type[ModelT], list[tuple[ModelT, int]]] = {}
    for obj, locale_id in wanted:
        if obj is not None:
            by_model.setdefault(type(obj), []).append((obj, locale_id))
    found: dict[LocalizedKey, ModelT | None] = {}
    for model, pairs in by_model.items():
        found.update(_localized_of_model(model, pairs, restrict))
    return found


def localized(
    objects: Iterable[ModelT | None],
    locale_id: int,
    *,
    restrict: Restrict | None = None,
) -> dict[Any, ModelT | None]:
    """:func:`localized_many` for objects all wanted in ``locale_id``, keyed by their pk."""
    return {
        pk: version
        for (pk, _locale), version in localized_many(
            ((obj, locale_id) for obj in objects), restrict=restrict
        ).items()
    }


def localized_list(
    objects: Iterable[ModelT],
    locale_id: int,
    *,
    restrict: Restrict | None = None,
) -> list[ModelT]:
    """``objects`` in ``locale_id`` where translated, in order; those with no version left out."""
    objects = list(objects)
    versions = localized(objects, locale_id, restrict=restrict)
    chosen = (versions.get(obj.pk) for obj in objects)
    return [version for version in chosen if version is not None]


def _localized_of_model(
    model: type[ModelT],
    pairs: list[tuple[ModelT, int]],
    restrict: Restrict | None,
) -> dict[LocalizedKey, ModelT | None]:
    if restrict is None:
        # Every version counts: only objects outside the wanted locale need a look-up.
        result: dict[LocalizedKey, ModelT | None] = {
            (obj.pk, locale_id): obj for obj, locale_id in pairs
        }
        foreign = [(obj, locale_id) for obj, locale_id in pairs if obj.locale_id != locale_id]
        if foreign:
            translations = model._default_manager.filter(
                translation_key__in={obj.translation_key for obj, _locale in foreign},
                locale_id__in={locale_id for _obj, locale_id in foreign},
            )
            versions = {(obj.translation_key, obj.locale_id): obj for obj in translations}
            for obj, locale_id in foreign:
                result[(obj.pk, locale_id)] = versions.get((obj.translation_key, locale_id), obj)
        return result
    candidates = restrict(
        model._default_manager.filter(
            translation_key__in={obj.translation_key for obj, _locale in pairs},
            locale_id__in={
                *(locale_id for _obj, locale_id in pairs),
                *(obj.locale_id for obj, _locale in pairs),
            },
        )
    )
    versions = {(obj.translation_key, obj.locale_id): obj for obj in candidates}
    return {
        (obj.pk, locale_id): versions.get((obj.translation_key, locale_id))
        or versions.get((obj.translation_key, obj.locale_id))
        for obj, locale_id in pairs
    }


def relations_in_locale(
    items: Iterable[Any],
    relations: Iterable[str],
    *,
    restrict: Restrict | None = None,
    locale_ids: Iterable[int] | None = None,
) -> list[dict[str, Any]]:
    """Each item's ``relations`` in the item's language (or the matching one of
    ``locale_ids``, for rows that have no language of their own), one query per related model
    in all.

    A relation is a foreign key (its value: the related object's version, or ``None``) or a
    many-to-many or reverse relation (a list, in order, leaving out objects with no version
    passing ``restrict``). What ``item.<relation>`` holds is read as it is: load it with the
    items (``select_related``, ``prefetch_related``) so that reading costs nothing either.
    """
    items = list(items)
    relations = list(relations)
    wanted_locales = [item.locale_id for item in items] if locale_ids is None else list(locale_ids)
    related: list[dict[str, Any]] = []
    for item in items:
        values: dict[str, Any] = {}
        for relation in relations:
            value = getattr(item, relation)
            values[relation] = list(value.all()) if hasattr(value, "all") else value
        related.append(values)
    # Keys are primary keys, which models share: look each model's objects up on their own.
    wanted: dict[type, list[tuple[Any, int]]] = {}
    for locale_id, values in zip(wanted_locales, related, strict=True):
        for value in values.values():
            for obj in value if isinstance(value, list) else [value]:
                if obj is not None:
                    wanted.setdefault(type(obj), []).append((obj, locale_id))
    versions_of = {
        model: localized_many(pairs, restrict=restrict) for model, pairs in wanted.items()
    }
    result: list[dict[str, Any]] = []
    for locale_id, values in zip(wanted_locales, related, strict=True):
        chosen: dict[str, Any] = {}
        for relation, value in values.items():
            if isinstance(value, list):
                found = (versions_of[type(obj)][(obj.pk, locale_id)] for obj in value)
                chosen[relation] = [obj for obj in found if obj is not None]
            else:
                chosen[relation] = (
                    None if value is None else versions_of[type(value)][(value.pk, locale_id)]
                )
        result.append(chosen)
    return result
