"""PostgreSQL timeouts: a web request's statements are bounded, and so are migrate's lock waits.

The settings tests run everywhere; the behaviour tests need PostgreSQL (the PostgreSQL run of
`make test`, TEST_DATABASE_URL) and skip on SQLite, which has neither setting.
"""

from __future__ import annotations

from typing import Any

import pytest

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections, transaction
from django.db.models.signals import pre_migrate
from django.test import Client

from cms.database_timeouts import with_statement_timeout
from cms.graphql.view import PartnerGraphQLView
from tests.cms.settings_probe import read_settings

pytestmark = pytest.mark.django_db

POSTGRESQL_ONLY = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="statement_timeout and lock_timeout are PostgreSQL settings (run with "
    "TEST_DATABASE_URL=postgres://... to test them)",
)
POSTGRES_URL = "postgres://cms@db.example.org:5432/cms"


def test_production_settings_bound_every_statement_on_postgresql() -> None:
    names = ["DATABASES", "CMS_MIGRATION_LOCK_TIMEOUT_MS"]
    default = read_settings("cms.settings.production", names, DATABASE_URL=POSTGRES_URL)
    assert default["DATABASES"]["default"]["OPTIONS"]["options"] == "-c statement_timeout=5000"
    assert default["CMS_MIGRATION_LOCK_TIMEOUT_MS"] == 2000

    tuned = read_settings(
        "cms.settings.production",
        names,
        DATABASE_URL=POSTGRES_URL,
        CMS_STATEMENT_TIMEOUT_MS="750",
        CMS_MIGRATION_LOCK_TIMEOUT_MS="500",
    )
    assert tuned["DATABASES"]["default"]["OPTIONS"]["options"] == "-c statement_timeout=750"
    assert tuned["CMS_MIGRATION_LOCK_TIMEOUT_MS"] == 500

    off = read_settings(
        "cms.settings.production", names, DATABASE_URL=POSTGRES_URL, CMS_STATEMENT_TIMEOUT_MS="0"
    )
    assert "OPTIONS" not in off["DATABASES"]["default"]


def test_the_statement_timeout_keeps_other_connection_options_and_skips_sqlite() -> None:
    postgres = {
        "ENGINE": "django.db.backends.postgresql",
        "OPTIONS": {"options": "-c search_path=cms", "sslmode": "require"},
    }
    bounded = with_statement_timeout(postgres, 750)
    assert bounded["OPTIONS"] == {
        "options": "-c search_path=cms -c statement_timeout=750",
        "sslmode": "require",
    }
    assert postgres["OPTIONS"]["options"] == "-c search_path=cms"  # the input is not changed
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}
    assert with_statement_timeout(sqlite, 750) is sqlite


def new_connection(settings_dict: dict[str, Any]) -> Any:
    """A second connection to the test database, of the same backend, outside its transaction."""
    wrapper_class = type(connections[DEFAULT_DB_ALIAS])
    return wrapper_class(settings_dict, alias=DEFAULT_DB_ALIAS)


@POSTGRESQL_ONLY
def test_a_connection_made_with_those_options_cancels_a_long_statement() -> None:
    probe = new_connection(with_statement_timeout(connection.settings_dict, 100))
    try:
        with probe.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "100ms"
            with pytest.raises(OperationalError, match="statement timeout"):
                cursor.execute("SELECT pg_sleep(5)")
    finally:
        probe.close()


@pytest.fixture
def statement_timeout_100ms() -> None:
    """This test's connection cancels statements after 100 ms (the test's rollback undoes it)."""
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 100")


@POSTGRESQL_ONLY
def test_a_page_whose_statement_times_out_answers_503_with_a_request_id(
    client: Client, settings: Any, statement_timeout_100ms: None
) -> None:
    settings.ROOT_URLCONF = "tests.cms.slow_urls"

    response = client.get("/slow/")

    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "Temporarily unavailable" in body
    assert response["X-Request-ID"] in body
    assert "no-store" in response["Cache-Control"]
    assert "pg_sleep" not in body and "statement timeout" not in body


@POSTGRESQL_ONLY
def test_a_graphql_query_that_times_out_answers_503_json_with_a_request_id(
    client: Client, monkeypatch: pytest.MonkeyPatch, statement_timeout_100ms: None
) -> None:
    original = PartnerGraphQLView.get_context

    def slow_context(self: Any, request: Any) -> Any:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(5)")
        return original(self, request)

    monkeypatch.setattr(PartnerGraphQLView, "get_context", slow_context)

    # The endpoint runs in autocommit mode, not a transaction of its own; inside the test's
    # transaction the failed statement is rolled back to a savepoint, as autocommit would.
    with transaction.atomic():
        response = client.post(
            "/graphql/", {"query": "{ __typename }"}, content_type="application/json"
        )
        transaction.set_rollback(True)

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert "temporarily unavailable" in response.json()["errors"][0]["message"]
    assert response["X-Request-ID"]
    assert "no-store" in response["Cache-Control"]


@POSTGRESQL_ONLY
def test_migrate_lifts_the_statement_timeout_and_waits_for_a_lock_at_most_its_lock_timeout(
    settings: Any,
) -> None:
    settings.CMS_MIGRATION_LOCK_TIMEOUT_MS = 200
    seen: dict[str, str] = {}

    def during_migrate(**kwargs: Any) -> None:
        with connection.cursor() as cursor:
            for name in ("statement_timeout", "lock_timeout"):
                cursor.execute(f"SHOW {name}")
                seen[name] = cursor.fetchone()[0]
        # A migration step that needs a table another transaction holds (a long read).
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("LOCK TABLE django_session IN ACCESS EXCLUSIVE MODE")

    holder = new_connection(connection.settings_dict)
    pre_migrate.connect(during_migrate, dispatch_uid="test-during-migrate")
    try:
        with holder.cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute("SELECT count(*) FROM django_session")  # holds ACCESS SHARE
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 100")  # what a web process would have
        with pytest.raises(OperationalError, match="lock timeout"):
            call_command("migrate", verbosity=0, skip_checks=True)
    finally:
        pre_migrate.disconnect(dispatch_uid="test-during-migrate")
        holder.close()

    assert seen == {"statement_timeout": "0", "lock_timeout": "200ms"}
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")  # the process goes on with its own settings
        assert cursor.fetchone()[0] == "0"
