"""Admin form widgets the plugins' page forms share."""

from __future__ import annotations

from typing import Any

from django import forms


class CountryCheckboxes(forms.CheckboxSelectMultiple):
    """Every country as a checkbox, with a filter box that narrows the list as one types
    ("slo" finds Slovenia and Slovakia, accents ignored) and a line naming what is ticked.

    Plain checkboxes underneath: the form works without JavaScript and with the keyboard alone.
    """

    template_name = "cms/widgets/country_checkboxes.html"

    class Media:
        js = ["cms/js/country-checkboxes.js"]
        css = {"all": ["cms/css/country-checkboxes.css"]}

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        ticked = {str(code) for code in context["widget"]["value"]}
        context["widget"]["ticked_names"] = [
            str(label) for code, label in self.choices if code and str(code) in ticked
        ]
        return context
