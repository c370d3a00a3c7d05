"""Time zones offered to editors for dated content (calls, conferences, events)."""

import zoneinfo
from datetime import tzinfo
from functools import cache

from django.utils import timezone

DEFAULT_TIME_ZONE = "Europe/Ljubljana"
#: IANA regions offered to editors; the legacy aliases (US/..., Etc/...) would only confuse.
TIME_ZONE_REGIONS = frozenset(
    ["Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian",
     "Pacific"]
)  # fmt: skip


# Scanning the zoneinfo database costs ~30 ms and every form validation asks again.
@cache
def time_zone_choices() -> list[tuple[str, str]]:
    """IANA time zones as editors know them, e.g. 'Europe/Ljubljana', plus UTC."""
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        if name.split("/", 1)[0] in TIME_ZONE_REGIONS
    )
    return [("UTC", "UTC"), *((name, name.replace("_", " ")) for name in names)]


def zone_or_current(name: str) -> tzinfo:
    """The IANA time zone ``name``; the server's current one if it is unknown here."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.get_current_timezone()
