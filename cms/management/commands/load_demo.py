"""Load the demo content of every content plugin, in dependency order."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from cms.plugins import registry


class Command(BaseCommand):
    help = "Create the demo content (idempotent: running it again creates no duplicates)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has content below the home pages.",
        )

    def handle(self, *args: Any, if_empty: bool, **options: Any) -> None:
        if if_empty and Page.objects.filter(depth__gt=2).exists():
            self.stdout.write("Content exists; demo content not loaded.")
            return
        plugins = sorted(registry, key=lambda plugin: (plugin.demo_order, plugin.label))
        with transaction.atomic():
            for plugin in plugins:
                plugin.load_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
