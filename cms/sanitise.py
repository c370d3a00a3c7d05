"""What rich text and URLs may hold when they leave the CMS, and what URL fields accept.

Rich text and URLs can be written past the admin's forms (a shell, an import, a migration),
and partner sites render rich text as HTML and put URLs in ``href``. So the API cleans every
rich-text value against an allowlist with nh3 (a maintained HTML sanitiser; never regexes) and
drops every URL whose scheme is not allowed (``cms.graphql.sanitise`` applies both to every
field); URL fields refuse other schemes when a form or ``full_clean`` validates them; and the
admin editor opens stored rich text after the same kind of cleaning
(``cms.rich_text_editor``).

The allowlist is what Wagtail's rich text editor produces: headings, paragraphs, lists,
links, bold, italic, line breaks, rules, quotes, code, sub- and superscript, strikethrough.
Images and embeds are not in it: no page type enables them in rich text.
"""

from __future__ import annotations

import html
import string
from html.parser import HTMLParser

import nh3

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: Schemes a URL field may hold; the API drops any other stored value.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
#: Schemes a link inside rich text may use; relative links are kept too.
LINK_SCHEMES = URL_SCHEMES | {"tel"}

RICH_TEXT_TAGS = frozenset(
    {
        *("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "br"),
        *("a", "b", "strong", "i", "em", "code", "sub", "sup", "s"),
    }
)
#: Removed with everything inside them, not only their tags: their content is not text.
CONTENT_REMOVED_TAGS = frozenset(
    {"script", "style", "iframe", "object", "noscript", "template", "textarea", "svg", "math"}
)

_READER_CLEANER = nh3.Cleaner(
    tags=set(RICH_TEXT_TAGS),
    clean_content_tags=set(CONTENT_REMOVED_TAGS),
    attributes={"a": {"href"}},
    url_schemes=set(LINK_SCHEMES),
    # Wagtail's own output has no rel; adding one would change every link partners get.
    link_rel=None,
)

#: Wagtail's stored rich text marks links and embeds with attributes the editor reads, and
#: each block with the key its comments are anchored to.
_STORED_ATTRIBUTES = {
    "*": {"data-block-key"},
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "id", "alt", "format", "url"},
}
_EDITOR_CLEANER = nh3.Cleaner(
    tags=set(RICH_TEXT_TAGS | {"embed"}),
    clean_content_tags=set(CONTENT_REMOVED_TAGS),
    attributes=_STORED_ATTRIBUTES,
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,
)
_VOID_TAGS = frozenset({"br", "hr", "embed", "img", "wbr"})
# Browsers ignore these wherever they stand in a URL, and strip C0 controls and spaces
# around it, so "java\tscript:" and " \x01javascript:" both run as javascript:.
_IGNORED_IN_URL = str.maketrans("", "", "\t\n\r")
_AROUND_URL = "".join(chr(code) for code in range(0x21))
# Never literal in a valid URL; escaped, a value cannot break out of a quoted attribute.
_UNSAFE_IN_URL = {ord(char): f"%{ord(char):02X}" for char in "\"'<>` "} | {
    code: f"%{code:02X}" for code in range(0x20)
}
_SCHEME_CHARACTERS = frozenset(string.ascii_letters + string.digits + "+-.")
# Enough for any real address; "&amp;amp;..." nested deeper is not one.
_MAX_UNESCAPES = 5


def clean_html(value: str) -> str:
    """Rich text as partners may render it: only allowlisted tags, ``href`` and schemes."""
    return _READER_CLEANER.clean(value) if value else value


def editor_html(value: str) -> str:
    """Stored rich text as Wagtail's editor can read it.

    Its converter stops with an error on a void element written the HTML way (``<br>``,
    ``<img src=x>``) or on misnested tags, which text written past the editor may hold. This
    keeps the allowlist plus Wagtail's link and embed markup, nested properly, with void
    elements closed (``<br/>``).
    """
    if not value:
        return value
    writer = _XhtmlWriter()
    writer.feed(_EDITOR_CLEANER.clean(value))
    writer.close()
    return "".join(writer.parts)


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in ``value`` put in an ``href``, lower-cased, or None."""
    text = value
    for _attempt in range(_MAX_UNESCAPES):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = text.translate(_IGNORED_IN_URL).strip(_AROUND_URL)
    scheme, colon, _rest = text.partition(":")
    # Without a valid scheme before the first colon, a browser reads a relative URL.
    if (
        not colon
        or not scheme[:1].isalpha()
        or not all(map(_SCHEME_CHARACTERS.__contains__, scheme))
    ):
        return None
    return scheme.lower()


def safe_url(value: str | None) -> str | None:
    """``value`` if its scheme is allowed, with quotes and spaces percent-encoded; else None."""
    if not value or url_scheme(value) not in URL_SCHEMES:
        return None
    return value.strip(_AROUND_URL).translate(_UNSAFE_IN_URL)


def validate_url_scheme(value: str) -> None:
    """Refuse a URL whose scheme is not in ``URL_SCHEMES``, however it is spelled."""
    if value and url_scheme(value) not in URL_SCHEMES:
        raise ValidationError(
            _("Enter an address starting with http://, https:// or mailto:."),
            code="invalid_scheme",
        )


class _XhtmlWriter(HTMLParser):
    """Writes parsed HTML back with void elements self-closed, as Wagtail stores them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(f"<{tag}{_attributes(attrs)}{'/' if tag in _VOID_TAGS else ''}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(f"<{tag}{_attributes(attrs)}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID_TAGS:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(html.escape(data, quote=False))


def _attributes(attrs: list[tuple[str, str | None]]) -> str:
    return "".join(f' {name}="{html.escape(value or "", quote=True)}"' for name, value in attrs)
