"""Demo municipalities: every one the seed documents name, in English and Slovenian.

Facts (names, countries, regions, roles in projects) come from the seed documents; the
profiles are written for the demo. SHELTER had nine municipalities from eight countries but
the seeds name only six of them, so only those six (and Ljubljana and Koper) are created.
Coordinates are rounded public town-centre positions; populations are left empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cms.demo import demo_image, ensure_index, paragraphs, snippet, translate_once
from pages.municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
from pages.municipalities.models import MunicipalityIndexPage, MunicipalityPage
from snippets.organisations.factories import OrganisationFactory
from snippets.people.factories import PersonFactory

INDEX_TRANSLATIONS = {
    "sl": {
        "Municipalities": "Občine",
        "Towns and cities that take part in the network's projects.": (
            "Mesta in občine, ki sodelujejo v projektih mreže."
        ),
    },
    "sv": {
        "Municipalities": "Kommuner",
        "Towns and cities that take part in the network's projects.": (
            "Städer och kommuner som deltar i nätverkets projekt."
        ),
    },
}


@dataclass(frozen=True)
class DemoMunicipality:
    """One municipality: English fields, links by slug and {English text: Slovenian}."""

    slug: str
    title: str
    official_name: str
    country: str
    region: str
    latitude: str
    longitude: str
    profile: str
    body: list[str]
    colour: str
    website: str = ""
    #: (slug, English name) of the snippet, found by slug or created by its factory
    organisation: tuple[str, str] | None = None
    contact: tuple[str, str] | None = None
    slovenian: dict[str, str] = field(default_factory=dict)


MUNICIPALITIES = [
    DemoMunicipality(
        slug="ljubljana",
        title="Ljubljana",
        official_name="Mestna občina Ljubljana",
        country="SI",
        region="Central Slovenia",
        latitude="46.0569",
        longitude="14.5058",
        website="https://www.ljubljana.si/",
        organisation=("city-of-ljubljana", "City of Ljubljana"),
        contact=("katarina-gorenc", "Katarina Gorenc"),
        colour="#2f6f4e",
        profile=(
            "Slovenia's capital. Its youth office co-funds projects of young people through "
            "public calls and supports a network of district youth centres."
        ),
        body=[
            "The district youth centres are run by the Mladi zmaji public institute, which "
            "also helps young people turn their ideas into projects.",
            "Together with Slovenian Philanthropy, the city proposed the 2021 online "
            "conference on volunteering and solidarity as social capital of a city.",
        ],
        slovenian={
            "Ljubljana": "Ljubljana",
            "Central Slovenia": "Osrednjeslovenska regija",
            "Slovenia's capital. Its youth office co-funds projects of young people through "
            "public calls and supports a network of district youth centres.": (
                "Glavno mesto Slovenije. Njegov urad za mladino z javnimi razpisi sofinancira "
                "projekte mladih in podpira mrežo četrtnih mladinskih centrov."
            ),
            "The district youth centres are run by the Mladi zmaji public institute, which "
            "also helps young people turn their ideas into projects.": (
                "Četrtne mladinske centre upravlja javni zavod Mladi zmaji, ki mladim pomaga "
                "tudi pri uresničevanju njihovih zamisli."
            ),
            "Together with Slovenian Philanthropy, the city proposed the 2021 online "
            "conference on volunteering and solidarity as social capital of a city.": (
                "Mesto je skupaj s Slovensko filantropijo dalo pobudo za spletno konferenco "
                "leta 2021 o prostovoljstvu in solidarnosti kot družbenem kapitalu mesta."
            ),
        },
    ),
    DemoMunicipality(
        slug="novo-mesto",
        title="Novo mesto",
        official_name="Mestna občina Novo mesto",
        country="SI",
        region="Southeast Slovenia",
        latitude="45.8040",
        longitude="15.1689",
        website="https://www.novomesto.si/",
        organisation=("city-of-novo-mesto", "City of Novo mesto"),
        colour="#8a3b2e",
        profile=(
            "A town on the Krka river and a SHELTER partner. With local NGOs it gives "
            "newcomers support in every part of daily life."
        ),
        body=[
            "Its partnership between the municipality and non-governmental organisations was "
            "presented to the SHELTER partners as a model of local integration work.",
            "A representative of the town joined the 2021 good-practice visit in Ljubljana.",
        ],
        slovenian={
            "Novo mesto": "Novo mesto",
            "Southeast Slovenia": "Jugovzhodna Slovenija",
            "A town on the Krka river and a SHELTER partner. With local NGOs it gives "
            "newcomers support in every part of daily life.": (
                "Mesto ob reki Krki in partner projekta SHELTER. Skupaj z lokalnimi nevladnimi "
                "organizacijami priseljencem nudi podporo na vseh področjih vsakdanjega "
                "življenja."
            ),
            "Its partnership between the municipality and non-governmental organisations was "
            "presented to the SHELTER partners as a model of local integration work.": (
                "Partnerstvo med občino in nevladnimi organizacijami so partnerjem projekta "
                "SHELTER predstavili kot model lokalnega dela na področju vključevanja."
            ),
            "A representative of the town joined the 2021 good-practice visit in Ljubljana.": (
                "Predstavnica mesta se je leta 2021 udeležila obiska dobrih praks v Ljubljani."
            ),
        },
    ),
    DemoMunicipality(
        slug="koper",
        title="Koper",
        official_name="Mestna občina Koper",
        country="SI",
        region="Slovenian Istria",
        latitude="45.5481",
        longitude="13.7302",
        colour="#1f5f8b",
        profile=(
            "A coastal town whose youth centres host European Solidarity Corps volunteers "
            "and run events and projects with them."
        ),
        body=[
            "Koper Youth Centre and Markovec Youth Centre are open on weekdays, and longer "
            "when there are events.",
        ],
        slovenian={
            "Koper": "Koper",
            "Slovenian Istria": "Slovenska Istra",
            "A coastal town whose youth centres host European Solidarity Corps volunteers "
            "and run events and projects with them.": (
                "Obalno mesto, katerega mladinska centra gostita prostovoljce Evropske "
                "solidarnostne enote ter z njimi pripravljata dogodke in projekte."
            ),
            "Koper Youth Centre and Markovec Youth Centre are open on weekdays, and longer "
            "when there are events.": (
                "Center mladih Koper in Mladinski center Markovec sta odprta med tednom, ob "
                "prireditvah pa dlje."
            ),
        },
    ),
    DemoMunicipality(
        slug="canepina",
        title="Canepina",
        official_name="Comune di Canepina",
        country="IT",
        region="Lazio",
        latitude="42.3817",
        longitude="12.2331",
        organisation=("canepina", "Municipality of Canepina"),
        colour="#b0762a",
        profile=(
            "A small town near Viterbo that applied for the SHELTER project, led it and hosted "
            "its international conference in October 2017."
        ),
        body=[],
        slovenian={
            "Canepina": "Canepina",
            "Lazio": "Lacij",
            "A small town near Viterbo that applied for the SHELTER project, led it and hosted "
            "its international conference in October 2017.": (
                "Manjše mesto blizu Viterba, ki je prijavilo in vodilo projekt SHELTER ter "
                "oktobra 2017 gostilo njegovo mednarodno konferenco."
            ),
        },
    ),
    DemoMunicipality(
        slug="gallese",
        title="Gallese",
        official_name="Comune di Gallese",
        country="IT",
        region="Lazio",
        latitude="42.3728",
        longitude="12.4000",
        organisation=("gallese", "Municipality of Gallese"),
        colour="#6d4c8c",
        profile="An Italian town that signed the SHELTER partnership agreement.",
        body=[],
        slovenian={
            "Gallese": "Gallese",
            "Lazio": "Lacij",
            "An Italian town that signed the SHELTER partnership agreement.": (
                "Italijansko mesto, ki je podpisalo partnerski sporazum projekta SHELTER."
            ),
        },
    ),
    DemoMunicipality(
        slug="herceg-novi",
        title="Herceg Novi",
        official_name="Opština Herceg Novi",
        country="ME",
        region="Bay of Kotor",
        latitude="42.4531",
        longitude="18.5375",
        organisation=("herceg-novi", "Municipality of Herceg Novi"),
        colour="#3d7f7a",
        profile="A Montenegrin coastal town that signed the SHELTER partnership agreement.",
        body=[],
        slovenian={
            "Herceg Novi": "Herceg Novi",
            "Bay of Kotor": "Boka Kotorska",
            "A Montenegrin coastal town that signed the SHELTER partnership agreement.": (
                "Črnogorsko obalno mesto, ki je podpisalo partnerski sporazum projekta SHELTER."
            ),
        },
    ),
    DemoMunicipality(
        slug="kelme",
        title="Kelmė",
        official_name="Kelmės rajono savivaldybė",
        country="LT",
        region="Šiauliai County",
        latitude="55.6333",
        longitude="22.9333",
        organisation=("kelme", "Kelmė District Municipality"),
        colour="#7a8a2e",
        profile="A Lithuanian district that signed the SHELTER partnership agreement.",
        body=[],
        slovenian={
            "Kelmė": "Kelmė",
            "Šiauliai County": "Okraj Šiauliai",
            "A Lithuanian district that signed the SHELTER partnership agreement.": (
                "Litovsko okrožje, ki je podpisalo partnerski sporazum projekta SHELTER."
            ),
        },
    ),
    DemoMunicipality(
        slug="laragne-monteglin",
        title="Laragne-Montéglin",
        official_name="Commune de Laragne-Montéglin",
        country="FR",
        region="Provence-Alpes-Côte d'Azur",
        latitude="44.3167",
        longitude="5.8167",
        organisation=("laragne-monteglin", "Municipality of Laragne-Montéglin"),
        colour="#a33d6b",
        profile="A French town in the Hautes-Alpes that signed the SHELTER partnership agreement.",
        body=[],
        slovenian={
            "Laragne-Montéglin": "Laragne-Montéglin",
            "Provence-Alpes-Côte d'Azur": "Provansa-Alpe-Azurna obala",
            "A French town in the Hautes-Alpes that signed the SHELTER partnership agreement.": (
                "Francosko mesto v departmaju Visoke Alpe, ki je podpisalo partnerski sporazum "
                "projekta SHELTER."
            ),
        },
    ),
]


def load_demo(stdout: Any) -> None:
    """Create the index page and the municipalities once; a second run creates nothing."""
    index = ensure_index(
        MunicipalityIndexPage,
        MunicipalityIndexPageFactory,
        slug="municipalities",
        title="Municipalities",
        intro="Towns and cities that take part in the network's projects.",
        translations=INDEX_TRANSLATIONS,
    )
    created = 0
    for demo in MUNICIPALITIES:
        page = MunicipalityPage.objects.child_of(index).filter(slug=demo.slug).first()
        if page is None:
            page = MunicipalityPageFactory(
                parent=index,
                title=demo.title,
                slug=demo.slug,
                official_name=demo.official_name,
                country=demo.country,
                region=demo.region,
                website=demo.website,
                latitude=Decimal(demo.latitude),
                longitude=Decimal(demo.longitude),
                short_profile=demo.profile,
                body=paragraphs(demo.body),
                logo=demo_image(f"{demo.title} logo", demo.colour),
                contact=snippet(PersonFactory, demo.contact),
                organisation=snippet(
                    OrganisationFactory,
                    demo.organisation,
                    kind="municipality",
                    country=demo.country,
                ),
            )
            page.save_revision().publish()
            created += 1
        translate_once(page, "sl", demo.slovenian)
    stdout.write(
        f"Municipalities: {created} created ({len(MUNICIPALITIES)} in the demo), "
        "in English and Slovenian."
    )
