"""Factory bases the plugins' factories build on."""

import factory
from factory.django import DjangoModelFactory


class OrderableFactory(DjangoModelFactory):
    """A row edited inline on a page or snippet, e.g. a partner or an opening time."""

    # Rows keep the order they were made in (Orderable sorts by sort_order; NULLs have none).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        abstract = True
