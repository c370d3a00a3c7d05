"""``manage.py update_catalogs [-l sl]``: add the sources' new strings to locale/*/django.po."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cms import catalogs


class Command(BaseCommand):
    help = (
        "Run makemessages over cms/, pages/ and snippets/ and update the catalogs in locale/ "
        "(needs GNU gettext). New strings arrive untranslated; translate them, then run "
        "compile_catalogs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "-l",
            "--locale",
            action="append",
            dest="languages",
            help="A language to update or create, e.g. -l hr; default: every catalog there is.",
        )

    def handle(self, *args: Any, languages: list[str] | None = None, **options: Any) -> None:
        for path in catalogs.update(languages):
            self.stdout.write(f"updated {path.relative_to(catalogs.BASE_DIR)}")
