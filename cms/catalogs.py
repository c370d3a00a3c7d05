"""The project's message catalogs (``locale/<language>/LC_MESSAGES/django.po``).

Extraction runs Django's ``makemessages`` over the project's own sources only (``SOURCE_DIRS``,
never the virtualenv or the tests), in a work directory that links to them, so a check can
extract without touching the committed catalogs. Compilation uses polib (a dependency of
wagtail-localize), so ``make run`` and deployments need no gettext tools.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = BASE_DIR / "locale"
#: Where the project's user-facing strings live: Python modules and templates.
SOURCE_DIRS = ("cms", "pages", "snippets")
DOMAIN = "django"


def catalog_languages(locale_dir: Path = LOCALE_DIR) -> list[str]:
    """The languages with a catalog, e.g. ``["sl", "sv"]``: one folder each in ``locale/``."""
    return sorted(path.parent.parent.name for path in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def extract(
    work_dir: Path,
    languages: Iterable[str],
    *,
    base_dir: Path = BASE_DIR,
    start_from: Path | None = LOCALE_DIR,
    keep_obsolete: bool = True,
) -> Path:
    """Run ``makemessages`` for ``languages`` over the sources in ``work_dir``; return the
    locale folder holding the resulting catalogs.

    With ``start_from``, its catalogs are copied in first and merged as ``makemessages`` merges:
    translations kept, new strings added untranslated or fuzzy, removed ones marked obsolete
    (or dropped, without ``keep_obsolete``). Needs GNU gettext (``xgettext``, ``msgmerge``).
    """
    locale_dir = work_dir / "locale"
    locale_dir.mkdir(parents=True, exist_ok=True)
    for name in SOURCE_DIRS:
        (work_dir / name).symlink_to(base_dir / name, target_is_directory=True)
    if start_from is not None:
        for po in start_from.glob(f"*/LC_MESSAGES/{DOMAIN}.po"):
            target = locale_dir / po.relative_to(start_from)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(po, target)
    command = [sys.executable, "-m", "django", "makemessages", "--symlinks"]
    command += ["--add-location=file", "--domain", DOMAIN]
    if not keep_obsolete:
        command.append("--no-obsolete")
    for language in languages:
        command += ["--locale", language]
    # Without settings, makemessages writes only to the work directory's own locale folder,
    # never to the LOCALE_PATHS of a settings module.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(  # noqa: S603 (a fixed command: this interpreter running Django)
        command, cwd=work_dir, env=env, check=True, capture_output=True, text=True
    )
    return locale_dir


def update(languages: Iterable[str] | None = None, locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Bring the committed catalogs in line with the sources, exactly as ``makemessages``
    writes them (strings no longer in the sources leave; git keeps them); return the catalogs
    written."""
    languages = list(languages or catalog_languages(locale_dir))
    written = []
    with tempfile.TemporaryDirectory() as work:
        extracted = extract(Path(work), languages, start_from=locale_dir, keep_obsolete=False)
        for language in languages:
            relative = Path(language, "LC_MESSAGES", f"{DOMAIN}.po")
            target = locale_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(extracted / relative, target)
            written.append(target)
    return written


#: Plural forms by CLDR: how many each language has (gettext's ``nplurals``); a language not
#: listed is held to the number its catalog declares.
PLURAL_FORMS = {"en": 2, "sl": 4, "sv": 2}


def problems(extracted: Path, languages: Iterable[str]) -> list[str]:
    """What stops the catalogs in ``extracted`` (an :func:`extract` result merged from the
    committed ones) from covering the sources: strings missing or untranslated, guesses gettext
    marked fuzzy, strings no longer in the sources, plural forms missing, format mismatches."""
    found = []
    for language in languages:
        path = extracted / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        catalog = polib.pofile(str(path))
        header = catalog.metadata.get("Plural-Forms", "").replace(" ", "")
        declared = re.search(r"nplurals=(\d+);", header)
        expected = PLURAL_FORMS.get(language) or (int(declared.group(1)) if declared else 2)
        if f"nplurals={expected};" not in header:
            found.append(f"{language}: Plural-Forms should have nplurals={expected}: {header!r}")
        for entry in catalog:
            label = f"{language}: {entry.msgid!r}"
            if entry.obsolete:
                found.append(f"{label} is no longer in the sources")
            elif "fuzzy" in entry.flags:
                found.append(f"{label} is marked fuzzy (a guess): check and unmark it")
            elif entry.msgid_plural:
                forms = [entry.msgstr_plural.get(n, "") for n in range(expected)]
                if not all(forms):
                    found.append(f"{label} lacks plural forms ({len(forms)} needed)")
            elif not entry.msgstr:
                found.append(f"{label} is not translated")
        checked = subprocess.run(  # noqa: S603 (gettext's own checker on a file we wrote)
            ["msgfmt", "--check", "--output-file=/dev/null", str(path)],  # noqa: S607
            capture_output=True,
            text=True,
        )
        if checked.returncode:
            found.append(f"{language}: msgfmt --check: {checked.stderr.strip()}")
    return found


def compile_all(locale_dir: Path = LOCALE_DIR, *, force: bool = False) -> list[Path]:
    """Compile each ``.po`` catalog older than its ``.mo`` (or all, with ``force``); return the
    ``.mo`` files written. Fuzzy and untranslated entries are left out, as msgfmt does."""
    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not force and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        # Written beside and renamed into place: a process reading the catalog meanwhile
        # (a test worker, a running server) sees the old file or the new one, never half.
        handle, temporary = tempfile.mkstemp(dir=mo.parent, suffix=".mo.tmp")
        os.close(handle)
        try:
            polib.pofile(str(po)).save_as_mofile(temporary)
            os.chmod(temporary, 0o644)  # mkstemp makes it private; servers read it as others
            os.replace(temporary, mo)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        written.append(mo)
    return written
