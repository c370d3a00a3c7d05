"""Factory bases the plugins' factories build on."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory


class OrderableFactory(DjangoModelFactory):
    """A row edited inline on a page or snippet, e.g. a partner or an opening time."""

    # Rows keep the order they were made in (Orderable sorts by sort_order; NULLs have none).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        abstract = True


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A small PDF, its size recorded as the admin's upload form records it."""

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="guide.pdf", data=b"%PDF-1.4\n% guide\n")
    file_size = factory.LazyAttribute(lambda document: document.file.size)


class AttachmentFactory(OrderableFactory):
    """A document attached to a page; each plugin names its own attachment model."""

    title = factory.Sequence(lambda n: f"Guide {n}")
    kind = "guide"
    language = "en"
    document = factory.SubFactory(DocumentFactory)

    class Meta:
        abstract = True
