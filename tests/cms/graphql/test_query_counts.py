"""Every partner list costs the same number of SQL statements for 10 and for 100 items.

Each query asks for what partner sites typically show: organisers, programme, image
renditions, translations and related pages or snippets.
"""

from collections.abc import Callable
from typing import Any

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

pytestmark = pytest.mark.django_db

SIZES = (10, 100)


def count_statements(graphql: Callable[..., dict[str, Any]], query: str, locale: str) -> int:
    # The first request warms per-process caches (content types, site roots); count the next.
    graphql(query, {"locale": locale})
    with CaptureQueriesContext(connection) as captured:
        body = graphql(query, {"locale": locale})
    assert "errors" not in body, body["errors"]
    return len(captured.captured_queries)


def assert_constant(graphql, make: Callable[[int], None], query: str, field: str) -> None:
    counts = {}
    made = 0
    for size in SIZES:
        make(size - made)
        made = size
        for locale in ("en", "sl"):
            counts[(size, locale)] = count_statements(graphql, query, locale)
            body = graphql(query, {"locale": locale})
            assert body["data"][field]["pagination"]["total"] == size
    for locale in ("en", "sl"):
        assert counts[(10, locale)] == counts[(100, locale)], counts


@pytest.fixture
def programme():
    from snippets.programmes.factories import ProgrammeActionFactory, ProgrammeFactory

    programme = ProgrammeFactory(name="European Solidarity Corps", acronym="ESC")
    ProgrammeActionFactory(programme=programme, name="Volunteering projects")
    return programme


@pytest.fixture
def people():
    from snippets.people.factories import PersonFactory

    return PersonFactory(name="Lea Kovič")


def test_calls_list(graphql, home: Page, programme, people, settings) -> None:
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory
    from snippets.countries.factories import CountryGroupFactory

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    index = CallIndexPageFactory(parent=home)
    group = CountryGroupFactory(name="Western Balkans", countries=["AL", "BA", "XK", "ME"])
    action = programme.actions.first()

    def make(n: int) -> None:
        for _ in range(n):
            call = CallPageFactory(
                parent=index,
                programme=programme,
                action=action,
                contact=people,
                eligible_countries=["AM", "UA"],
            )
            call.eligible_country_groups.add(group)
            call.save_revision().publish()

    query = """query($locale: String) { calls(locale: $locale, perPage: 100) {
        items { title slug url locale status deadline applicationUrl
          programme { name acronym } action { name } contact { name }
          eligibleCountries { code name } eligibleCountryGroups { name }
          translations { locale title url } }
        pagination { total } } }"""
    assert_constant(graphql, make, query, "calls")


def test_conferences_list(graphql, home: Page, people, settings) -> None:
    from pages.conferences.factories import (
        ConferenceIndexPageFactory,
        ConferenceObjectiveFactory,
        ConferencePageFactory,
        ConferencePartnerLogoFactory,
    )
    from snippets.organisations.factories import OrganisationFactory

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    index = ConferenceIndexPageFactory(parent=home)
    organiser = OrganisationFactory(name="MOVIT", kind="national_agency")
    initiator = OrganisationFactory(name="City of Ljubljana", kind="municipality")

    def make(n: int) -> None:
        for _ in range(n):
            conference = ConferencePageFactory(
                parent=index, main_organiser=organiser, contact=people
            )
            conference.initiators.add(initiator)
            ConferenceObjectiveFactory(page=conference)
            ConferencePartnerLogoFactory(page=conference)
            conference.save_revision().publish()

    query = """query($locale: String) { conferences(locale: $locale, perPage: 100) {
        items { title slug locale startsAt format
          mainOrganiser { name logo { rendition(preset: LOGO) { url } } }
          initiators { name } contact { name }
          objectives { text } partnerLogos { image { rendition(preset: LOGO) { url } } }
          translations { locale title } }
        pagination { total } } }"""
    assert_constant(graphql, make, query, "conferences")


def test_organisations_list(graphql, home: Page, settings) -> None:
    from snippets.organisations.factories import (
        OpeningHoursFactory,
        OrganisationFactory,
        QualityLabelFactory,
    )

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0

    def make(n: int) -> None:
        for _ in range(n):
            organisation = OrganisationFactory()
            OpeningHoursFactory(organisation=organisation)
            QualityLabelFactory(organisation=organisation)

    query = """query($locale: String) { organisations(locale: $locale, perPage: 100) {
        items { name kind country { code name } openingHours { opens closes note }
          qualityLabels { name yearGranted } translations { locale title } }
        pagination { total } } }"""
    assert_constant(graphql, make, query, "organisations")


@pytest.fixture
def municipalities(home: Page):
    from pages.municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
    )

    index = MunicipalityIndexPageFactory(parent=home)
    return [MunicipalityPageFactory(parent=index, title=name) for name in ("Canepina", "Gallese")]


@pytest.fixture
def project_index(home: Page):
    from pages.projects.factories import ProjectIndexPageFactory

    return ProjectIndexPageFactory(parent=home)


def test_projects_list(graphql, project_index, municipalities, programme, people, settings) -> None:
    from pages.projects.factories import (
        ProjectGoalFactory,
        ProjectPageFactory,
        ProjectPartnerFactory,
    )

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0

    def make(n: int) -> None:
        for _ in range(n):
            project = ProjectPageFactory(
                parent=project_index, programme=programme, coordinator=people
            )
            ProjectPartnerFactory(project=project, municipality=municipalities[0], role="lead")
            ProjectPartnerFactory(project=project, municipality=municipalities[1])
            ProjectGoalFactory(project=project)
            project.save_revision().publish()

    query = """query($locale: String) { projects(locale: $locale, perPage: 100) {
        items { title acronym programme { name } coordinator { name } goals { text }
          partners { role municipality { title country { name } } }
          leadPartner { name } translations { locale url } }
        pagination { total } } }"""
    assert_constant(graphql, make, query, "projects")


def test_municipalities_list(graphql, home: Page, project_index, settings) -> None:
    import wagtail_factories

    from pages.municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
    )
    from pages.projects.factories import ProjectPageFactory, ProjectPartnerFactory

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    index = MunicipalityIndexPageFactory(parent=home)
    project = ProjectPageFactory(parent=project_index, title="SHELTER")
    logo = wagtail_factories.ImageFactory()

    def make(n: int) -> None:
        for _ in range(n):
            municipality = MunicipalityPageFactory(parent=index, logo=logo)
            ProjectPartnerFactory(project=project, municipality=municipality)
        project.save_revision().publish()

    query = """query($locale: String) { municipalities(locale: $locale, perPage: 100) {
        items { title officialName country { code name } latitude
          logo { rendition(preset: LOGO) { url } } projects { title acronym }
          translations { locale url } }
        pagination { total } } }"""
    assert_constant(graphql, make, query, "municipalities")


def test_news_list(graphql, home: Page, project_index, municipalities, people, settings) -> None:
    from pages.news.factories import (
        NewsGalleryImageFactory,
        NewsIndexPageFactory,
        NewsPageFactory,
    )
    from pages.projects.factories import ProjectPageFactory
    from snippets.categories.factories import CategoryFactory

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    index = NewsIndexPageFactory(parent=home)
    project = ProjectPageFactory(parent=project_index, title="SHELTER")
    category = CategoryFactory(name="Networking")

    def make(n: int) -> None:
        for _ in range(n):
            item = NewsPageFactory(parent=index, author=people)
            item.categories.add(category)
            item.related_projects.add(project)
            item.related_municipalities.add(municipalities[0])
            NewsGalleryImageFactory(page=item)
            item.save_revision().publish()

    query = """query($locale: String) { news(locale: $locale, perPage: 100) {
        items { title date author { name } categories { name }
          relatedProjects { title } relatedMunicipalities { title }
          galleryImages { caption image { rendition(preset: THUMBNAIL) { url } } }
          translations { locale url } }
        pagination { total } } }"""
    assert_constant(graphql, make, query, "news")
