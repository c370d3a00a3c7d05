"""Shared fixtures: locales, the home page of each language, users and a GraphQL client."""

from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client

from wagtail.models import Locale, Page, Site

from cms.catalogs import compile_all

GraphQL = Callable[..., dict[str, Any]]


def pytest_configure(config: pytest.Config) -> None:
    """Compile the interface catalogs that changed (``make test`` has, a bare pytest may not),
    once, in the main process, before any worker starts."""
    if not hasattr(config, "workerinput"):
        compile_all()


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache.

    Cached responses are keyed by the content generation, which lives in the database: each
    test's database starts at the same generation, so responses cached by an earlier test would
    otherwise answer for this one.
    """
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Each test starts with unspent rate-limit budgets (the counts live in process memory)."""
    from cms.partners import rate_limits

    rate_limits.reset()


@pytest.fixture
def locales(db: None) -> dict[str, Locale]:
    """Every configured locale, created by migrate (no fixture creates them)."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(db: None) -> Page:
    """The default language's home page, the root of the default site."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def home_pages(home: Page, locales: dict[str, Locale]) -> dict[str, Page]:
    """The home page of each language, keyed by language code."""
    return {
        page.locale.language_code: page.specific for page in home.get_translations(inclusive=True)
    }


@pytest.fixture
def graphql(client: Client) -> GraphQL:
    """POST a query to /graphql/ as an anonymous partner site and return the decoded body."""

    def run(query: str, variables: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        response = client.post(
            "/graphql/",
            {"query": query, "variables": variables or {}},
            content_type="application/json",
            **extra,
        )
        body = response.json()
        body["_status"] = response.status_code
        return body

    return run
