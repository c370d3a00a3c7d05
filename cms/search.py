"""Full-text search that reads each language by its own rules (PostgreSQL).

Wagtail's database backend builds every index entry and every query with one text-search
configuration (``SEARCH_CONFIG``), English by default, so Slovenian and Swedish words are not
stemmed: "prostovoljstva" does not find "prostovoljstvo". Declaring one backend per language
does not help, because they all write the same index table and the last one wins
(wagtail/wagtail#9253). This backend keeps the one table and picks the configuration per
object, from the object's locale, when indexing; a query is read with the configuration of
the language it searches (:func:`search_backend`).

Name it in ``WAGTAILSEARCH_BACKENDS`` (``"BACKEND": "cms.search"``); ``SEARCH_CONFIGS`` maps
language codes to PostgreSQL configurations, over :data:`DEFAULT_CONFIGS`. On other databases
the stock backend is used unchanged (SQLite's FTS5 has no per-language rules).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from modelsearch.backends.base import BaseSearchBackend
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

from django.conf import settings
from django.db import connection, models

from wagtail.search.backends import get_search_backend

#: PostgreSQL's built-in configurations (Snowball stemmers, every supported version) by
#: language code. ``slovenian`` is this project's own (migration ``cms.0001``): PostgreSQL
#: ships no Slovenian stemmer, so it folds accents and uses the Serbian one, the nearest.
DEFAULT_CONFIGS = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nb": "norwegian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sl": "slovenian",
    "sv": "swedish",
    "tr": "turkish",
}
#: For a language with no stemmer: words as written, lower-cased.
UNKNOWN_LANGUAGE_CONFIG = "simple"


def SearchBackend(params: dict[str, Any]) -> BaseSearchBackend:
    """The backend Wagtail loads from this module (by this name): per-language on
    PostgreSQL, the stock database backend otherwise."""
    if connection.vendor == "postgresql":
        return LanguageSearchBackend(params)
    return DatabaseSearchBackend(params)


def search_backend(language_code: str) -> BaseSearchBackend:
    """The default backend, reading queries by the rules of ``language_code``."""
    backend = get_search_backend()
    if isinstance(backend, LanguageSearchBackend):
        return backend.for_language(language_code)
    return backend


class LanguageIndex(PostgresIndex):
    """Writes each object's entry with the configuration of the object's language."""

    backend: LanguageSearchBackend

    def add_items(self, model: type[models.Model], objs: Iterable[models.Model]) -> None:
        objs = list(objs)
        languages = _languages({getattr(obj, "locale_id", None) for obj in objs})
        by_config: dict[str, list[models.Model]] = defaultdict(list)
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            by_config[self.backend.config_for(language)].append(obj)
        for config, group in by_config.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LanguageSearchBackend(PostgresSearchBackend):
    """PostgreSQL full-text search with one configuration per content language."""

    index_class = LanguageIndex

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.params = dict(params)
        self.configs = {**DEFAULT_CONFIGS, **params.get("SEARCH_CONFIGS", {})}
        # A query that names no language (the admin's search) reads as the default one.
        self.config = params.get("SEARCH_CONFIG") or self.config_for(settings.LANGUAGE_CODE)

    def config_for(self, language_code: str | None) -> str:
        """The configuration ``language_code`` is indexed and read with."""
        if language_code is None:
            return self.config
        return self.configs.get(language_code, UNKNOWN_LANGUAGE_CONFIG)

    def with_config(self, config: str) -> PostgresSearchBackend:
        return PostgresSearchBackend({**self.params, "SEARCH_CONFIG": config})

    def for_language(self, language_code: str) -> LanguageSearchBackend:
        """This backend, reading queries as ``language_code``."""
        return LanguageSearchBackend(
            {**self.params, "SEARCH_CONFIG": self.config_for(language_code)}
        )


def _languages(locale_ids: set[int | None]) -> dict[int | None, str]:
    from wagtail.models import Locale

    ids = {pk for pk in locale_ids if pk is not None}
    if not ids:
        return {}
    return dict(Locale.objects.filter(pk__in=ids).values_list("pk", "language_code"))
