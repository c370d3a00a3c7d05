"""Choices and validators of the conference model."""

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Re-exported: migration 0001 refers to time_zone_choices by this module path.
from cms.time_zones import DEFAULT_TIME_ZONE, time_zone_choices  # noqa: F401


def language_codes(value: str) -> list[str]:
    """``"en, SL"`` -> ``["en", "sl"]``: the codes of a comma-separated list, in order."""
    return [code.strip().lower() for code in (value or "").split(",") if code.strip()]


def validate_language_codes(value: str) -> None:
    unknown = [code for code in language_codes(value) if code not in LANG_INFO]
    if unknown:
        raise ValidationError(
            _(
                "Unknown language code: %(codes)s. Use ISO 639-1 codes separated by commas, "
                "e.g. 'en' or 'en, sl'."
            ),
            params={"codes": ", ".join(unknown)},
        )
