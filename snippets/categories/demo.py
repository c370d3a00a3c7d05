"""Demo categories, in English with Slovenian and Swedish translations."""

from typing import Any

from wagtail.models import Locale

from cms.translation import translate
from snippets.categories.factories import CategoryFactory
from snippets.categories.models import Category

#: slug -> English name, description, then {language: {English text: translation}}.
CATEGORIES: dict[str, tuple[str, str, dict[str, dict[str, str]]]] = {
    "international-cooperation": (
        "International cooperation",
        "Partnerships that bring organisations and towns from several countries together.",
        {
            "sl": {
                "International cooperation": "Mednarodno sodelovanje",
                "Partnerships that bring organisations and towns from several countries "
                "together.": "Partnerstva, ki povezujejo organizacije in mesta iz več držav.",
            },
            "sv": {
                "International cooperation": "Internationellt samarbete",
                "Partnerships that bring organisations and towns from several countries "
                "together.": "Partnerskap som för samman organisationer och städer från "
                "flera länder.",
            },
        },
    ),
    "networking": (
        "Networking",
        "Meetings and networks where people working with young people get to know each other.",
        {
            "sl": {
                "Networking": "Povezovanje",
                "Meetings and networks where people working with young people get to know "
                "each other.": "Srečanja in mreže, kjer se spoznavajo ljudje, ki delajo z mladimi.",
            },
            "sv": {
                "Networking": "Nätverkande",
                "Meetings and networks where people working with young people get to know "
                "each other.": "Möten och nätverk där de som arbetar med unga lär känna varandra.",
            },
        },
    ),
    "learning": (
        "Learning",
        "Study visits, trainings and other ways of learning from each other's practice.",
        {
            "sl": {
                "Learning": "Učenje",
                "Study visits, trainings and other ways of learning from each other's "
                "practice.": "Študijski obiski, usposabljanja in drugi načini učenja iz "
                "prakse drugih.",
            },
            "sv": {
                "Learning": "Lärande",
                "Study visits, trainings and other ways of learning from each other's "
                "practice.": "Studiebesök, utbildningar och andra sätt att lära av "
                "varandras arbete.",
            },
        },
    ),
    "volunteering": (
        "Volunteering",
        "Giving time to the community, at home or abroad, and the organisations that host it.",
        {
            "sl": {
                "Volunteering": "Prostovoljstvo",
                "Giving time to the community, at home or abroad, and the organisations that "
                "host it.": "Podarjanje časa skupnosti, doma ali v tujini, in organizacije, "
                "ki prostovoljce gostijo.",
            },
            "sv": {
                "Volunteering": "Volontärarbete",
                "Giving time to the community, at home or abroad, and the organisations that "
                "host it.": "Att ge sin tid till samhället, hemma eller utomlands, och de "
                "organisationer som tar emot volontärer.",
            },
        },
    ),
    "migration-and-integration": (
        "Migration and integration",
        "How towns and civil society welcome newcomers and help them settle in.",
        {
            "sl": {
                "Migration and integration": "Migracije in vključevanje",
                "How towns and civil society welcome newcomers and help them settle in.": (
                    "Kako mesta in civilna družba sprejemajo priseljence in jim pomagajo, "
                    "da se ustalijo."
                ),
            },
            "sv": {
                "Migration and integration": "Migration och integration",
                "How towns and civil society welcome newcomers and help them settle in.": (
                    "Hur städer och civilsamhället tar emot nyanlända och hjälper dem att "
                    "etablera sig."
                ),
            },
        },
    ),
    "social-inclusion": (
        "Social inclusion",
        "Work that reaches people at risk of being left out, young people in particular.",
        {
            "sl": {
                "Social inclusion": "Socialna vključenost",
                "Work that reaches people at risk of being left out, young people in "
                "particular.": "Delo z ljudmi, ki jim grozi izključenost, zlasti z mladimi.",
            },
            "sv": {
                "Social inclusion": "Social inkludering",
                "Work that reaches people at risk of being left out, young people in "
                "particular.": "Arbete som når människor som riskerar att hamna utanför, "
                "särskilt unga.",
            },
        },
    ),
}


def load_demo(stdout: Any) -> None:
    """Create the demo categories once; a second run only refreshes their translations."""
    english = Category.objects.filter(locale=Locale.get_default())
    before = english.count()
    for slug, (name, description, translations) in CATEGORIES.items():
        category = CategoryFactory(slug=slug, name=name, description=description)
        for language, texts in translations.items():
            translate(category, language, texts)
    stdout.write(
        f"Categories: {english.count() - before} created ({len(CATEGORIES)} in the demo), "
        "in English, Slovenian and Swedish."
    )
