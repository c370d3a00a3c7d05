"""GraphiQL comes from the project's own files: it works offline and tells no CDN who uses it."""

import json
import re
from pathlib import Path

from django.conf import settings
from django.test import Client

LOCK = Path(settings.BASE_DIR) / "graphiql" / "package-lock.json"


def test_graphiql_loads_nothing_from_another_site(client: Client) -> None:
    html = client.get("/graphiql/").content.decode()

    addresses = re.findall(r'(?:src|href|data-[a-z-]+)="([^"]*)"', html)
    assert "/static/cms/graphiql/graphiql.js" in addresses
    assert "/static/cms/graphiql/graphiql.css" in addresses
    assert not [address for address in addresses if "//" in address], addresses
    assert "unpkg" not in html


def test_graphiql_is_the_current_major_version_pinned_by_the_lock_file() -> None:
    packages = json.loads(LOCK.read_text())["packages"]

    assert packages["node_modules/graphiql"]["version"].startswith("5.")
    # Installed by `npm ci` only if the registry's package has exactly this hash.
    assert packages["node_modules/graphiql"]["integrity"].startswith("sha512-")
