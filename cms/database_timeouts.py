"""PostgreSQL timeouts: a bound on every statement of a web request, and on lock waits in migrate.

Imported by the settings, so it imports nothing from Django at module level.
"""

from __future__ import annotations

from typing import Any

POSTGRESQL_ENGINES = frozenset(
    {"django.db.backends.postgresql", "django.db.backends.postgresql_psycopg2"}
)


def with_statement_timeout(database: dict[str, Any], milliseconds: int) -> dict[str, Any]:
    """``database`` (a DATABASES entry) whose connections cancel statements after ``milliseconds``.

    The timeout travels in the connection's startup options, so it costs no round trip and holds
    from the first statement; ``0`` or a database other than PostgreSQL leaves ``database`` as it
    is. Returns a new dict: the settings it came from are never changed.
    """
    if milliseconds <= 0 or database.get("ENGINE") not in POSTGRESQL_ENGINES:
        return database
    options = dict(database.get("OPTIONS", {}))
    startup = f"-c statement_timeout={int(milliseconds)}"
    options["options"] = f"{options['options']} {startup}" if options.get("options") else startup
    return {**database, "OPTIONS": options}


def migration_timeouts_sql(lock_timeout_ms: int) -> list[str]:
    """Statements a migrating connection runs: no statement bound, a bounded wait for locks.

    A migration may rightly run longer than a web request (an index build, a data migration),
    but it must not queue behind a long read for minutes while every request queues behind it.
    """
    return [
        "SET statement_timeout = 0",
        f"SET lock_timeout = {max(int(lock_timeout_ms), 0)}",
    ]
