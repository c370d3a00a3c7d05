"""Drafts and private images stay hidden when reached through relations and StreamField."""

import pytest

from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.rich_text import RichText

from pages.calls.models import CallPage
from tests.cms.graphql.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def call_index(home: Page):
    from pages.calls.factories import CallIndexPageFactory

    return CallIndexPageFactory(parent=home)


@pytest.fixture
def draft(home: Page) -> Page:
    return add_page(home, "secret-draft", publish=False)


@pytest.fixture
def published(home: Page) -> Page:
    return add_page(home, "open-page")


def make_call(call_index, **fields):
    from pages.calls.factories import CallPageFactory

    call = CallPageFactory(parent=call_index, slug="call", **fields)
    call.save_revision().publish()
    return call


BODY = """{ call(slug: "call") { body {
    ... on PageLinkBlock { page { title } }
    ... on RichTextBlock { value }
    ... on ImageBlock { image { title } }
} } }"""


def test_page_chooser_block_to_a_draft_resolves_to_null(graphql, call_index, draft, published):
    make_call(
        call_index,
        body=[
            ("page_link", {"page": draft, "text": ""}),
            ("page_link", {"page": published, "text": ""}),
        ],
    )
    blocks = graphql(BODY)["data"]["call"]["body"]
    assert blocks == [{"page": None}, {"page": {"title": "Open Page"}}]


def test_rich_text_links_to_a_draft_lose_their_href(graphql, call_index, draft, published):
    html = (
        f'<p><a linktype="page" id="{draft.pk}">hidden</a> and '
        f'<a linktype="page" id="{published.pk}">shown</a></p>'
    )
    make_call(call_index, body=[("paragraph", RichText(html))])
    value = graphql(BODY)["data"]["call"]["body"][0]["value"]
    assert "<a>hidden</a>" in value
    assert '<a href="http://127.0.0.1:8000/partner-site/?locale=en">shown</a>' in value
    assert "secret-draft" not in value


def test_raw_block_values_are_not_exposed(graphql, call_index, draft):
    make_call(call_index, body=[("page_link", {"page": draft, "text": ""})])
    body = graphql('{ call(slug: "call") { body { rawValue } } }')
    assert body["_status"] == 400
    assert "Cannot query field 'rawValue'" in body["errors"][0]["message"]


def test_related_page_foreign_key_to_a_draft_is_null(graphql, call_index, home):
    from pages.conferences.factories import ConferenceIndexPageFactory, ConferencePageFactory

    conference = ConferencePageFactory(parent=ConferenceIndexPageFactory(parent=home))
    conference.unpublish()
    make_call(call_index, related_conference=conference)
    body = graphql('{ call(slug: "call") { relatedConference { title } } }')
    assert body["data"]["call"]["relatedConference"] is None


def test_images_in_a_private_collection_resolve_to_null(graphql, call_index):
    import wagtail_factories

    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    hidden = wagtail_factories.ImageFactory(title="Hidden", collection=private)
    shown = wagtail_factories.ImageFactory(title="Shown", collection=root)
    make_call(call_index, body=[("image", {"image": hidden}), ("image", {"image": shown})])
    blocks = graphql(BODY)["data"]["call"]["body"]
    assert blocks == [{"image": None}, {"image": {"title": "Shown"}}]


def test_nested_collections_refuse_free_form_ordering(graphql, call_index):
    make_call(call_index)
    body = graphql('{ call(slug: "call") { eligibleCountryGroups(order: "-id") { name } } }')
    assert body["_status"] == 400
    assert "Unknown argument 'order'" in body["errors"][0]["message"]


@pytest.fixture
def linked_project(call_index, home_pages, django_capture_on_commit_callbacks):
    """An English call linking to a project in its body; both translated into Slovenian."""
    from cms.translation import translate
    from pages.projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    project = ProjectPageFactory(
        parent=ProjectIndexPageFactory(parent=home_pages["en"]), title="Shelter"
    )
    project.save_revision().publish()
    call = make_call(call_index, body=[("page_link", {"page": project, "text": ""})])
    with django_capture_on_commit_callbacks(execute=True):
        for page in (call_index, call, project.get_parent().specific):
            translate(page, "sl")
        translate(project, "sl", {"Shelter": "Zavetje"})
    return project


LINKED_PAGE = """query ($locale: String) { call(slug: "call", locale: $locale) { body {
    ... on PageLinkBlock { page { title locale ... on ProjectPage { acronym } } }
} } }"""


def test_page_chooser_block_serves_the_linked_page_in_the_readers_language(graphql, linked_project):
    english = graphql(LINKED_PAGE, {"locale": "en"})["data"]["call"]["body"]
    slovenian = graphql(LINKED_PAGE, {"locale": "sl"})["data"]["call"]["body"]

    # The page's own type answers its fragment, and each reader gets their language's version.
    acronym = linked_project.acronym
    assert english == [{"page": {"title": "Shelter", "locale": "en", "acronym": acronym}}]
    assert slovenian == [{"page": {"title": "Zavetje", "locale": "sl", "acronym": acronym}}]


def test_page_chooser_block_falls_back_to_the_source_when_the_translation_is_a_draft(
    graphql, linked_project, locales
):
    linked_project.get_translation(locales["sl"]).unpublish()

    slovenian = graphql(LINKED_PAGE, {"locale": "sl"})["data"]["call"]["body"]

    acronym = linked_project.acronym
    assert slovenian == [{"page": {"title": "Shelter", "locale": "en", "acronym": acronym}}]


def test_page_chooser_block_to_a_page_unpublished_in_every_language_is_null(
    graphql, linked_project, locales
):
    linked_project.get_translation(locales["sl"]).unpublish()
    linked_project.unpublish()

    for locale in ("en", "sl"):
        assert graphql(LINKED_PAGE, {"locale": locale})["data"]["call"]["body"] == [{"page": None}]


def test_page_links_cost_the_same_statements_for_few_and_many_links(graphql, call_index, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pages.calls.factories import CallPageFactory
    from pages.projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    projects_index = ProjectIndexPageFactory(parent=home)
    projects = [ProjectPageFactory(parent=projects_index) for _ in range(6)]
    for project in projects:
        project.save_revision().publish()
    query = """{ calls(perPage: 50) { items { title body {
        ... on PageLinkBlock { page { title locale translations { locale }
            ... on ProjectPage { acronym } } }
    } } } }"""

    def count(calls: int, links: int) -> int:
        for _number in range(calls):
            call = CallPageFactory(
                parent=call_index,
                body=[("page_link", {"page": p, "text": ""}) for p in projects[:links]],
            )
            call.save_revision().publish()
        graphql(query)
        with CaptureQueriesContext(connection) as captured:
            body = graphql(query)
        items = body["data"]["calls"]["items"]
        assert all(len(item["body"]) == links for item in items)
        assert items[0]["body"][0]["page"]["acronym"] == projects[0].acronym
        return len(captured.captured_queries)

    few = count(calls=1, links=1)
    for call in call_index.get_children():
        call.delete()
    many = count(calls=6, links=6)

    assert few == many


def test_a_preview_resolves_its_links_in_the_previewed_page_s_language(
    graphql, linked_project, locales
):
    from pages.calls.models import CallPage

    slovenian_call = CallPage.objects.get(slug="call", locale=locales["sl"])
    preview = slovenian_call.create_page_preview()
    query = """query ($t: String) { calls(locale: "sv") { items { title } }
        page(token: $t) { ... on CallPage { body {
            ... on PageLinkBlock { page { title locale } } } } } }"""

    body = graphql(query, {"t": preview.token})["data"]["page"]["body"]

    assert body == [{"page": {"title": "Zavetje", "locale": "sl"}}]


@pytest.fixture
def private_image(call_index):
    import wagtail_factories

    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    hidden = wagtail_factories.ImageFactory(title="Hidden", collection=private)
    make_call(call_index, body=[("image", {"image": hidden})])
    return hidden


def test_a_preview_in_the_same_request_does_not_switch_off_the_other_fields_checks(
    graphql, home, private_image
):
    preview = home.create_page_preview()
    query = """query ($t: String) {
        page(token: $t) { title }
        call(slug: "call") { body { ... on ImageBlock { image { title } } } }
    }"""

    data = graphql(query, {"t": preview.token})["data"]

    assert data["page"] is not None
    assert data["call"]["body"] == [{"image": None}]


def test_an_image_whose_collection_moves_under_a_private_one_is_hidden_at_once(graphql, call_index):
    import wagtail_factories

    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    reports = root.add_child(name="Reports")
    image = wagtail_factories.ImageFactory(title="Report cover", collection=reports)
    make_call(call_index, body=[("image", {"image": image})])
    assert graphql(BODY)["data"]["call"]["body"] == [{"image": {"title": "Report cover"}}]

    Collection.objects.get(pk=reports.pk).move(private, pos="sorted-child")

    assert graphql(BODY)["data"]["call"]["body"] == [{"image": None}]


def test_a_preview_shows_what_publishing_would_show_of_what_the_draft_links_to(
    graphql, call_index, home, draft, private_image
):
    from pages.calls.factories import CallPageFactory

    previewed = CallPageFactory(
        parent=call_index,
        slug="previewed",
        body=[("page_link", {"page": draft, "text": ""}), ("image", {"image": private_image})],
    )
    preview = previewed.create_page_preview()
    query = """query ($t: String) { page(token: $t) { title ... on CallPage { body {
        ... on PageLinkBlock { page { title } }
        ... on ImageBlock { image { title } }
    } } } }"""

    page = graphql(query, {"t": preview.token})["data"]["page"]

    # The draft itself is shown; the draft page and the private image it shows are not.
    assert page["title"] == previewed.title
    assert page["body"] == [{"page": None}, {"image": None}]


def test_blocks_cannot_be_read_generically_past_their_typed_fields(graphql, call_index, draft):
    make_call(call_index, body=[("page_link", {"page": draft, "text": ""})])

    body = graphql('{ call(slug: "call") { body { ... on PageLinkBlock { blocks { id } } } } }')

    assert body["_status"] == 400
    assert "Cannot query field 'blocks'" in body["errors"][0]["message"]


def test_links_of_linked_pages_cost_the_same_statements_for_one_and_many(graphql, call_index, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pages.projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    projects_index = ProjectIndexPageFactory(parent=home)
    leaves = [add_page(home, f"leaf-{number}") for number in range(6)]
    query = """{ call(slug: "call") { body { ... on PageLinkBlock { page {
        ... on ProjectPage { body { ... on PageLinkBlock { page { title } } } }
    } } } } }"""

    def count(targets: int) -> int:
        for page in projects_index.get_children():
            page.delete()
        projects = []
        for leaf in leaves[:targets]:
            project = ProjectPageFactory(
                parent=projects_index, body=[("page_link", {"page": leaf, "text": ""})]
            )
            project.save_revision().publish()
            projects.append(project)
        call = CallPage.objects.filter(slug="call").first()
        body = [("page_link", {"page": project, "text": ""}) for project in projects]
        if call is None:
            make_call(call_index, body=body)
        else:
            call.body = body
            call.save_revision().publish()
        graphql(query)
        with CaptureQueriesContext(connection) as captured:
            data = graphql(query)["data"]
        assert [block["page"]["body"] for block in data["call"]["body"]] == [
            [{"page": {"title": leaf.title}}] for leaf in leaves[:targets]
        ]
        return len(captured.captured_queries)

    assert count(1) == count(6)
