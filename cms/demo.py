"""Helpers the plugins' demo loaders share: index pages, translations, snippets, images and
documents.

Every helper finds what an earlier run made before creating anything, so loading the demo
again creates nothing new.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from django.core.files import File
from django.core.files.images import ImageFile
from django.db import models
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site
from wagtail_localize.strings import StringValue

from cms.translation import translate


def english_home() -> Page:
    """The default site's home page, the root of the default language's tree."""
    return Site.objects.get(is_default_site=True).root_page.specific


def ensure_index(
    model: type[Page],
    factory: Callable[..., Page],
    *,
    slug: str,
    title: str,
    intro: str,
    translations: dict[str, dict[str, str]],
) -> Page:
    """The index page below the English home page, created and translated on first run."""
    home = english_home()
    index = model.objects.child_of(home).filter(slug=slug).first()
    if index is None:
        index = factory(parent=home, slug=slug, title=title, intro=intro)
        index.save_revision().publish()
    for language, texts in translations.items():
        translate_once(index, language, texts)
    return index


def translate_once(page: Page, language: str, texts: dict[str, str]) -> Page:
    """Translate ``page`` unless it has a translation already, so reruns create nothing."""
    locale = Locale.objects.get(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.live:
        return existing
    return translate(page, language, texts)


def translate_if_missing(page: Page, language: str, texts: dict[str, str]) -> None:
    """Translate and publish ``page`` unless it has a ``language`` translation, even a draft."""
    locale = Locale.objects.get(language_code=language)
    if page.has_translation(locale):
        return
    # Segments hold their text as HTML ("Volunteering &amp; Solidarity"): offer both spellings.
    as_html = {StringValue.from_plaintext(source).data: text for source, text in texts.items()}
    translate(page, language, {**texts, **as_html})


def paragraphs(texts: list[str]) -> list[dict[str, str]]:
    """Body blocks, one plain paragraph each (one translation segment each)."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def demo_image(title: str, colour: str) -> AbstractImage:
    """A generated PNG with ``title`` written on it, stored once per title; no network.

    The seeds name photos and logos but do not ship them, so every demo image is a placeholder
    and says so on its face: nobody should mistake it for the real logo or photo.
    """
    from PIL import Image as PillowImage
    from PIL import ImageDraw

    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PillowImage.new("RGB", (800, 600), colour)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((40, 40, 760, 560), outline="white", width=6)
    draw.text((400, 280), title, fill="white", anchor="mm", font_size=44)
    draw.text((400, 360), PLACEHOLDER_MARK, fill="white", anchor="mm", font_size=28)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    filename = f"demo-{slugify(title) or 'image'}.png"
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=filename))


#: Written on every generated demo image and document.
PLACEHOLDER_MARK = "Placeholder generated for the demo"


def demo_document(title: str, filename: str, lines: list[str]) -> AbstractDocument:
    """A generated one-page PDF with ``title`` and ``lines`` on it, marked as a placeholder and
    stored once per title; no network."""
    from PIL import Image as PillowImage
    from PIL import ImageDraw

    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    page = PillowImage.new("RGB", (595, 842), "white")
    draw = ImageDraw.Draw(page)
    draw.text((50, 60), PLACEHOLDER_MARK.upper(), fill="#a00", font_size=18)
    draw.text((50, 110), title, fill="black", font_size=24)
    for number, line in enumerate(lines):
        draw.text((50, 170 + 30 * number), line, fill="black", font_size=16)
    buffer = io.BytesIO()
    page.save(buffer, format="PDF")
    document = document_model(title=title, file=File(buffer, name=filename))
    document.file_size = len(buffer.getvalue())
    document.save()
    return document


def snippet(
    factory: Callable[..., models.Model], slug_and_name: tuple[str, str] | None, **extra: Any
) -> models.Model | None:
    """The default-language snippet with this slug, created by ``factory`` if it is missing.

    The snippet demos load first and normally created it; the snippet factories get or
    create on slug and locale, so an existing snippet is returned unchanged.
    """
    if slug_and_name is None:
        return None
    slug, name = slug_and_name
    return factory(slug=slug, name=name, **extra)
