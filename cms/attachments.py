"""Documents attached to a page: the guide, the application form, a report.

Each page type that has attachments subclasses :class:`BaseAttachment` with its own
``ParentalKey`` (``related_name="attachments"``) and lists it with an ``InlinePanel``.
Partner sites read them through :func:`attachments_for_reader`, which leaves out documents in
private collections and loads the documents of every page the request shows at once.

A translation copies the rows; a translator may replace a row's document (a Slovenian guide
for the English one) and its language in wagtail-localize's editor, else the source's document
is shown.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLForeignKey, GraphQLInt, GraphQLString
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.documents import get_document_model
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.graphql.language import choice_label


def validate_document_language(value: str) -> None:
    if value not in LANG_INFO:
        raise ValidationError(
            _("Unknown language code: %(code)s. Use an ISO 639-1 code, e.g. 'en' or 'sl'."),
            params={"code": value},
        )


class BaseAttachment(TranslatableMixin, Orderable):
    """One document attached to a page, with its title, kind and language."""

    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        APPLICATION_FORM = "application_form", _("Application form")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    title = models.CharField(
        max_length=255,
        help_text=_("What partner sites show as the link, e.g. 'Guide for applicants 2026'."),
        verbose_name=_("title"),
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("Partner sites may show each kind with its own icon."),
        verbose_name=_("kind"),
    )
    # A code rather than a choice: wagtail-localize lets a translator override plain text only.
    language = models.CharField(
        max_length=10,
        default="en",
        validators=[validate_document_language],
        help_text=_(
            "The language the document is written in, as an ISO 639-1 code, e.g. 'sl'. A "
            "translator who replaces the document with a version in their language changes "
            "this too."
        ),
        verbose_name=_("language of the document"),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Documents in a private collection are never shown to partner sites; choose one "
            "from a public collection."
        ),
        verbose_name=_("document"),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
        FieldPanel("document"),
    ]

    graphql_fields = [
        GraphQLString("title", required=True, description="The link text, in the page's language."),
        GraphQLString(
            "kind", required=True, description="guide, application_form, report or other."
        ),
        GraphQLString(
            "kind_label",
            required=True,
            source="kind_label_for_reader",
            description="The kind in the language asked for, e.g. Application form.",
        ),
        GraphQLString(
            "language",
            required=True,
            description="The language the document is written in (ISO 639-1), e.g. sl.",
        ),
        GraphQLString(
            "url",
            required=True,
            source="document_url",
            description="Where to download the document.",
        ),
        GraphQLInt(
            "size", source="document_size", description="The file's size in bytes, if known."
        ),
        GraphQLString(
            "file_type",
            required=True,
            source="document_file_type",
            description="The file's extension in lower case, e.g. pdf or docx.",
        ),
        GraphQLString(
            "content_type",
            required=True,
            source="document_content_type",
            description="The file's media type, e.g. application/pdf.",
        ),
    ]

    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("kind", overridable=False),
        # A translator may give the translation the document's version in their language.
        SynchronizedField("document"),
        SynchronizedField("language"),
    ]
    # Saving a row drops cached GraphQL responses, as saving a page does.
    _cms_api_related = True

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title

    def kind_label_for_reader(self, info: object = None) -> str:
        return choice_label(self, "kind", info)

    @property
    def document_url(self) -> str:
        # Wagtail's serve view checks the collection's restrictions on every download.
        return urljoin(settings.WAGTAILADMIN_BASE_URL, self.document.url)

    @property
    def document_size(self) -> int | None:
        # Stored at upload; never read from the file store while answering a request.
        return self.document.file_size

    @property
    def document_file_type(self) -> str:
        return self.document.file_extension.lower()

    @property
    def document_content_type(self) -> str:
        return self.document.content_type


def attachments_for_reader(info: Any, page: Any) -> list[Any]:
    """``page``'s attachments whose document is outside every private collection, loaded with
    those of every page of the same type the request shows."""
    from cms.graphql.loaders import batched, loaders_of

    loaders = loaders_of(info)
    if loaders is not None:
        # The rows of every page of this type the request shows, in one statement.
        loaders.prefetch(page, "attachments")
    return batched(info, "attachments", page, public_attachments)


def public_attachments(pages: list[Any], visibility: Any) -> dict[int, list[Any]]:
    """``{id(page): [attachment, ...]}``: the rows in order, those with a private document left
    out; the documents come in one statement for all pages."""
    from cms.graphql.visibility import Visibility

    visibility = visibility or Visibility()
    rows = {id(page): list(page.attachments.all()) for page in pages}
    every_row = [row for page_rows in rows.values() for row in page_rows]
    documents = get_document_model().objects.select_related("collection")
    prefetch_related_objects(every_row, Prefetch("document", queryset=documents))
    private = visibility.private_collection_paths
    return {
        key: [
            row
            for row in page_rows
            if not (private and row.document.collection.path.startswith(private))
        ]
        for key, page_rows in rows.items()
    }


def attachments_panel() -> InlinePanel:
    return InlinePanel(
        "attachments",
        heading=_("Attachments"),
        label=_("Attachment"),
        help_text=_("Documents partner sites list with the page, in this order."),
    )


def attachments_graphql_field(model: str) -> Any:
    """The page's ``attachments`` list, of the page type's own attachment ``model``."""
    return GraphQLForeignKey(
        "attachments",
        model,
        is_list=True,
        required=True,
        source="attachments_for_reader",
        description=(
            "Documents to download (guide, application form, report), in order; those in "
            "private collections are left out."
        ),
    )


class AttachmentsReader:
    """What partner sites read of a page's attachments."""

    def attachments_for_reader(self, info: object = None, **kwargs: object) -> list[Any]:
        return attachments_for_reader(info, self)
