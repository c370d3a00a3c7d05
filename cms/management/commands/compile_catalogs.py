"""``manage.py compile_catalogs``: compile locale/*/django.po into the .mo files Django reads."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cms import catalogs


class Command(BaseCommand):
    help = (
        "Compile the catalogs in locale/ that changed since they were last compiled (with "
        "polib: no gettext tools needed). make run and make test run it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Compile every catalog.")

    def handle(self, *args: Any, force: bool = False, **options: Any) -> None:
        for path in catalogs.compile_all(force=force):
            self.stdout.write(f"compiled {path.relative_to(catalogs.BASE_DIR)}")
