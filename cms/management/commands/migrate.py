"""Django's ``migrate``, with PostgreSQL's statement timeout lifted and lock waits bounded.

A migration that needs a lock held by a long read fails after CMS_MIGRATION_LOCK_TIMEOUT_MS
("canceling statement due to lock timeout") instead of waiting, while every web request queues
behind its pending lock; run it again when the read is over.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.commands.migrate import Command as MigrateCommand
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created

from cms.database_timeouts import migration_timeouts_sql


class Command(MigrateCommand):
    """``migrate`` bounded by ``CMS_MIGRATION_LOCK_TIMEOUT_MS`` on PostgreSQL."""

    def handle(self, *args: Any, **options: Any) -> None:
        alias = options["database"]
        connection = connections[alias]
        if connection.vendor != "postgresql":
            return super().handle(*args, **options)

        statements = migration_timeouts_sql(settings.CMS_MIGRATION_LOCK_TIMEOUT_MS)

        def apply(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
            if connection.alias == alias:
                with connection.cursor() as cursor:
                    for statement in statements:
                        cursor.execute(statement)

        # A connection opened during the run (after a reconnect) gets the same session settings.
        connection_created.connect(apply, weak=False, dispatch_uid="cms.migrate.timeouts")
        try:
            connection.ensure_connection()
            apply(None, connection)
            return super().handle(*args, **options)
        finally:
            connection_created.disconnect(dispatch_uid="cms.migrate.timeouts")
            # The process may go on (tests, the benchmark): back to the connection's own settings.
            if connection.connection is not None and connection.is_usable():
                with connection.cursor() as cursor:
                    cursor.execute("RESET statement_timeout")
                    cursor.execute("RESET lock_timeout")
