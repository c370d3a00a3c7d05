"""Fixtures for snippet tests."""

from collections.abc import Callable, Mapping
from typing import Any

import pytest

from django.db import models

from cms.translation import translate


@pytest.fixture
def translate_to(
    locales: Any, django_capture_on_commit_callbacks: Any
) -> Callable[..., models.Model]:
    """Translate through wagtail-localize and run what it defers to the transaction commit."""

    def run(
        instance: models.Model, language: str, texts: Mapping[str, str] | None = None
    ) -> models.Model:
        with django_capture_on_commit_callbacks(execute=True):
            return translate(instance, language, texts)

    return run
