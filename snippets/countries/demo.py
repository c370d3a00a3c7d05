"""Demo country groups, in English with Slovenian and Swedish translations."""

from typing import Any

from wagtail.models import Locale

from cms.translation import translate
from snippets.countries.factories import CountryGroupFactory
from snippets.countries.models import CountryGroup

EU_MEMBER_STATES = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]  # fmt: skip

#: slug -> English name, description, countries, {language: {English text: translation}}.
COUNTRY_GROUPS: dict[str, tuple[str, str, list[str], dict[str, dict[str, str]]]] = {
    "erasmus-youth-programme-countries": (
        "Erasmus+ Youth in Action programme countries",
        "The EU member states and the six other countries that take part in the programme in full.",
        [*EU_MEMBER_STATES, "IS", "LI", "MK", "NO", "RS", "TR"],
        {
            "sl": {
                "Erasmus+ Youth in Action programme countries": (
                    "Programske države Erasmus+: Mladi v akciji"
                ),
                "The EU member states and the six other countries that take part in the "
                "programme in full.": "Države članice EU in šest drugih držav, ki v programu "
                "sodelujejo v celoti.",
            },
            "sv": {
                "Erasmus+ Youth in Action programme countries": (
                    "Programländer i Erasmus+: Aktiv ungdom"
                ),
            },
        },
    ),
    "eastern-partnership": (
        "Eastern Partnership countries",
        "Neighbours to the east with which the EU runs a joint partnership policy.",
        ["AM", "AZ", "BY", "GE", "MD", "UA"],
        {
            "sl": {
                "Eastern Partnership countries": "Države Vzhodnega partnerstva",
                "Neighbours to the east with which the EU runs a joint partnership policy.": (
                    "Vzhodne sosede, s katerimi EU vodi skupno politiko partnerstva."
                ),
            },
            "sv": {"Eastern Partnership countries": "Länderna i det östliga partnerskapet"},
        },
    ),
    "western-balkans": (
        "Western Balkans",
        "Countries of south-east Europe that are not yet members of the EU.",
        ["AL", "BA", "ME", "MK", "RS", "XK"],
        {
            "sl": {
                "Western Balkans": "Zahodni Balkan",
                "Countries of south-east Europe that are not yet members of the EU.": (
                    "Države jugovzhodne Evrope, ki še niso članice EU."
                ),
            },
            "sv": {"Western Balkans": "Västra Balkan"},
        },
    ),
}


def load_demo(stdout: Any) -> None:
    """Create the demo country groups once; a second run only refreshes their translations."""
    english = CountryGroup.objects.filter(locale=Locale.get_default())
    before = english.count()
    for slug, (name, description, codes, translations) in COUNTRY_GROUPS.items():
        group = CountryGroupFactory(slug=slug, name=name, description=description, countries=codes)
        for language, texts in translations.items():
            translate(group, language, texts)
    stdout.write(
        f"Country groups: {english.count() - before} created ({len(COUNTRY_GROUPS)} in the demo), "
        "in English, Slovenian and Swedish."
    )
