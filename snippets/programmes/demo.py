"""Demo programmes and their actions, in English with Slovenian and Swedish translations."""

from dataclasses import dataclass, field
from typing import Any

from wagtail.models import Locale

from cms.translation import translate
from snippets.programmes.factories import ProgrammeActionFactory, ProgrammeFactory
from snippets.programmes.models import Programme


@dataclass(frozen=True)
class DemoProgramme:
    """One programme: its English fields, actions (name, description) and translations."""

    slug: str
    name: str
    acronym: str
    description: str
    website: str
    actions: list[tuple[str, str]]
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


PROGRAMMES = [
    DemoProgramme(
        slug="european-solidarity-corps",
        name="European Solidarity Corps",
        acronym="ESC",
        description=(
            "The EU programme that funds volunteering and solidarity activities of young "
            "people aged 18 to 30, in their own country or abroad."
        ),
        website="https://youth.europa.eu/solidarity_en",
        actions=[
            (
                "Volunteering projects",
                "Individual or team volunteering at home or abroad that answers a real need "
                "of a community.",
            ),
            (
                "Solidarity projects",
                "Projects that a group of young people plan and run themselves to change "
                "something in their local community, lasting two to twelve months.",
            ),
            (
                "Humanitarian Aid volunteering",
                "Since 2023, volunteering that supports humanitarian aid operations in "
                "countries outside the EU.",
            ),
        ],
        translations={
            "sl": {
                "European Solidarity Corps": "Evropska solidarnostna enota",
                "ESC": "ESE",
                "The EU programme that funds volunteering and solidarity activities of young "
                "people aged 18 to 30, in their own country or abroad.": (
                    "Program EU, ki financira prostovoljske in solidarnostne aktivnosti mladih "
                    "med 18. in 30. letom starosti, doma ali v tujini."
                ),
                "Volunteering projects": "Projekti prostovoljstva",
                "Individual or team volunteering at home or abroad that answers a real need "
                "of a community.": (
                    "Individualno ali skupinsko prostovoljstvo doma ali v tujini, ki odgovarja "
                    "na resnično potrebo skupnosti."
                ),
                "Solidarity projects": "Solidarnostni projekti",
                "Projects that a group of young people plan and run themselves to change "
                "something in their local community, lasting two to twelve months.": (
                    "Projekti, ki jih skupina mladih sama načrtuje in izvede, da bi kaj "
                    "spremenila v lokalni skupnosti; trajajo od dveh do dvanajst mesecev."
                ),
                "Humanitarian Aid volunteering": "Prostovoljstvo na področju humanitarne pomoči",
                "Since 2023, volunteering that supports humanitarian aid operations in "
                "countries outside the EU.": (
                    "Od leta 2023 prostovoljstvo v podporo operacijam humanitarne pomoči v "
                    "državah zunaj EU."
                ),
            },
            "sv": {
                "European Solidarity Corps": "Europeiska solidaritetskåren",
                "Volunteering projects": "Volontärprojekt",
                "Solidarity projects": "Solidaritetsprojekt",
                "Humanitarian Aid volunteering": "Volontärarbete inom humanitärt bistånd",
            },
        },
    ),
    DemoProgramme(
        slug="erasmus-youth",
        name="Erasmus+ Youth",
        acronym="",
        description=(
            "The youth strand of Erasmus+: exchanges of young people, participation projects "
            "and learning mobility for youth workers."
        ),
        website="https://erasmus-plus.ec.europa.eu/",
        actions=[
            ("Youth exchanges", ""),
            ("Youth participation activities", ""),
            ("Mobility of youth workers", ""),
        ],
        translations={
            "sl": {
                "Erasmus+ Youth": "Erasmus+: Mladi",
                "The youth strand of Erasmus+: exchanges of young people, participation "
                "projects and learning mobility for youth workers.": (
                    "Mladinski del programa Erasmus+: izmenjave mladih, projekti participacije "
                    "in učna mobilnost mladinskih delavcev."
                ),
                "Youth exchanges": "Mladinske izmenjave",
                "Youth participation activities": "Aktivnosti participacije mladih",
                "Mobility of youth workers": "Mobilnost mladinskih delavcev",
            },
            "sv": {
                "Erasmus+ Youth": "Erasmus+ Ungdom",
                "Youth exchanges": "Ungdomsutbyten",
                "Youth participation activities": "Aktiviteter för ungas delaktighet",
                "Mobility of youth workers": "Rörlighet för ungdomsarbetare",
            },
        },
    ),
    DemoProgramme(
        slug="europe-for-citizens",
        name="Europe for Citizens",
        acronym="",
        description=(
            "The EU programme of 2014 to 2020 for remembrance, civic participation and "
            "cooperation between towns."
        ),
        website="",
        actions=[
            (
                "Networks of towns",
                "Several towns working together over a longer period on a theme they share.",
            ),
            ("Town twinning", "Meetings of citizens from twinned towns."),
        ],
        translations={
            "sl": {
                "Europe for Citizens": "Evropa za državljane",
                "The EU programme of 2014 to 2020 for remembrance, civic participation and "
                "cooperation between towns.": (
                    "Program EU za obdobje 2014–2020 za evropsko spominjanje, državljansko "
                    "udeležbo in sodelovanje med mesti."
                ),
                "Networks of towns": "Mreženje mest",
                "Several towns working together over a longer period on a theme they "
                "share.": "Dolgoročno sodelovanje več mest na skupno temo.",
                "Town twinning": "Pobratenje mest",
                "Meetings of citizens from twinned towns.": "Srečanja prebivalcev pobratenih mest.",
            },
            "sv": {
                "Europe for Citizens": "Ett Europa för medborgarna",
                "The EU programme of 2014 to 2020 for remembrance, civic participation and "
                "cooperation between towns.": (
                    "EU-programmet för 2014–2020 om historiskt minne, medborgarnas deltagande "
                    "och samarbete mellan städer."
                ),
                "Networks of towns": "Nätverk av städer",
                "Several towns working together over a longer period on a theme they "
                "share.": "Flera städer som under längre tid samarbetar kring ett gemensamt tema.",
                "Town twinning": "Vänortssamarbete",
                "Meetings of citizens from twinned towns.": "Möten mellan invånare i vänorter.",
            },
        },
    ),
]


def load_demo(stdout: Any) -> None:
    """Create the demo programmes once; a second run only refreshes their translations."""
    english = Programme.objects.filter(locale=Locale.get_default())
    before = english.count()
    for demo in PROGRAMMES:
        programme = ProgrammeFactory(
            slug=demo.slug,
            name=demo.name,
            acronym=demo.acronym,
            description=demo.description,
            website=demo.website,
        )
        for order, (name, description) in enumerate(demo.actions):
            ProgrammeActionFactory(
                programme=programme, name=name, description=description, sort_order=order
            )
        for language, texts in demo.translations.items():
            translate(programme, language, texts)
    stdout.write(
        f"Programmes: {english.count() - before} created ({len(PROGRAMMES)} in the demo), "
        "with their actions, in English, Slovenian and Swedish."
    )
