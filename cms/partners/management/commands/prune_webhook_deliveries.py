"""``manage.py prune_webhook_deliveries``: delete the delivery log and the webhook worker's
finished task results older than 30 days (the worker also does, once a day)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cms.partners.delivery import KEEP_DAYS, prune


class Command(BaseCommand):
    help = (
        "Delete webhook deliveries and finished webhook task results older than --days "
        "(default 30); the worker also does, once a day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=KEEP_DAYS)

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        self.stdout.write(
            f"Deleted {prune(days)} deliveries (and finished task results) older than {days} days."
        )
