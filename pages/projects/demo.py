"""Demo projects VOLWE and SHELTER: VOLWE also in Swedish, SHELTER also in Slovenian.

Facts come from the seed documents (the Swedish VOLWE page and the Novo mesto news item on
SHELTER); the texts are written for the demo. The seeds give neither project's start and end
dates, VOLWE's strand, dates of its six partner events or its other partners, nor the names
of three of SHELTER's nine municipalities, so none of these is filled in.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from wagtail.rich_text import RichText

from cms.demo import demo_image, ensure_index, paragraphs, snippet, translate_once
from pages.municipalities.models import MunicipalityPage
from pages.projects.factories import (
    ProjectEventFactory,
    ProjectGoalFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectPartnerFactory,
    ProjectSocialLinkFactory,
)
from pages.projects.models import ProjectIndexPage, ProjectPage, ProjectPartner
from snippets.organisations.factories import OrganisationFactory
from snippets.people.factories import PersonFactory
from snippets.programmes.factories import ProgrammeActionFactory, ProgrammeFactory

Role = ProjectPartner.Role

INDEX_TRANSLATIONS = {
    "sl": {
        "Projects": "Projekti",
        "Projects that towns and organisations of the network run together.": (
            "Projekti, ki jih skupaj izvajajo mesta in organizacije mreže."
        ),
    },
    "sv": {
        "Projects": "Projekt",
        "Projects that towns and organisations of the network run together.": (
            "Projekt som nätverkets städer och organisationer genomför tillsammans."
        ),
    },
}


@dataclass(frozen=True)
class DemoEvent:
    title: str
    start: datetime.date
    end: datetime.date | None
    place: str
    country: str


@dataclass(frozen=True)
class DemoProject:
    """One project: English fields, rows, and {language: {English text: translation}}."""

    slug: str
    acronym: str
    title: str
    summary: str
    impact: str
    body: list[str]
    goals: list[str]
    #: (municipality page slug or "", (organisation slug, name) or None, role)
    partners: list[tuple[str, tuple[str, str] | None, str]]
    programme: tuple[str, str]
    strand: str = ""
    coordinator: tuple[str, str] | None = None
    events: list[DemoEvent] = field(default_factory=list)
    social_links: list[tuple[str, str]] = field(default_factory=list)
    #: (alt text, colour) of a generated placeholder logo, when the seed shows a logo.
    logo: tuple[str, str] | None = None
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


EUROPE_FOR_CITIZENS = ("europe-for-citizens", "Europe for Citizens")

VOLWE = DemoProject(
    slug="volwe",
    acronym="VOLWE",
    title="European network on the role of volunteers in welfare policies",
    summary=(
        "Municipalities and voluntary associations from several countries compared how "
        "public administrations and volunteers can work together on welfare."
    ),
    body=[
        "The idea grew out of the partners' work in the SERN network. Every country wanted "
        "closer ties between public administrations and non-profit organisations, because "
        "the needs of society are becoming more complex.",
        "Social policy should not only repair problems but belong to a wider view of "
        "services in which quality is the measure of what is achieved.",
        "At six events each partner showed a practice that worked at home, so that the "
        "others could take ideas, or the whole practice, back to their own country.",
    ],
    goals=[
        "Learn how voluntary organisations work in each country: their nature, the laws that "
        "frame them and their relations with public administrations.",
        "Let municipalities exchange experience of working with voluntary organisations, "
        "above all for the citizens who need it most.",
        "Study and try out ways of getting young people to volunteer.",
        "Strengthen the role and functions of voluntary organisations.",
        "Build lasting cooperation between the partner countries that follows how well the "
        "measures taken work.",
    ],
    impact=(
        "Besides its target groups, the project reached other parts of civil society, "
        "schools above all, which joined the local activities. Working with associations "
        "from other countries gave a stronger sense of belonging to Europe and a wish to "
        "keep working together. The partners chose the inclusion of disadvantaged young "
        "people as the main theme of their next projects."
    ),
    programme=EUROPE_FOR_CITIZENS,
    coordinator=("laura-avanzi", "Laura Avanzi"),
    partners=[("", ("sern", "SERN – Sweden Emilia-Romagna Network"), Role.PARTNER)],
    translations={
        "sv": {
            "European network on the role of volunteers in welfare policies": (
                "European network on the role of volunteers in welfare policies"
            ),
            "Municipalities and voluntary associations from several countries compared how "
            "public administrations and volunteers can work together on welfare.": (
                "Kommuner och ideella föreningar från flera länder jämförde hur offentliga "
                "förvaltningar och volontärer kan samarbeta inom välfärden."
            ),
            "The idea grew out of the partners' work in the SERN network. Every country wanted "
            "closer ties between public administrations and non-profit organisations, because "
            "the needs of society are becoming more complex.": (
                "Idén växte fram ur partnernas arbete i SERN-nätverket. Alla länder ville "
                "knyta närmare band mellan offentliga förvaltningar och ideella "
                "organisationer, eftersom samhällets behov blir allt mer komplexa."
            ),
            "Social policy should not only repair problems but belong to a wider view of "
            "services in which quality is the measure of what is achieved.": (
                "Socialpolitiken ska inte bara laga problem utan ingå i en bredare syn på "
                "tjänsterna, där kvalitet är måttet på det som uppnås."
            ),
            "At six events each partner showed a practice that worked at home, so that the "
            "others could take ideas, or the whole practice, back to their own country.": (
                "Vid sex evenemang visade varje partner ett arbetssätt som fungerat på "
                "hemmaplan, så att de andra kunde ta med sig idéer, eller hela arbetssättet, "
                "till sitt eget land."
            ),
            "Learn how voluntary organisations work in each country: their nature, the laws "
            "that frame them and their relations with public administrations.": (
                "Lära sig hur frivilligorganisationer fungerar i varje land: deras karaktär, "
                "lagarna som reglerar dem och deras relationer med offentliga förvaltningar."
            ),
            "Let municipalities exchange experience of working with voluntary organisations, "
            "above all for the citizens who need it most.": (
                "Låta kommunerna utbyta erfarenheter av samarbete med frivilligorganisationer, "
                "framför allt för de medborgare som behöver det mest."
            ),
            "Study and try out ways of getting young people to volunteer.": (
                "Studera och pröva sätt att få unga att engagera sig som volontärer."
            ),
            "Strengthen the role and functions of voluntary organisations.": (
                "Stärka frivilligorganisationernas roll och funktioner."
            ),
            "Build lasting cooperation between the partner countries that follows how well "
            "the measures taken work.": (
                "Bygga ett varaktigt samarbete mellan partnerländerna som följer upp hur väl "
                "de vidtagna åtgärderna fungerar."
            ),
            "Besides its target groups, the project reached other parts of civil society, "
            "schools above all, which joined the local activities. Working with associations "
            "from other countries gave a stronger sense of belonging to Europe and a wish to "
            "keep working together. The partners chose the inclusion of disadvantaged young "
            "people as the main theme of their next projects.": (
                "Utöver målgrupperna nådde projektet andra delar av civilsamhället, framför "
                "allt skolor som deltog i de lokala aktiviteterna. Samarbetet med föreningar "
                "från andra länder gav en starkare känsla av att höra till Europa och en vilja "
                "att fortsätta arbeta tillsammans. Partnerna valde inkludering av "
                "missgynnade unga som huvudtema för sina nästa projekt."
            ),
        },
    },
)

SHELTER = DemoProject(
    slug="shelter",
    acronym="SHELTER",
    logo=("SHELTER logo", "#1f5f8b"),
    title="Solidarity hosting evolution looked through European Regions",
    summary=(
        "Nine smaller municipalities from eight countries exchanged good practice in how "
        "towns integrate migrants."
    ),
    body=[
        "As more migrants arrive, towns look for ways of including newcomers that work for "
        "the local economy and prevent exclusion and stigma.",
        "At the international conference the partners learned how Novo mesto works with "
        "local non-governmental organisations to support migrants in every part of life.",
    ],
    goals=[
        "Exchange good practice in the integration policies of smaller municipalities.",
        "Create conditions for more participation and democratic processes.",
        "Encourage active citizenship, intercultural dialogue and mutual understanding.",
        "Promote volunteering and solidarity.",
        "Discuss the common future of Europe.",
    ],
    impact=(
        "Six of the municipalities signed a partnership agreement to keep sharing knowledge, "
        "experience and experts and to organise joint seminars and conferences, on European "
        "citizenship, democratic engagement, volunteering, solidarity, culture, tourism, "
        "sustainable development and urban mobility."
    ),
    programme=EUROPE_FOR_CITIZENS,
    strand="networks-of-towns",
    partners=[
        ("canepina", None, Role.LEAD),
        ("gallese", None, Role.PARTNER),
        ("herceg-novi", None, Role.PARTNER),
        ("novo-mesto", None, Role.PARTNER),
        ("kelme", None, Role.PARTNER),
        ("laragne-monteglin", None, Role.PARTNER),
        (
            "",
            (
                "drpd-novo-mesto",
                "Association for the Development of Voluntary Work Novo mesto",
            ),
            Role.LOCAL,
        ),
        ("", ("zavod-boter", "Boter Institute"), Role.LOCAL),
        ("", ("drustvo-novo-mesto", "Novo mesto Association"), Role.LOCAL),
    ],
    events=[
        DemoEvent(
            "International conference",
            datetime.date(2017, 10, 12),
            datetime.date(2017, 10, 16),
            "Canepina",
            "IT",
        )
    ],
    social_links=[("facebook", "https://www.facebook.com/sheltereu/")],
    translations={
        "sl": {
            "SHELTER logo": "Logotip projekta SHELTER",
            "Solidarity hosting evolution looked through European Regions": (
                "Solidarity hosting evolution looked through European Regions"
            ),
            "Nine smaller municipalities from eight countries exchanged good practice in how "
            "towns integrate migrants.": (
                "Devet manjših občin iz osmih držav je izmenjalo dobre prakse vključevanja "
                "priseljencev v mestih."
            ),
            "As more migrants arrive, towns look for ways of including newcomers that work for "
            "the local economy and prevent exclusion and stigma.": (
                "Ob večjem številu priseljencev občine iščejo načine vključevanja, ki koristijo "
                "lokalnemu gospodarstvu ter preprečujejo izključenost in stigmo."
            ),
            "At the international conference the partners learned how Novo mesto works with "
            "local non-governmental organisations to support migrants in every part of "
            "life.": (
                "Na mednarodni konferenci so partnerji spoznali, kako Novo mesto z lokalnimi "
                "nevladnimi organizacijami podpira priseljence na vseh področjih življenja."
            ),
            "Exchange good practice in the integration policies of smaller municipalities.": (
                "Izmenjava dobrih praks integracijskih politik manjših občin."
            ),
            "Create conditions for more participation and democratic processes.": (
                "Ustvarjanje pogojev za večjo participacijo in demokratične procese."
            ),
            "Encourage active citizenship, intercultural dialogue and mutual understanding.": (
                "Spodbujanje aktivnega državljanstva, medkulturnega dialoga in medsebojnega "
                "razumevanja."
            ),
            "Promote volunteering and solidarity.": "Spodbujanje prostovoljstva in solidarnosti.",
            "Discuss the common future of Europe.": "Razprava o skupni prihodnosti Evrope.",
            "Six of the municipalities signed a partnership agreement to keep sharing "
            "knowledge, experience and experts and to organise joint seminars and conferences, "
            "on European citizenship, democratic engagement, volunteering, solidarity, "
            "culture, tourism, sustainable development and urban mobility.": (
                "Šest občin je podpisalo partnerski sporazum o nadaljnji izmenjavi znanja, "
                "izkušenj in strokovnjakov ter o skupnih seminarjih in konferencah, na "
                "področjih evropskega državljanstva, demokratičnega vključevanja, "
                "prostovoljstva, solidarnosti, kulture, turizma, trajnostnega razvoja in "
                "urbane mobilnosti."
            ),
            "International conference": "Mednarodna konferenca",
            "Canepina": "Canepina",
        },
    },
)

PROJECTS = [VOLWE, SHELTER]


def load_demo(stdout: Any) -> None:
    """Create the index page and the projects once; a second run creates nothing."""
    index = ensure_index(
        ProjectIndexPage,
        ProjectIndexPageFactory,
        slug="projects",
        title="Projects",
        intro="Projects that towns and organisations of the network run together.",
        translations=INDEX_TRANSLATIONS,
    )
    created = 0
    for demo in PROJECTS:
        project = ProjectPage.objects.child_of(index).filter(slug=demo.slug).first()
        if project is None:
            project = _create(index, demo)
            created += 1
        for language, texts in demo.translations.items():
            translate_once(project, language, texts)
    stdout.write(
        f"Projects: {created} created ({len(PROJECTS)} in the demo); VOLWE also in Swedish, "
        "SHELTER in Slovenian."
    )


def _create(index: ProjectIndexPage, demo: DemoProject) -> ProjectPage:
    programme = ProgrammeFactory(slug=demo.programme[0], name=demo.programme[1])
    strand = (
        ProgrammeActionFactory(programme=programme, slug=demo.strand, name=_name(demo.strand))
        if demo.strand
        else None
    )
    project = ProjectPageFactory(
        parent=index,
        slug=demo.slug,
        title=demo.title,
        acronym=demo.acronym,
        summary=demo.summary,
        programme=programme,
        programme_action=strand,
        coordinator=snippet(PersonFactory, demo.coordinator),
        start_date=None,
        end_date=None,
        impact=RichText(f"<p>{demo.impact}</p>").source,
        body=paragraphs(demo.body),
        logo=demo_image(f"{demo.acronym} logo", demo.logo[1]) if demo.logo else None,
        logo_alt=demo.logo[0] if demo.logo else "",
    )
    municipalities = MunicipalityPage.objects.filter(locale_id=project.locale_id)
    for order, (municipality_slug, organisation, role) in enumerate(demo.partners):
        municipality = municipalities.filter(slug=municipality_slug).first()
        if municipality_slug and municipality is None:
            continue  # the municipalities demo did not run; the row would be invalid
        ProjectPartnerFactory(
            project=project,
            sort_order=order,
            municipality=municipality,
            organisation=snippet(OrganisationFactory, organisation),
            role=role,
        )
    for order, text in enumerate(demo.goals):
        ProjectGoalFactory(project=project, sort_order=order, text=text)
    for order, event in enumerate(demo.events):
        ProjectEventFactory(
            project=project,
            sort_order=order,
            title=event.title,
            start_date=event.start,
            end_date=event.end,
            place=event.place,
            country=event.country,
        )
    for order, (network, url) in enumerate(demo.social_links):
        ProjectSocialLinkFactory(project=project, sort_order=order, network=network, url=url)
    project = ProjectPage.objects.get(pk=project.pk)
    project.save_revision().publish()
    return project


def _name(slug: str) -> str:
    return slug.replace("-", " ").capitalize()
