"""Data written once and read by several tests (class- or module-scoped fixtures)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def shared_data(django_db_blocker: Any, load: Callable[[], None]) -> Iterator[None]:
    """Data that several tests read, written once by ``load`` and rolled back afterwards.

    For class-scoped fixtures: each test of the class still runs in its own savepoint (the
    ``db`` fixture nests inside this transaction), so what one test changes the next never
    sees. On-commit callbacks of ``load`` run at once, as after a real commit.
    """
    from django.db import transaction
    from django.test import TestCase

    with django_db_blocker.unblock(), transaction.atomic():
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                load()
            yield
        finally:
            transaction.set_rollback(True)
