"""Catalog completeness: no interface string of the project reaches a user untranslated.

The admin's own strings (cms/, pages/, snippets/) are extracted with Django's makemessages
into a temporary directory and merged with the committed catalogs in locale/; the example
partner site's strings live in its own table (examples/partner-site/i18n.js).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polib
import pytest

from cms import catalogs

PARTNER_SITE = catalogs.BASE_DIR / "examples" / "partner-site"
#: Intl.PluralRules categories each language uses (CLDR).
PLURAL_CATEGORIES = {"en": {"one", "other"}, "sl": {"one", "two", "few", "other"}}
HOW_TO_FIX = (
    "Run `make messages`, translate every new or changed entry in locale/*/LC_MESSAGES/django.po "
    "(no fuzzy flags), and commit the catalogs."
)


@pytest.fixture(scope="module")
def gettext_tools() -> None:
    missing = [tool for tool in ("xgettext", "msgmerge", "msgfmt") if not shutil.which(tool)]
    if missing:
        pytest.fail(
            f"The catalog check needs GNU gettext ({', '.join(missing)} missing): "
            "apt-get install gettext (`make test` installs it).",
            pytrace=False,
        )


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory, gettext_tools: None) -> Path:
    """The committed catalogs merged with the strings makemessages finds in the sources now."""
    work = tmp_path_factory.mktemp("catalogs")
    return catalogs.extract(work, catalogs.catalog_languages())


def test_every_admin_language_has_a_catalog() -> None:
    assert {"sl", "sv"} <= set(catalogs.catalog_languages())


def test_every_interface_string_is_translated_in_every_catalog(extracted: Path) -> None:
    found = catalogs.problems(extracted, catalogs.catalog_languages())

    assert not found, f"{len(found)} catalog problems. {HOW_TO_FIX}\n" + "\n".join(found)


def test_the_committed_catalogs_already_hold_every_string(extracted: Path) -> None:
    """The merge adds nothing: each msgid the sources use is in the committed file itself."""
    for language in catalogs.catalog_languages():
        relative = Path(language, "LC_MESSAGES", "django.po")
        committed = _keys(polib.pofile(str(catalogs.LOCALE_DIR / relative)))
        merged = _keys(polib.pofile(str(extracted / relative)))

        assert merged <= committed, f"{language}: {sorted(merged - committed)[:20]}. {HOW_TO_FIX}"


def test_the_check_finds_a_new_string_nobody_translated(
    tmp_path: Path, gettext_tools: None
) -> None:
    """A source with a string the catalogs lack fails the check, naming the string."""
    project = tmp_path / "project"
    for name in catalogs.SOURCE_DIRS:
        (project / name).mkdir(parents=True)
    (project / "cms" / "new_feature.py").write_text(
        "from django.utils.translation import gettext_lazy as _\n\n"
        'LABEL = _("A string nobody translated yet")\n'
    )
    work = tmp_path / "work"
    work.mkdir()

    merged = catalogs.extract(work, ["sl"], base_dir=project)
    found = catalogs.problems(merged, ["sl"])

    assert "sl: 'A string nobody translated yet' is not translated" in found
    # The strings that left the sources are reported too, so the catalog stays in step.
    assert any("is no longer in the sources" in problem for problem in found)


# --- The example partner site's own words -----------------------------------------------------


def partner_words() -> dict[str, Any]:
    """``WORDS`` from i18n.js: an object literal of strings and nested objects, read as JSON."""
    source = (PARTNER_SITE / "i18n.js").read_text()
    literal = re.search(r"^const WORDS = (\{.*?^\});$", source, re.S | re.M)
    assert literal, "i18n.js no longer declares `const WORDS = {...};`"
    text = re.sub(r"^(\s*)([A-Za-z_]\w*):", r'\1"\2":', literal.group(1), flags=re.M)
    text = re.sub(r"([{,]\s*)([A-Za-z_]\w*):", r'\1"\2":', text)  # keys inside one-line objects
    text = re.sub(r",(\s*[}\]])", r"\1", text)  # trailing commas
    return json.loads(text)


def partner_languages() -> list[str]:
    config = (PARTNER_SITE / "config.js").read_text()
    match = re.search(r"LANGUAGES\s*=\s*\[([^\]]*)\]", config)
    assert match, "config.js no longer declares LANGUAGES = [...]"
    return re.findall(r"[\"']([a-z-]+)[\"']", match.group(1))


def leaves(words: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in words.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            yield from leaves(value, path)
        else:
            yield path, value


def test_the_partner_site_has_its_words_in_every_language_it_offers() -> None:
    words = partner_words()
    english = dict(leaves(words["en"]))
    for language in partner_languages():
        assert language in words, f"i18n.js has no words for {language!r}"
        own = dict(leaves(words[language]))
        missing = sorted(set(english) - set(own))
        empty = sorted(path for path, value in own.items() if not str(value).strip())
        assert not missing, f"{language}: no words for {missing}"
        assert not empty, f"{language}: empty words {empty}"


def test_the_partner_sites_plurals_have_every_form_the_language_needs() -> None:
    words = partner_words()
    for language in partner_languages():
        categories = PLURAL_CATEGORIES.get(language, {"one", "other"})
        assert categories <= set(words[language]["months"]), language


def test_the_partner_site_says_in_which_language_a_fallback_is_shown() -> None:
    """Slovenian declines the language's name ("v angleščini"): one phrase per language."""
    words = partner_words()
    languages = partner_languages()
    for language in languages:
        phrases = words[language]["inLanguage"]
        assert set(languages) <= set(phrases), language
        assert "{inLanguage}" in words[language]["fallback"]
    assert words["sl"]["inLanguage"]["en"] == "v angleščini"


def _keys(catalog: polib.POFile) -> set[tuple[str | None, str]]:
    return {(entry.msgctxt, entry.msgid) for entry in catalog if not entry.obsolete}


def test_every_field_label_and_help_text_the_project_writes_is_translatable() -> None:
    """A plain string as a field's label or help shows in English in a Slovenian admin, and
    the catalog check above cannot see it (makemessages only extracts marked strings)."""
    from django.apps import apps
    from django.utils.functional import Promise

    plain = []
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in ("cms", "pages", "snippets"):
            continue
        for field in model._meta.get_fields():
            for attribute in ("verbose_name", "help_text"):
                value = getattr(field, attribute, "")
                derived = attribute == "verbose_name" and value in (
                    field.name.replace("_", " "),
                    "ID",
                )
                if value and not isinstance(value, Promise) and not derived:
                    plain.append(f"{model._meta.label}.{field.name}.{attribute}: {value!r}")
    assert plain == []
