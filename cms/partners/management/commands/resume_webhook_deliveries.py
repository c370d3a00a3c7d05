"""``manage.py resume_webhook_deliveries``: a new attempt for deliveries whose task was lost."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cms.partners.delivery import STALLED_AFTER, resume_stalled


class Command(BaseCommand):
    help = (
        "Queue a new attempt for webhook deliveries still waiting --minutes after they were due "
        "with no task queued or running (a worker died under it). Run it every few minutes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--minutes", type=float, default=STALLED_AFTER.total_seconds() / 60)

    def handle(self, *args: Any, minutes: float, **options: Any) -> None:
        resumed = resume_stalled(timedelta(minutes=minutes))
        self.stdout.write(f"Resumed {len(resumed)} webhook deliveries.")
