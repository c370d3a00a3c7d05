"""The example partner site: a visitor reads a conference and a project in their language."""

import datetime
import json
import re
import uuid
import zoneinfo
from typing import Any

import pytest
from playwright.sync_api import Locator, expect
from playwright.sync_api import Page as BrowserPage

from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from cms.translation import translate
from pages.conferences.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.conferences.models import ConferencePage
from pages.municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
from pages.projects.factories import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectPartnerFactory,
)
from pages.projects.models import ProjectIndexPage, ProjectPage, ProjectPartner
from snippets.organisations.factories import OrganisationFactory
from snippets.programmes.factories import ProgrammeFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
# Next June, so the conference is upcoming and its dates read the same on every run that year.
YEAR = timezone.now().year + 1
SLOVENIAN = {
    "Municipalities": "Občine",
    "Southeast Slovenia": "Jugovzhodna Slovenija",
    "Projects": "Projekti",
    "Solidarity hosting in small towns": "Solidarnostno gostovanje v majhnih mestih",
    "Small towns compare how they welcome newcomers.": (
        "Majhna mesta primerjajo, kako sprejemajo prišleke."
    ),
    "Conferences": "Konference",
    "Volunteering cities forum": "Forum prostovoljskih mest",
    "Mayors and volunteers plan the next year together.": (
        "Župani in prostovoljci skupaj načrtujejo naslednje leto."
    ),
    "Narodni dom, Ulica heroja Staneta 1, Maribor": "Narodni dom, Ulica heroja Staneta 1, Maribor",
    "Programme": "Program",
    "<ul><li>Day one: welcome at the city hall</li><li>Day two: workshops</li></ul>": (
        "<ul><li>Prvi dan: sprejem na mestni hiši</li><li>Drugi dan: delavnice</li></ul>"
    ),
    "Day one: welcome at the city hall": "Prvi dan: sprejem na mestni hiši",
    "Day two: workshops": "Drugi dan: delavnice",
    "The project behind the forum": "Projekt, iz katerega je nastal forum",
}


def stream(*blocks: tuple[str, Any]) -> str:
    """A body StreamField value of the given (type, value) blocks."""
    return json.dumps(
        [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks]
    )


def facts(article: Locator) -> dict[str, str]:
    """The article's facts list (<dl>), term to description."""
    return dict(
        zip(
            article.locator("dt").all_inner_texts(),
            article.locator("dd").all_inner_texts(),
            strict=True,
        )
    )


def switch_language(tab: BrowserPage, name: str) -> None:
    tab.get_by_role("navigation", name="Language").get_by_role("link", name=name).click()


@pytest.fixture
def municipalities(home: Page) -> dict[str, Page]:
    """Novo mesto (translated to Slovenian) and Canepina (English only), both published."""
    index = MunicipalityIndexPageFactory(parent=home)
    novo_mesto = MunicipalityPageFactory(
        parent=index,
        title="Novo mesto",
        slug="novo-mesto",
        country="SI",
        region="Southeast Slovenia",
        website="https://www.novomesto.si/",
    )
    canepina = MunicipalityPageFactory(
        parent=index, title="Canepina", slug="canepina", country="IT", region="Lazio"
    )
    translate(index, "sl", SLOVENIAN)
    translate(novo_mesto, "sl", SLOVENIAN)
    return {"index": index, "novo_mesto": novo_mesto, "canepina": canepina}


@pytest.fixture
def projects(home: Page) -> ProjectIndexPage:
    index = ProjectIndexPageFactory(parent=home)
    translate(index, "sl", SLOVENIAN)
    return index


@pytest.fixture
def project(projects: ProjectIndexPage, municipalities: dict[str, Page]) -> ProjectPage:
    """A project with two partner municipalities and an organisation, translated to Slovenian."""
    project = ProjectPageFactory(
        parent=projects,
        title="Solidarity hosting in small towns",
        slug="shelter",
        acronym="SHELTER",
        summary="Small towns compare how they welcome newcomers.",
        programme=ProgrammeFactory(name="Europe for Citizens"),
        start_date=datetime.date(2017, 9, 1),
        end_date=datetime.date(2018, 12, 31),
    )
    ProjectPartnerFactory(
        project=project, municipality=municipalities["canepina"], role=ProjectPartner.Role.LEAD
    )
    ProjectPartnerFactory(project=project, municipality=municipalities["novo_mesto"])
    ProjectPartnerFactory(
        project=project,
        organisation=OrganisationFactory(name="Zavod Boter"),
        role=ProjectPartner.Role.LOCAL,
    )
    translate(project, "sl", SLOVENIAN)
    return project


@pytest.fixture
def conference(home: Page, project: ProjectPage) -> ConferencePage:
    """A hybrid conference next June with its programme and a link to the project."""
    index = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(
        parent=index,
        title="Volunteering cities forum",
        slug="volunteering-cities-forum",
        summary="Mayors and volunteers plan the next year together.",
        format=ConferencePage.Format.HYBRID,
        venue="Narodni dom, Ulica heroja Staneta 1, Maribor",
        online_platform="Zoom",
        starts_at=datetime.datetime(YEAR, 6, 9, 9, 0, tzinfo=LJUBLJANA),
        ends_at=datetime.datetime(YEAR, 6, 10, 17, 0, tzinfo=LJUBLJANA),
        time_zone="Europe/Ljubljana",
        application_deadline=datetime.datetime(YEAR, 5, 15, 23, 59, tzinfo=LJUBLJANA),
        application_url="https://apply.example.org/forum",
        eligible_countries=["SI", "IT"],
        body=stream(
            ("heading", {"text": "Programme", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Day one: welcome at the city hall</li><li>Day two: workshops</li></ul>",
            ),
            ("page_link", {"page": project.pk, "text": "The project behind the forum"}),
        ),
    )
    translate(index, "sl", SLOVENIAN)
    translate(conference, "sl", SLOVENIAN)
    return conference


def test_visitor_reads_a_conference_and_its_slovenian_version(
    tab: BrowserPage, live_server: Any, conference: ConferencePage
) -> None:
    tab.goto(f"{live_server.url}/partner-site/?locale=en")
    upcoming = tab.get_by_role("region", name="Upcoming conferences")
    expect(upcoming.get_by_role("listitem")).to_have_text(
        [f"Volunteering cities forum – June 9, {YEAR}"]
    )
    upcoming.get_by_role("link", name="Volunteering cities forum").click()

    expect(tab).to_have_url(
        re.compile(r"/conference\.html\?slug=volunteering-cities-forum&locale=en$")
    )
    expect(tab).to_have_title("Volunteering cities forum")
    article = tab.get_by_role("article")
    expect(article.get_by_role("heading", level=1)).to_have_text("Volunteering cities forum")
    expect(article.locator(".status")).to_have_text("Hybrid (on site and online)")
    expect(article.locator(".summary")).to_have_text(
        "Mayors and volunteers plan the next year together."
    )
    assert facts(article) == {
        "When": f"June 9, {YEAR} at 9:00 AM – June 10, {YEAR} at 5:00 PM",
        "Where": "Narodni dom, Ulica heroja Staneta 1, Maribor / Zoom",
        "Organiser": "Slovenian National Agency",
        "Eligible countries": "Italy, Slovenia",
        "Applications close": f"May 15, {YEAR} at 11:59 PM",
    }
    expect(article.get_by_role("link", name="Apply online")).to_have_attribute(
        "href", "https://apply.example.org/forum"
    )
    expect(article.get_by_role("heading", level=2)).to_have_text("Programme")
    expect(article.get_by_role("listitem")).to_have_text(
        ["Day one: welcome at the city hall", "Day two: workshops"]
    )
    expect(article.get_by_role("link", name="The project behind the forum")).to_have_attribute(
        "href", "project.html?slug=shelter&locale=en"
    )
    switcher = tab.get_by_role("navigation", name="Language")
    # No Swedish version is published: the switcher offers none.
    expect(switcher.get_by_role("link", name="Svenska")).to_have_count(0)
    expect(switcher.get_by_text("Svenska")).to_have_class("unavailable")

    switch_language(tab, "Slovenščina")

    expect(tab).to_have_url(re.compile(r"slug=volunteering-cities-forum&locale=sl$"))
    expect(tab.locator("html")).to_have_attribute("lang", "sl")
    expect(article.get_by_role("heading", level=1)).to_have_text("Forum prostovoljskih mest")
    expect(article.locator(".status")).to_have_text("Hibridna (v živo in na spletu)")
    expect(article.locator(".summary")).to_have_text(
        "Župani in prostovoljci skupaj načrtujejo naslednje leto."
    )
    assert facts(article) == {
        "Kdaj": f"9. junij {YEAR} ob 09:00 – 10. junij {YEAR} ob 17:00",
        "Kje": "Narodni dom, Ulica heroja Staneta 1, Maribor / Zoom",
        "Organizator": "Slovenian National Agency",
        "Upravičene države": "Italija, Slovenija",
        "Prijave do": f"15. maj {YEAR} ob 23:59",
    }
    expect(article.get_by_role("heading", level=2)).to_have_text("Program")
    expect(article.get_by_role("listitem")).to_have_text(
        ["Prvi dan: sprejem na mestni hiši", "Drugi dan: delavnice"]
    )
    expect(article.get_by_role("link", name="Prijava na spletu")).to_have_attribute(
        "href", "https://apply.example.org/forum"
    )

    # The programme links to the project's Slovenian page.
    article.get_by_role("link", name="Projekt, iz katerega je nastal forum").click()

    expect(tab).to_have_url(re.compile(r"/project\.html\?slug=shelter&locale=sl$"))
    expect(tab.get_by_role("heading", level=1)).to_have_text(
        "Solidarnostno gostovanje v majhnih mestih"
    )


def test_visitor_reads_a_project_with_its_partner_municipalities(
    tab: BrowserPage, live_server: Any, project: ProjectPage
) -> None:
    tab.goto(f"{live_server.url}/partner-site/?locale=en")
    tab.get_by_role("region", name="Projects").get_by_role(
        "link", name="Solidarity hosting in small towns"
    ).click()

    expect(tab).to_have_url(re.compile(r"/project\.html\?slug=shelter&locale=en$"))
    expect(tab).to_have_title("Solidarity hosting in small towns")
    article = tab.get_by_role("article")
    expect(article.get_by_role("heading", level=1)).to_have_text(
        "Solidarity hosting in small towns"
    )
    expect(article.locator(".status")).to_have_text("SHELTER")
    expect(article.locator(".summary")).to_have_text(
        "Small towns compare how they welcome newcomers."
    )
    assert facts(article) == {
        "Programme": "Europe for Citizens",
        "When": "September 1, 2017 – December 31, 2018",
    }
    partners = article.get_by_role("list", name="Partner municipalities and organisations")
    expect(partners.get_by_role("listitem")).to_have_text(
        [
            "Canepina (Lazio, Italy) – Lead partner",
            "Novo mesto (Southeast Slovenia, Slovenia) – Partner · Website",
            "Zavod Boter – Local partner",
        ]
    )
    expect(partners.get_by_role("link", name="Website")).to_have_attribute(
        "href", "https://www.novomesto.si/"
    )

    switch_language(tab, "Slovenščina")

    expect(tab).to_have_url(re.compile(r"slug=shelter&locale=sl$"))
    expect(tab.locator("html")).to_have_attribute("lang", "sl")
    expect(article.get_by_role("heading", level=1)).to_have_text(
        "Solidarnostno gostovanje v majhnih mestih"
    )
    expect(article.locator(".summary")).to_have_text(
        "Majhna mesta primerjajo, kako sprejemajo prišleke."
    )
    assert facts(article) == {
        "Program": "Europe for Citizens",
        "Kdaj": "1. september 2017 – 31. december 2018",
    }
    # Novo mesto has a Slovenian page; Canepina is shown from its English one.
    partners = article.get_by_role("list", name="Partnerske občine in organizacije")
    expect(partners.get_by_role("listitem")).to_have_text(
        [
            "Canepina (Lazio, Italija) – Vodilni partner",
            "Novo mesto (Jugovzhodna Slovenija, Slovenija) – Partner · Spletna stran",
            "Zavod Boter – Lokalni partner",
        ]
    )


def test_unpublished_partner_municipality_is_left_out(
    tab: BrowserPage,
    live_server: Any,
    project: ProjectPage,
    municipalities: dict[str, Page],
) -> None:
    draft = MunicipalityPageFactory(
        parent=municipalities["index"], title="Kranj", slug="kranj", live=False
    )
    ProjectPartnerFactory(project=project, municipality=draft)
    municipalities["canepina"].unpublish()

    tab.goto(f"{live_server.url}/partner-site/project.html?slug=shelter&locale=en")

    partners = tab.get_by_role("list", name="Partner municipalities and organisations")
    expect(partners.get_by_role("listitem")).to_have_text(
        [
            "Novo mesto (Southeast Slovenia, Slovenia) – Partner · Website",
            "Zavod Boter – Local partner",
        ]
    )
    expect(tab.get_by_text("Kranj")).to_have_count(0)
    expect(tab.get_by_text("Canepina")).to_have_count(0)


def test_private_or_missing_pages_show_not_found(
    tab: BrowserPage, live_server: Any, project: ProjectPage
) -> None:
    private = ProjectPageFactory(
        parent=project.get_parent(), title="Internal evaluation", slug="internal-evaluation"
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    tab.goto(f"{live_server.url}/partner-site/?locale=en")

    projects = tab.get_by_role("region", name="Projects")
    expect(projects.get_by_role("link")).to_have_text(["Solidarity hosting in small towns"])

    tab.goto(f"{live_server.url}/partner-site/project.html?slug=internal-evaluation&locale=en")

    expect(tab.get_by_role("heading", level=1)).to_have_text("This page was not found.")
    expect(tab.get_by_text("Internal evaluation")).to_have_count(0)
    expect(tab.get_by_role("link", name="All open calls")).to_have_attribute(
        "href", "index.html?locale=en"
    )

    tab.goto(f"{live_server.url}/partner-site/conference.html?slug=no-such-forum&locale=sl")

    expect(tab.get_by_role("heading", level=1)).to_have_text("Strani ni bilo mogoče najti.")
    expect(tab.get_by_role("alert")).to_have_count(0)
