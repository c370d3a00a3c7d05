"""Create the development superuser once and print its credentials that one time."""

import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create a development superuser (dev settings only) and print its password once."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--username", default="admin")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        if not getattr(settings, "CMS_DEV_SUPERUSER", False):
            raise CommandError(
                "ensure_dev_superuser runs only with the development settings; "
                "use `manage.py createsuperuser` elsewhere."
            )
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(
                f"Development superuser '{username}' exists; its password was printed when it was "
                f"created (reset: `.venv/bin/python manage.py changepassword {username}`)."
            )
            return
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username, f"{username}@example.org", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created development superuser\n  username: {username}\n  password: {password}\n"
                "This password is shown only now."
            )
        )
