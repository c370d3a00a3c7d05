"""Every partner list costs the same number of SQL statements for 10 and for 100 items.

Each query asks for what partner sites typically show: organisers, programme, image
renditions, translations and related pages or snippets.
"""

import json
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model
from wagtail.models import Locale, Page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_write_side_indexes")]

SIZES = (10, 100)


def store_renditions(preset: str) -> None:
    """Generate every image's WebP rendition of ``preset``, as earlier requests would have.

    One request may generate only a few new renditions (``max_new_renditions``); these tests
    count the statements of a site whose renditions exist, as the counted request always did.
    """
    spec = f"{django_settings.CMS_IMAGE_PRESETS[preset]}|format-webp"
    for image in get_image_model().objects.all():
        image.get_rendition(spec)


def count_statements(
    graphql: Callable[..., dict[str, Any]], query: str, variables: dict[str, Any]
) -> int:
    # The first request warms per-process caches (content types, site roots); count the next.
    graphql(query, variables)
    with CaptureQueriesContext(connection) as captured:
        body = graphql(query, variables)
    assert "errors" not in body, body["errors"]
    return len(captured.captured_queries)


def assert_constant(
    graphql,
    make: Callable[[int], list[Any]],
    query: str,
    field: str,
    shared: Iterable[Any] = (),
) -> None:
    """Count a list of 10 and of 100 items, in English and in Slovenian.

    First the items exist in English only (Slovenian falls back to them). Then they are given
    real Slovenian translations, as editors get them: copies whose relations still point at
    the English snippets and pages. ``shared`` (what the items link to) is translated too,
    renamed "... (sl)", so that each relation has a Slovenian version to be shown in.
    """
    counts = {}
    items: list[Any] = []
    for size in SIZES:
        items += make(size - len(items))
        for locale in ("en", "sl"):
            counts[(size, locale)] = count_statements(graphql, query, {"locale": locale})
            body = graphql(query, {"locale": locale})
            assert body["data"][field]["pagination"]["total"] == size
    for locale in ("en", "sl"):
        assert counts[(10, locale)] == counts[(100, locale)], counts

    sl = Locale.objects.get(language_code="sl")
    for obj in shared:
        translate(obj, sl, renamed=True)
    # Only the translations: the list has no English items to fall back to.
    variables = {"locale": "sl", "fallback": False}
    translated = 0
    for size in SIZES:
        for item in items[translated:size]:
            translate(item, sl)
        translated = size
        counts[(size, "sl translated")] = count_statements(graphql, query, variables)
        body = graphql(query, variables)
        assert body["data"][field]["pagination"]["total"] == size
        assert {item["locale"] for item in body["data"][field]["items"]} == {"sl"}
        if shared:
            assert "(sl)" in json.dumps(body["data"]), "relations are not shown in Slovenian"
    assert counts[(10, "sl translated")] == counts[(100, "sl translated")], counts


def translate(obj: Any, locale: Locale, *, renamed: bool = False) -> Any:
    """``obj``'s copy in ``locale``, published; a page's parents are translated first."""
    if isinstance(obj, Page):
        parent = obj.get_parent()
        if not parent.get_translations(inclusive=True).filter(locale=locale).exists():
            translate(parent.specific, locale)
        copy = obj.copy_for_translation(locale)
        if renamed:
            copy.title = f"{copy.title} (sl)"
            copy.save()
        copy.save_revision().publish()
        return copy
    copy = obj.copy_for_translation(locale)
    if renamed:
        copy.name = f"{copy.name} (sl)"
    copy.save()
    return copy


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


def test_calls_list(graphql, home: Page, project_index, programme, people, settings) -> None:
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory
    from pages.conferences.factories import ConferenceIndexPageFactory, ConferencePageFactory
    from pages.projects.factories import ProjectPageFactory
    from snippets.countries.factories import CountryGroupFactory

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    index = CallIndexPageFactory(parent=home)
    group = CountryGroupFactory(name="Western Balkans", countries=["AL", "BA", "XK", "ME"])
    action = programme.actions.first()
    conference = ConferencePageFactory(parent=ConferenceIndexPageFactory(parent=home))
    project = ProjectPageFactory(parent=project_index, title="SHELTER")

    def make(n: int) -> list[Page]:
        calls = []
        for _ in range(n):
            call = CallPageFactory(
                parent=index,
                programme=programme,
                programme_action=action,
                contact=people,
                eligible_countries=["AM", "UA"],
                related_conference=conference,
                related_project=project,
            )
            call.eligible_country_groups.add(group)
            call.save_revision().publish()
            calls.append(call)
        return calls

    query = """query($locale: String, $fallback: Boolean = true) {
      calls(locale: $locale, fallback: $fallback, perPage: 100) {
        items { title slug url locale status deadline applicationUrl
          programme { name acronym } programmeAction { name } contact { name }
          eligibleCountries { code name } eligibleCountryGroups { name }
          relatedConference { title } relatedProject { title }
          translations { locale title url } }
        pagination { total } } }"""
    # The programme's translation brings its actions along.
    shared = [programme, people, group, conference, project]
    assert_constant(graphql, make, query, "calls", shared)


def test_conferences_list(graphql, home: Page, people, settings) -> None:
    import wagtail_factories

    from pages.conferences.factories import (
        ConferenceIndexPageFactory,
        ConferenceObjectiveFactory,
        ConferencePageFactory,
        ConferencePartnerLogoFactory,
    )
    from snippets.countries.factories import CountryGroupFactory
    from snippets.organisations.factories import OrganisationFactory

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    index = ConferenceIndexPageFactory(parent=home)
    organiser = OrganisationFactory(
        name="MOVIT", kind="national_agency", logo=wagtail_factories.ImageFactory()
    )
    initiator = OrganisationFactory(name="City of Ljubljana", kind="municipality")
    co_organiser = OrganisationFactory(name="Pro Loco Canepina", kind="ngo")
    partner = OrganisationFactory(name="Zavod Voluntariat", kind="ngo")
    group = CountryGroupFactory(name="Western Balkans", countries=["AL", "BA", "XK", "ME"])

    def make(n: int) -> list[Page]:
        conferences = []
        for _ in range(n):
            conference = ConferencePageFactory(
                parent=index, main_organiser=organiser, contact=people
            )
            conference.initiators.add(initiator)
            conference.co_organisers.add(co_organiser)
            conference.eligible_country_groups.add(group)
            ConferenceObjectiveFactory(page=conference)
            ConferencePartnerLogoFactory(page=conference, organisation=partner)
            conference.save_revision().publish()
            conferences.append(conference)
        store_renditions("LOGO")
        return conferences

    query = """query($locale: String, $fallback: Boolean = true) {
      conferences(locale: $locale, fallback: $fallback, perPage: 100) {
        items { title slug locale startsAt format
          mainOrganiser { name logo { rendition(preset: LOGO) { url } } }
          initiators { name } coOrganisers { name } contact { name }
          eligibleCountryGroups { name } objectives { text }
          partnerLogos { image { rendition(preset: LOGO) { url } } organisation { name } }
          translations { locale title } }
        pagination { total } } }"""
    shared = [organiser, initiator, co_organiser, partner, people, group]
    assert_constant(graphql, make, query, "conferences", shared)


def test_organisations_list(graphql, home: Page, settings) -> None:
    from snippets.organisations.factories import (
        OpeningHoursFactory,
        OrganisationFactory,
        QualityLabelFactory,
    )

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0

    def make(n: int) -> list[Any]:
        organisations = []
        for _ in range(n):
            organisation = OrganisationFactory()
            OpeningHoursFactory(organisation=organisation)
            QualityLabelFactory(organisation=organisation)
            organisations.append(organisation)
        return organisations

    query = """query($locale: String, $fallback: Boolean = true) {
      organisations(locale: $locale, fallback: $fallback, perPage: 100) {
        items { name locale kind country { code name } openingHours { opens closes note }
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

    def make(n: int) -> list[Page]:
        projects = []
        for _ in range(n):
            project = ProjectPageFactory(
                parent=project_index, programme=programme, coordinator=people
            )
            ProjectPartnerFactory(project=project, municipality=municipalities[0], role="lead")
            ProjectPartnerFactory(project=project, municipality=municipalities[1])
            ProjectGoalFactory(project=project)
            project.save_revision().publish()
            projects.append(project)
        return projects

    query = """query($locale: String, $fallback: Boolean = true) {
      projects(locale: $locale, fallback: $fallback, perPage: 100) {
        items { title locale acronym programme { name } coordinator { name } goals { text }
          partners { role municipality { title country { name } } }
          leadPartner { name } translations { locale url } }
        pagination { total } } }"""
    shared = [programme, people, *municipalities]
    assert_constant(graphql, make, query, "projects", shared)


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

    def make(n: int) -> list[Page]:
        made = []
        for _ in range(n):
            municipality = MunicipalityPageFactory(parent=index, logo=logo)
            ProjectPartnerFactory(project=project, municipality=municipality)
            made.append(municipality)
        project.save_revision().publish()
        return made

    query = """query($locale: String, $fallback: Boolean = true) {
      municipalities(locale: $locale, fallback: $fallback, perPage: 100) {
        items { title locale officialName country { code name } latitude
          logo { rendition(preset: LOGO) { url } } projects { title acronym }
          translations { locale url } }
        pagination { total } } }"""
    assert_constant(graphql, make, query, "municipalities", [project])


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

    def make(n: int) -> list[Page]:
        news = []
        for _ in range(n):
            item = NewsPageFactory(parent=index, author=people)
            item.categories.add(category)
            item.related_projects.add(project)
            item.related_municipalities.add(municipalities[0])
            NewsGalleryImageFactory(page=item)
            item.save_revision().publish()
            news.append(item)
        store_renditions("THUMBNAIL")
        return news

    query = """query($locale: String, $fallback: Boolean = true) {
      news(locale: $locale, fallback: $fallback, perPage: 100) {
        items { title locale date author { name } categories { name }
          relatedProjects { title } relatedMunicipalities { title }
          galleryImages { caption image { rendition(preset: THUMBNAIL) { url } } }
          translations { locale url } }
        pagination { total } } }"""
    shared = [people, category, project, municipalities[0]]
    assert_constant(graphql, make, query, "news", shared)
