"""Choices, validators and widgets of the call model."""

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Re-exported: migration 0001 refers to time_zone_choices by this module path.
from cms.time_zones import DEFAULT_TIME_ZONE, time_zone_choices  # noqa: F401

MAX_AGE = 120
MAX_DURATION_MONTHS = 60


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
            _("Unknown kind of organisation: %(codes)s."), params={"codes": ", ".join(unknown)}
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
