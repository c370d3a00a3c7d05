"""Choices and validators of the conference model."""

import zoneinfo

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError

DEFAULT_TIME_ZONE = "Europe/Ljubljana"
#: IANA regions offered to editors; the legacy aliases (US/..., Etc/...) would only confuse.
TIME_ZONE_REGIONS = frozenset(
    ["Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian",
     "Pacific"]
)  # fmt: skip


def time_zone_choices() -> list[tuple[str, str]]:
    """IANA time zones as editors know them, e.g. 'Europe/Ljubljana', plus UTC."""
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        if name.split("/", 1)[0] in TIME_ZONE_REGIONS
    )
    return [("UTC", "UTC"), *((name, name.replace("_", " ")) for name in names)]


def language_codes(value: str) -> list[str]:
    """``"en, SL"`` -> ``["en", "sl"]``: the codes of a comma-separated list, in order."""
    return [code.strip().lower() for code in (value or "").split(",") if code.strip()]


def validate_language_codes(value: str) -> None:
    unknown = [code for code in language_codes(value) if code not in LANG_INFO]
    if unknown:
        raise ValidationError(
            "Unknown language code: %(codes)s. Use ISO 639-1 codes separated by commas, "
            "e.g. 'en' or 'en, sl'.",
            params={"codes": ", ".join(unknown)},
        )
