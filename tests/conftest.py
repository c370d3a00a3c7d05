"""Shared fixtures: locales, the home page of each language, users and a GraphQL client."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from django.test import Client

from wagtail.models import Locale, Page, Site

from cms.catalogs import compile_all
from tests.shared import shared_data

GraphQL = Callable[..., dict[str, Any]]


def pytest_configure(config: pytest.Config) -> None:
    """Compile the interface catalogs that changed (``make test`` has, a bare pytest may not),
    once, in the main process, before any worker starts."""
    if not hasattr(config, "workerinput"):
        compile_all()


@pytest.fixture(autouse=True)
def _media_root(request: pytest.FixtureRequest, settings: Any, tmp_path: Any) -> None:
    if "shared_media_root" in request.fixturenames:
        # Data shared by several tests (``demo_content``) wrote its images there.
        settings.MEDIA_ROOT = request.getfixturevalue("shared_media_root")
    else:
        settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="module")
def shared_media_root(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Media of data shared by several tests of a module (``demo_content``)."""
    return tmp_path_factory.mktemp("shared-media")


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


@pytest.fixture
def without_write_side_indexes(settings: Any) -> Iterator[None]:
    """Saves skip Wagtail's reference index and the search index.

    For tests that create hundreds of pages only to count the statements of reading them:
    neither index is read on that path, and keeping them current is about half the cost of
    each save (``make test`` has a time budget). Search and usage tests never use this.
    """
    from wagtail.signal_handlers import disable_reference_index_auto_update

    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**backend, "AUTO_UPDATE": False}
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with disable_reference_index_auto_update():
        yield


@pytest.fixture(scope="class")
def demo_content(
    django_db_setup: None, django_db_blocker: Any, shared_media_root: Any
) -> Iterator[None]:
    """The whole demo (``load_demo``), loaded once for the tests of a class.

    Mark the class ``xdist_group`` so that its tests share one worker and one load.
    """
    import io

    from django.core.management import call_command
    from django.test import override_settings

    def load() -> None:
        with override_settings(MEDIA_ROOT=shared_media_root):
            call_command("load_demo", stdout=io.StringIO())

    with shared_data(django_db_blocker, load):
        yield
