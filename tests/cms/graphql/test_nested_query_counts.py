"""Nested lists cost the same number of SQL statements for 10 and for 100 items.

Top-level lists are counted in ``test_query_counts.py``; here the lists inside an item: an
index page's children, a municipality's projects, a project's partners and the pages chosen in
a body's blocks. Each query asks for relations of the nested items too, so a relation loaded
item by item would show.
"""

from collections.abc import Callable
from typing import Any

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from tests.cms.graphql.conftest import add_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_write_side_indexes")]

SIZES = (10, 100)


def count_statements(graphql: Callable[..., dict[str, Any]], query: str) -> tuple[int, Any]:
    count, data, _statements = captured_statements(graphql, query)
    return count, data


def captured_statements(
    graphql: Callable[..., dict[str, Any]], query: str
) -> tuple[int, Any, list[str]]:
    graphql(query)  # warms per-process caches (content types, site roots)
    with CaptureQueriesContext(connection) as captured:
        body = graphql(query)
    assert "errors" not in body, body["errors"]
    statements = [entry["sql"] for entry in captured.captured_queries]
    return len(statements), body["data"], statements


def assert_constant(
    graphql: Callable[..., dict[str, Any]],
    make: Callable[[int], None],
    query: str,
    length: Callable[[Any], int],
) -> None:
    counts, statements = {}, {}
    made = 0
    for size in SIZES:
        make(size - made)
        made = size
        counts[size], data, statements[size] = captured_statements(graphql, query)
        assert length(data) == size
    # The statements themselves, shortened, say which relation went item by item.
    shown = "\n\n".join(
        f"{size} items:\n" + "\n".join(sql[:200] for sql in found)
        for size, found in statements.items()
    )
    assert counts[10] == counts[100], f"{counts}\n{shown}"


@pytest.fixture(autouse=True)
def _no_response_cache(settings: Any) -> None:
    settings.CMS_GRAPHQL_CACHE_SECONDS = 0


def test_a_call_index_pages_calls(graphql, home: Page) -> None:
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory
    from pages.projects.factories import ProjectIndexPageFactory, ProjectPageFactory
    from snippets.countries.factories import CountryGroupFactory
    from snippets.people.factories import PersonFactory
    from snippets.programmes.factories import ProgrammeFactory

    index = CallIndexPageFactory(parent=home)
    programme = ProgrammeFactory(name="European Solidarity Corps")
    person = PersonFactory(name="Lea Kovič")
    group = CountryGroupFactory(name="Western Balkans", countries=["AL", "BA"])
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home), title="SHELTER")

    def make(n: int) -> None:
        for _ in range(n):
            call = CallPageFactory(
                parent=index, programme=programme, contact=person, related_project=project
            )
            call.eligible_country_groups.add(group)
            call.save_revision().publish()

    query = """{ page(urlPath: "/calls/") { ... on CallIndexPage {
      calls(limit: 100) { title status programme { name } contact { name }
        relatedProject { title } eligibleCountryGroups { name }
        translations { locale url } translationStatus { complete } } } } }"""
    assert_constant(graphql, make, query, lambda data: len(data["page"]["calls"]))


def test_a_municipalitys_projects(graphql, home: Page) -> None:
    from pages.municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
    )
    from pages.projects.factories import (
        ProjectIndexPageFactory,
        ProjectPageFactory,
        ProjectPartnerFactory,
    )
    from snippets.people.factories import PersonFactory
    from snippets.programmes.factories import ProgrammeFactory

    municipality = MunicipalityPageFactory(
        parent=MunicipalityIndexPageFactory(parent=home), title="Canepina", slug="canepina"
    )
    projects = ProjectIndexPageFactory(parent=home)
    programme = ProgrammeFactory(name="Erasmus+")
    person = PersonFactory(name="Lea Kovič")

    def make(n: int) -> None:
        for _ in range(n):
            project = ProjectPageFactory(parent=projects, programme=programme, coordinator=person)
            ProjectPartnerFactory(project=project, municipality=municipality, role="lead")
            project.save_revision().publish()

    query = """{ municipality(slug: "canepina") { projects {
      title acronym programme { name } coordinator { name }
      partners { role municipality { title } } translations { locale url } } } }"""
    assert_constant(graphql, make, query, lambda data: len(data["municipality"]["projects"]))


def test_a_projects_partners(graphql, home: Page) -> None:
    from pages.municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
    )
    from pages.projects.factories import (
        ProjectIndexPageFactory,
        ProjectPageFactory,
        ProjectPartnerFactory,
    )
    from snippets.organisations.factories import OrganisationFactory

    municipalities = MunicipalityIndexPageFactory(parent=home)
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home), slug="shelter")

    def make(n: int) -> None:
        for number in range(n):
            if number % 2:
                partner = {"organisation": OrganisationFactory()}
            else:
                partner = {"municipality": MunicipalityPageFactory(parent=municipalities)}
            ProjectPartnerFactory(project=project, **partner)
        project.save_revision().publish()

    query = """{ project(slug: "shelter") {
      partners { role roleLabel name municipality { title country { name } } organisation {
        name kindLabel } }
      leadPartner { name } } }"""
    assert_constant(graphql, make, query, lambda data: len(data["project"]["partners"]))


def test_pages_chosen_in_a_body(graphql, home: Page) -> None:
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory

    call = CallPageFactory(parent=CallIndexPageFactory(parent=home), slug="chooser")
    targets: list[Page] = []

    def make(n: int) -> None:
        start = len(targets)
        targets.extend([add_page(home, f"target-{start + i}") for i in range(n)])
        call.body = [("page_link", {"page": target, "text": ""}) for target in targets]
        call.save_revision().publish()

    query = """{ call(slug: "chooser") { body {
      ... on PageLinkBlock { page { title url translations { locale } } } } } }"""
    assert_constant(graphql, make, query, lambda data: len(data["call"]["body"]))


def test_rich_text_links_in_a_list(graphql, home: Page) -> None:
    from wagtail.rich_text import RichText

    from pages.calls.factories import CallIndexPageFactory, CallPageFactory

    index = CallIndexPageFactory(parent=home)
    target = add_page(home, "target")
    hidden = add_page(home, "hidden-target", publish=False)
    html = (
        f'<p><a linktype="page" id="{target.pk}">shown</a> and '
        f'<a linktype="page" id="{hidden.pk}">hidden</a></p>'
    )

    def make(n: int) -> None:
        for _ in range(n):
            CallPageFactory(parent=index, body=[("paragraph", RichText(html))])

    query = """{ calls(perPage: 100) { items { body { ... on RichTextBlock { value } } } } }"""
    assert_constant(graphql, make, query, lambda data: len(data["calls"]["items"]))
    value = graphql(query)["data"]["calls"]["items"][0]["body"][0]["value"]
    assert "<a>hidden</a>" in value
    assert "<a href=" in value and ">shown</a>" in value


def test_image_blocks_in_a_list(graphql, home: Page) -> None:
    import wagtail_factories

    from pages.calls.factories import CallIndexPageFactory, CallPageFactory

    index = CallIndexPageFactory(parent=home)
    images = []

    def make(n: int) -> None:
        for _ in range(n):
            images.append(wagtail_factories.ImageFactory())
            block = {"image": images[-1], "alt": "", "caption": "", "credit": ""}
            CallPageFactory(parent=index, body=[("image", block)])

    query = (
        """{ calls(perPage: 100) { items { body { ... on ImageBlock { image { title } } } } } }"""
    )
    assert_constant(graphql, make, query, lambda data: len(data["calls"]["items"]))
    titles = {
        item["body"][0]["image"]["title"] for item in graphql(query)["data"]["calls"]["items"]
    }
    assert titles == {image.title for image in images}


def test_lead_images_share_images_and_attachments_of_a_list_of_calls(
    graphql, home: Page, settings: Any
) -> None:
    import wagtail_factories

    # The warm-up run generates every rendition of 100 calls; counted runs find them stored.
    settings.CMS_GRAPHQL_LIMITS = {
        **settings.CMS_GRAPHQL_LIMITS,
        "max_new_renditions": 1_000,
        "max_cost": 1_000_000,
    }

    from pages.calls.factories import (
        CallAttachmentFactory,
        CallIndexPageFactory,
        CallPageFactory,
    )
    from snippets.programmes.factories import ProgrammeFactory

    index = CallIndexPageFactory(parent=home)
    programme = ProgrammeFactory(name="European Solidarity Corps")

    def make(n: int) -> None:
        for number in range(n):
            image = wagtail_factories.ImageFactory(title=f"Photo {number}")
            # Half share their lead image, half have a share image of their own.
            own = wagtail_factories.ImageFactory() if number % 2 else None
            call = CallPageFactory(
                parent=index, programme=programme, lead_image=image, og_image=own
            )
            CallAttachmentFactory(page=call, kind="guide")
            CallAttachmentFactory(page=call, kind="application_form")
            call.save_revision().publish()

    query = """{ page(urlPath: "/calls/") { ... on CallIndexPage {
      calls(limit: 100) { title leadImage { alt srcSet(presets: [SMALL]) }
        leadImageCaption ogImage { alt rendition(preset: OG) { url } }
        attachments { title kindLabel language url size fileType } } } } }"""
    assert_constant(graphql, make, query, lambda data: len(data["page"]["calls"]))


def test_a_projects_attachments(graphql, home: Page) -> None:
    from pages.projects.factories import (
        ProjectAttachmentFactory,
        ProjectIndexPageFactory,
        ProjectPageFactory,
    )

    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home), slug="shelter")
    project.save_revision().publish()

    def make(n: int) -> None:
        for _ in range(n):
            ProjectAttachmentFactory(page=project, kind="report")

    query = """{ project(slug: "shelter") { attachments { title kind url size fileType } } }"""
    assert_constant(graphql, make, query, lambda data: len(data["project"]["attachments"]))
