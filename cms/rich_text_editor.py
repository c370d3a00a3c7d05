"""The admin's rich text editor, able to open rich text written past it."""

from __future__ import annotations

from typing import Any

from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea

from cms.sanitise import editor_html


class RichTextEditor(DraftailRichTextArea):
    """Draftail, reading stored rich text through :func:`cms.sanitise.editor_html` first.

    Wagtail's converter raises on ``<br>`` or ``<img src=x>`` written the HTML way and on
    misnested tags, so a page imported or scripted with them answered 500 in the editor.
    The editor keeps only what it can show anyway; saving stores what it shows.
    """

    def format_value(self, value: Any) -> Any:
        if isinstance(value, str):
            value = editor_html(value)
        return super().format_value(value)
