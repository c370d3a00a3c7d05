"""The allowlists behind every rich-text and URL value the API answers (cms/sanitise.py)."""

import pytest

from django.core.exceptions import ValidationError

from cms.sanitise import clean_html, editor_html, safe_url, validate_url_scheme

UNSAFE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "   javascript:alert(1)",
    "\x01\x1f\x7f javascript:alert(1)",
    "java\tscr\nipt:alert(1)",
    "&#106;avascript&colon;alert(1)",
    "&#x6A;&#x61;vascript:alert(1)",
    "&amp;#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/file",
    "tel:+38612345678",
    "/relative/path",
    "//example.org/protocol-relative",
    "www.example.org",
    "",
]


@pytest.mark.parametrize("value", UNSAFE_URLS)
def test_a_url_without_an_allowed_scheme_is_dropped(value: str) -> None:
    assert safe_url(value) is None


@pytest.mark.parametrize(
    "value", ["https://example.org/a?b=1&c=2#d", "HTTP://EXAMPLE.ORG/", "mailto:info@example.org"]
)
def test_a_url_with_an_allowed_scheme_is_kept(value: str) -> None:
    assert safe_url(value) == value


def test_quotes_and_spaces_cannot_break_out_of_an_attribute() -> None:
    assert safe_url(' https://example.org/"><img src=x onerror=alert(1)> ') == (
        "https://example.org/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E"
    )


@pytest.mark.parametrize("value", [value for value in UNSAFE_URLS if value])
def test_the_url_validator_refuses_other_schemes(value: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_url_scheme(value)
    assert error.value.code == "invalid_scheme"


def test_the_url_validator_accepts_http_https_and_mailto() -> None:
    for value in ("http://example.org/", "https://example.org/", "mailto:a@example.org", ""):
        validate_url_scheme(value)


def test_rich_text_keeps_what_the_editor_writes() -> None:
    value = (
        "<h2>Title</h2><p>Some <b>bold</b>, <i>italic</i>, <strong>strong</strong>, <em>em</em>"
        '<br>and <a href="https://example.org/?a=1&amp;b=2">links</a>, '
        '<a href="mailto:a@example.org">mail</a>, <a href="tel:+386">phone</a>, '
        '<a href="/calls/x/">relative</a>.</p><ul><li>one</li></ul><ol><li>two</li></ol>'
        "<blockquote>quote</blockquote><hr>"
    )
    assert clean_html(value) == value


def test_rich_text_drops_scripts_handlers_styles_classes_frames_and_bad_links() -> None:
    value = (
        '<script>alert(1)</script><p onclick="alert(2)" class="c" style="color:red">text</p>'
        '<iframe src="https://example.org/"></iframe><img src=x onerror=alert(3)>'
        '<a href=" JaVaScRiPt:alert(4)" target="_blank">link</a>'
        "<style>p { color: red }</style><svg><script>alert(5)</script></svg>"
    )
    assert clean_html(value) == "<p>text</p><a>link</a>"


def test_the_editor_reads_wagtails_stored_format_unchanged() -> None:
    stored = (
        '<h2 data-block-key="a1">Title</h2><p data-block-key="b2">Text<br/>'
        '<a linktype="page" id="3">a page</a>, <a linktype="document" id="4">a file</a>, '
        '<a href="https://example.org/">a site</a>.</p>'
        '<embed alt="Alt" embedtype="image" format="left" id="5"/>'
        '<ul><li data-block-key="c3">item</li></ul><hr/>'
    )
    assert editor_html(stored) == stored


def test_the_editor_gets_void_elements_closed_and_tags_nested() -> None:
    stored = "<p>a<br>b<img src=x onerror=alert(1)>c</p><p><b><i>d</b>e</i></p><script>f</script>"

    assert editor_html(stored) == "<p>a<br/>bc</p><p><b><i>d</i></b><i>e</i></p>"
