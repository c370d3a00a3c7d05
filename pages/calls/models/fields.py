"""Choices, validators and widgets of the call model."""

import zoneinfo

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError

DEFAULT_TIME_ZONE = "Europe/Ljubljana"
#: IANA regions offered to editors; the legacy aliases (US/..., Etc/...) would only confuse.
TIME_ZONE_REGIONS = frozenset(
    ["Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian",
     "Pacific"]
)  # fmt: skip
MAX_AGE = 120
MAX_DURATION_MONTHS = 60


def time_zone_choices() -> list[tuple[str, str]]:
    """IANA time zones as editors know them, e.g. 'Europe/Ljubljana', plus UTC."""
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        if name.split("/", 1)[0] in TIME_ZONE_REGIONS
    )
    return [("UTC", "UTC"), *((name, name.replace("_", " ")) for name in names)]


def organisation_kind_choices() -> list[tuple[str, str]]:
    """The kinds an organisation can be, as the organisations app defines them."""
    return list(apps.get_model("organisations", "Organisation").Kind.choices)


def kind_codes(value: str) -> list[str]:
    """``"ngo,municipality"`` -> ``["ngo", "municipality"]``."""
    return [code.strip() for code in (value or "").split(",") if code.strip()]


def validate_organisation_kinds(value: str) -> None:
    known = {code for code, _label in organisation_kind_choices()}
    unknown = [code for code in kind_codes(value) if code not in known]
    if unknown:
        raise ValidationError(
            "Unknown kind of organisation: %(codes)s.", params={"codes": ", ".join(unknown)}
        )


class CommaSeparatedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes for a text field that stores the ticked codes separated by commas."""

    def format_value(self, value: object) -> list[str]:
        if isinstance(value, str):
            value = kind_codes(value)
        return super().format_value(value)

    def value_from_datadict(self, data: object, files: object, name: str) -> str:
        ticked = super().value_from_datadict(data, files, name)
        if isinstance(ticked, list | tuple):
            return ",".join(ticked)
        return ticked or ""
