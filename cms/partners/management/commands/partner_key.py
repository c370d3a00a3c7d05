"""``manage.py partner_key create|revoke|list``: a partner's API keys from the command line."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from cms.partners.keys import create_key, revoke_key
from cms.partners.models import Partner, PartnerKey


class Command(BaseCommand):
    help = "Create, revoke or list a partner's API keys; a new key is printed once, here only."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Make a key and print it once.")
        create.add_argument("partner", help="The partner's name (or id).")
        create.add_argument("--label", default="")
        create.add_argument(
            "--scope",
            action="append",
            default=[],
            choices=[PartnerKey.SCOPE_PREVIEW, PartnerKey.SCOPE_INTROSPECTION],
        )
        create.add_argument("--expires-in-days", type=int, default=None)
        create.add_argument(
            "--create-partner",
            action="store_true",
            help="Create the partner first when no partner has this name.",
        )
        revoke = actions.add_parser("revoke", help="Revoke a key by its displayed prefix.")
        revoke.add_argument("prefix")
        listing = actions.add_parser("list", help="List a partner's keys (prefixes only).")
        listing.add_argument("partner")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        getattr(self, f"_{action}")(**options)

    def _create(
        self,
        partner: str,
        label: str,
        scope: list[str],
        expires_in_days: int | None,
        create_partner: bool,
        **options: Any,
    ) -> None:
        found = _partner(partner, create=create_partner)
        expires_at = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
        record, key = create_key(found, label=label, scopes=set(scope), expires_at=expires_at)
        self.stderr.write(
            f"Key {record.prefix}… for {found.name}; it is shown once, here only. Store it now."
        )
        self.stdout.write(key)

    def _revoke(self, prefix: str, **options: Any) -> None:
        records = list(PartnerKey.objects.filter(prefix=prefix.rstrip("…")))
        if len(records) != 1:
            raise CommandError(f"No single key has the prefix {prefix!r}.")
        revoke_key(records[0])
        self.stdout.write(f"Revoked {records[0].prefix}… of {records[0].partner.name}.")

    def _list(self, partner: str, **options: Any) -> None:
        for record in _partner(partner, create=False).keys.all():
            used = record.last_used_at.isoformat() if record.last_used_at else "never"
            scopes = ",".join(sorted(record.scopes)) or "-"
            self.stdout.write(
                f"{record.prefix}…  {record.status()}  scopes={scopes}  last used {used}  "
                f"{record.label}"
            )


def _partner(name: str, *, create: bool) -> Partner:
    found = Partner.objects.filter(name=name).first()
    if found is None and name.isdigit():
        found = Partner.objects.filter(pk=int(name)).first()
    if found is None:
        if not create:
            raise CommandError(f"No partner is named {name!r} (add --create-partner to make it).")
        found = Partner.objects.create(name=name)
    return found
