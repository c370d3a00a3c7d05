"""Cached responses stay until the public could see a change, in every process, after commit."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from wagtail.models import Collection, Page, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.graphql.invalidation import content_generation
from tests.cms.graphql.conftest import add_page

CHILDREN = {"query": '{ page(urlPath: "/") { children { title } } }'}


@pytest.fixture
def cached(client: Client) -> Callable[[], str]:
    """Ask for the home page's children until the answer is a server-side cache hit."""

    def ask() -> str:
        return client.get("/graphql/", CHILDREN)["X-Cache"]

    ask()
    assert ask() == "hit"
    return ask


# --- Only what the public can see invalidates ---------------------------------------------------


def _draft_revision(home: Page) -> None:
    home.title = "Draft title nobody sees"
    home.save_revision()


def _admin_save_draft(home: Page, admin_client: Client) -> None:
    # The admin's "Save draft" and its autosave post the same form to the same view.
    data = nested_form_data(
        {
            "title": "Draft title nobody sees",
            "slug": home.slug,
            "intro": "Draft introduction",
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/{home.pk}/edit/", data)
    assert response.status_code == 302, response.context and response.context["form"].errors


def _lock(home: Page) -> None:
    home.locked = True
    home.locked_at = timezone.now()
    home.save(update_fields=["locked", "locked_at", "locked_by"])


def _new_draft_page(home: Page) -> None:
    # As the admin's "Save draft" on a new page does: not live from its first save.
    from pages.home.models import HomePage

    draft = home.add_child(instance=HomePage(title="Draft", slug="draft", live=False))
    draft.title = "Still a draft"
    draft.save_revision()


EDITORIAL_ONLY = {
    "draft revision": lambda home, admin_client: _draft_revision(home),
    "admin save draft": _admin_save_draft,
    "lock": lambda home, admin_client: _lock(home),
    "new draft page": lambda home, admin_client: _new_draft_page(home),
}


@pytest.mark.django_db
@pytest.mark.parametrize("change", EDITORIAL_ONLY)
def test_changes_the_public_cannot_see_leave_cached_responses(
    change: str, home: Page, admin_client: Client, cached, django_capture_on_commit_callbacks
) -> None:
    before = content_generation()
    with django_capture_on_commit_callbacks(execute=True):
        EDITORIAL_ONLY[change](home.specific, admin_client)
    assert content_generation() == before
    assert cached() == "hit"


def _publish(home: Page) -> None:
    add_page(home, "fresh-news")


def _unpublish(home: Page) -> None:
    home.get_children().get(slug="visible").specific.unpublish()


def _expire(home: Page) -> None:
    page = home.get_children().get(slug="visible").specific
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    from django.core.management import call_command

    call_command("publish_scheduled")


def _move(home: Page) -> None:
    Page.objects.get(slug="visible").move(Page.objects.get(slug="elsewhere"), pos="last-child")


def _delete(home: Page) -> None:
    Page.objects.get(slug="visible").delete()


def _restrict(home: Page) -> None:
    PageViewRestriction.objects.create(
        page=Page.objects.get(slug="visible"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )


def _snippet(home: Page) -> None:
    from snippets.programmes.factories import ProgrammeFactory

    ProgrammeFactory()


def _image(home: Page) -> None:
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    get_image_model().objects.create(title="Logo", file=get_test_image_file())


def _document(home: Page) -> None:
    # Attachments list documents; one moved into a private collection must go at once.
    from cms.factories import DocumentFactory

    DocumentFactory(collection=Collection.get_first_root_node())


def _collection(home: Page) -> None:
    Collection.get_first_root_node().add_child(name="Internal")


PUBLIC = {
    "publish": _publish,
    "unpublish": _unpublish,
    "expiry": _expire,
    "move": _move,
    "delete": _delete,
    "privacy": _restrict,
    "snippet": _snippet,
    "image": _image,
    "document": _document,
    "collection": _collection,
}


@pytest.mark.django_db
@pytest.mark.parametrize("change", PUBLIC)
def test_every_change_the_public_can_see_invalidates_once_it_commits(
    change: str, home: Page, client: Client, django_capture_on_commit_callbacks
) -> None:
    add_page(home, "visible")
    add_page(home, "elsewhere")
    client.get("/graphql/", CHILDREN)
    assert client.get("/graphql/", CHILDREN)["X-Cache"] == "hit"
    before = content_generation()

    with django_capture_on_commit_callbacks() as callbacks:
        PUBLIC[change](home)
        # Not before commit: a reader would cache the old content under the new generation.
        assert content_generation() == before
        assert client.get("/graphql/", CHILDREN)["X-Cache"] == "hit"
    for callback in callbacks:
        callback()

    assert content_generation() == before + 1
    assert client.get("/graphql/", CHILDREN)["X-Cache"] == "miss"


@pytest.mark.django_db
def test_a_rolled_back_publish_does_not_invalidate(
    home: Page, cached, django_capture_on_commit_callbacks
) -> None:
    before = content_generation()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        add_page(home, "never-happened")
        raise RuntimeError("the publish fails at its last statement")
    assert content_generation() == before
    assert cached() == "hit"


@pytest.mark.django_db
def test_changes_in_one_transaction_invalidate_once(
    home: Page, django_capture_on_commit_callbacks
) -> None:
    before = content_generation()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for slug in ("one", "two", "three"):
            add_page(home, slug)
    assert content_generation() == before + 1


# --- Every process sees the same generation -----------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _shared_database_url(tmp_path: Path) -> str:
    """A URL other processes can open to see this test's (committed) database."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        # The test database is in memory: copy it into a file both processes share.
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    credentials = quote(settings_dict["USER"] or "")
    if settings_dict.get("PASSWORD"):
        credentials += ":" + quote(settings_dict["PASSWORD"])
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{settings_dict['NAME']}"


def _other_process_env(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "TEST_DATABASE_URL": _shared_database_url(tmp_path),
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.pop("REDIS_URL", None)  # each process keeps its own local-memory cache
    return env


@contextmanager
def _server(env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    """A second process serving the API (runserver), with its own local-memory cache."""
    port = _free_port()
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
            [
                *(sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"),
                *("--noreload", "--skip-checks"),
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _attempt in range(600):
                if process.poll() is not None:
                    pytest.fail(f"the server exited: {log_path.read_text()}")
                try:
                    urllib.request.urlopen(f"{url}/healthz", timeout=5).close()  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                pytest.fail("the server did not start")
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


def _get(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(f"{url}/graphql/?{urlencode(CHILDREN)}", timeout=30) as answer:  # noqa: S310
        return answer.headers["X-Cache"], answer.read().decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_in_another_process_is_seen_fresh(home: Page, tmp_path: Path) -> None:
    scheduled = add_page(home, "scheduled-news", publish=False)
    scheduled.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    env = _other_process_env(tmp_path)  # after the data exists: SQLite copies it

    with _server(env, tmp_path) as url:
        first = _get(url)
        assert "Scheduled News" not in first[1]
        assert _get(url) == ("hit", first[1])

        # cron's publish_scheduled, in a process of its own.
        subprocess.run(
            [sys.executable, "manage.py", "publish_scheduled", "--skip-checks"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
        )

        state, body = _get(url)
    assert state == "miss"
    assert "Scheduled News" in body
