"""``manage.py prune_webhook_deliveries``: delete the delivery log older than 30 days."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cms.partners.delivery import KEEP_DAYS, prune


class Command(BaseCommand):
    help = "Delete webhook deliveries older than --days (default 30); the worker also does."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=KEEP_DAYS)

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        self.stdout.write(f"Deleted {prune(days)} deliveries older than {days} days.")
