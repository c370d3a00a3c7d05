"""Finding this project's English strings in text a Slovenian or Swedish user is shown.

The English side is every msgid of the project's catalogs (locale/<language>/django.po) and
every word of the partner site's table (examples/partner-site/i18n.js), except those the
language writes the same way (names such as "Kosovo*", words such as "Status" or "Partner").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import polib

from cms.catalogs import LOCALE_DIR
from tests.cms.test_catalogs import leaves, partner_words

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
#: A fragment between placeholders must be this long to count ("of", "in" would match anywhere).
SHORTEST_FRAGMENT = 6
SHORTEST_STRING = 3


def _fragments(english: str) -> list[str]:
    if "<" in english:  # HTML in a message: not one of the admin's
        return []
    parts = [part.strip(" .,:;()") for part in PLACEHOLDER.split(english)]
    if len(parts) == 1:
        return [parts[0]] if len(parts[0]) >= SHORTEST_STRING else []
    return [part for part in parts if len(part) >= SHORTEST_FRAGMENT]


def _candidates(pairs: Iterable[tuple[str, str]]) -> frozenset[str]:
    """English fragments whose translation differs, minus any the language itself uses."""
    pairs = list(pairs)
    own = {translated.casefold() for _english, translated in pairs}
    found = set()
    for english, translated in pairs:
        if english.casefold() == translated.casefold():
            continue
        found.update(fragment for fragment in _fragments(english) if fragment.casefold() not in own)
    return frozenset(found)


@cache
def admin_english(language: str) -> frozenset[str]:
    """The English msgids (and fragments of them) of the project's ``language`` catalog."""
    catalog = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    pairs = []
    for entry in catalog:
        if entry.obsolete or (entry.msgctxt and "format" in entry.msgctxt):
            continue  # a date format is not text
        if entry.msgid_plural:
            forms = list(entry.msgstr_plural.values())
            pairs += [(entry.msgid, form) for form in forms]
            pairs += [(entry.msgid_plural, form) for form in forms]
        else:
            pairs.append((entry.msgid, entry.msgstr))
    return _candidates(pairs)


@cache
def partner_site_english(language: str) -> frozenset[str]:
    """The English words of the partner site whose ``language`` version differs."""
    words = partner_words()
    english, own = dict(leaves(words["en"])), dict(leaves(words[language]))
    return _candidates((english[path], own[path]) for path in english if path in own)


#: The text of every visible text node of the page, one string per node.
VISIBLE_TEXTS = """() => {
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.replace(/\\s+/g, " ").trim();
        if (text && node.parentElement.checkVisibility({ visibilityProperty: true })) {
            texts.push(text);
        }
    }
    return texts;
}"""


def english_in(
    texts: Iterable[str], english: Iterable[str], content: Iterable[str] = ()
) -> list[str]:
    """The English strings shown in ``texts`` (the page's text nodes): a node that is one of
    them (any case, e.g. a capitalised field name), or holds the fixed part of one with
    placeholders. The ``content`` shown (titles and the like) is the editors', not the
    interface's, and is taken out first."""
    content = sorted((item for item in content if item), key=len, reverse=True)
    nodes = []
    for text in texts:
        for item in content:
            text = text.replace(item, " ")
        nodes.append(" ".join(text.split()).strip(" :"))
    whole = {node.casefold() for node in nodes}
    found = set()
    for string in english:
        if string.casefold() in whole:
            found.add(string)
        elif len(string) >= SHORTEST_FRAGMENT and " " in string:
            pattern = re.compile(rf"(?<!\w){re.escape(string)}(?!\w)", re.IGNORECASE)
            if any(pattern.search(node) for node in nodes):
                found.add(string)
    return sorted(found)
