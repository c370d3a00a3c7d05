"""Lead images, a project's logo and the share (Open Graph) image: what partner sites get, in
which language, and what they never get (images in private collections)."""

from collections.abc import Callable
from typing import Any

import pytest
import wagtail_factories

from django.test import Client

from wagtail.models import Collection, CollectionViewRestriction, Page

from cms import translation
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallPage
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
from pages.projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from snippets.programmes.factories import ProgrammeFactory
from tests.pages.test_calls import add_url, call_form, form_errors

pytestmark = pytest.mark.django_db

CALL = """query($l: String) { call(slug: "esc-2026", locale: $l) {
  leadImage { alt rendition(preset: HERO) { width height } srcSet(presets: [SMALL, MEDIUM]) }
  leadImageCaption leadImageCredit
  ogImage { alt rendition(preset: OG, format: JPEG) { url width height format } } } }"""


@pytest.fixture
def translate(django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    def run(instance: Any, language: str, texts: dict[str, str] | None = None) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return translation.translate(instance, language, texts)

    return run


@pytest.fixture
def photo() -> Any:
    return wagtail_factories.ImageFactory(title="Volunteers", file__width=1600, file__height=1000)


@pytest.fixture
def private_collection() -> Collection:
    collection = Collection.get_first_root_node().add_child(name="Embargoed")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def make_call(home: Page, **fields: Any) -> CallPage:
    call = CallPageFactory(parent=CallIndexPageFactory(parent=home), slug="esc-2026", **fields)
    call.save_revision().publish()
    return call


def read(graphql: Any, query: str, locale: str = "en") -> Any:
    body = graphql(query, {"l": locale})
    assert "errors" not in body, body
    return body["data"]


def test_a_call_shows_its_lead_image_with_alt_caption_credit_and_sizes(
    graphql, home, photo
) -> None:
    make_call(
        home,
        lead_image=photo,
        lead_image_alt="Young volunteers painting a wall",
        lead_image_caption="A solidarity project in Koper",
        lead_image_credit="Photo: Youth centre Koper",
    )

    call = read(graphql, CALL)["call"]

    assert call["leadImage"]["alt"] == "Young volunteers painting a wall"
    assert call["leadImage"]["rendition"] == {"width": 1600, "height": 900}
    assert call["leadImage"]["srcSet"].endswith(" 960w")
    assert call["leadImageCaption"] == "A solidarity project in Koper"
    assert call["leadImageCredit"] == "Photo: Youth centre Koper"
    # Without a share image of its own, the lead image is shared, cropped to 1200 x 630.
    assert call["ogImage"]["alt"] == "Young volunteers painting a wall"
    og = call["ogImage"]["rendition"]
    assert (og["width"], og["height"], og["format"]) == (1200, 630, "jpg")


def test_a_share_image_of_its_own_comes_before_the_lead_image(graphql, home, photo) -> None:
    poster = wagtail_factories.ImageFactory(title="Poster", file__width=1200, file__height=630)
    make_call(home, lead_image=photo, og_image=poster)

    call = read(graphql, CALL)["call"]

    assert call["ogImage"]["alt"] == "Poster"
    assert call["leadImage"]["alt"] == "Volunteers"


def test_a_page_without_images_has_none(graphql, home) -> None:
    make_call(home, lead_image_caption="Orphan caption")

    call = read(graphql, CALL)["call"]

    assert call == {
        "leadImage": None,
        "leadImageCaption": None,
        "leadImageCredit": None,
        "ogImage": None,
    }


def test_images_in_a_private_collection_are_never_shown(graphql, home, private_collection) -> None:
    secret = wagtail_factories.ImageFactory(title="Embargoed photo", collection=private_collection)
    make_call(
        home,
        lead_image=secret,
        lead_image_caption="Before the announcement",
        lead_image_credit="Photo: press office",
        og_image=secret,
    )

    body = graphql(CALL, {"l": "en"})

    assert body["data"]["call"] == {
        "leadImage": None,
        "leadImageCaption": None,
        "leadImageCredit": None,
        "ogImage": None,
    }
    assert "Embargoed" not in str(body) and "press office" not in str(body)


def test_a_private_share_image_falls_back_to_a_public_lead_image(
    graphql, home, photo, private_collection
) -> None:
    secret = wagtail_factories.ImageFactory(title="Embargoed", collection=private_collection)
    make_call(home, lead_image=photo, og_image=secret)

    assert read(graphql, CALL)["call"]["ogImage"]["alt"] == "Volunteers"


def test_the_lead_image_alt_text_and_caption_are_translated(
    graphql, home, photo, translate
) -> None:
    call = make_call(
        home,
        lead_image=photo,
        lead_image_alt="Young volunteers painting a wall",
        lead_image_caption="A solidarity project in Koper",
    )
    translate(
        call,
        "sl",
        {
            "Young volunteers painting a wall": "Mladi prostovoljci barvajo zid",
            "A solidarity project in Koper": "Solidarnostni projekt v Kopru",
        },
    )

    slovenian = read(graphql, CALL, "sl")["call"]

    assert slovenian["leadImage"]["alt"] == "Mladi prostovoljci barvajo zid"
    assert slovenian["leadImageCaption"] == "Solidarnostni projekt v Kopru"
    assert slovenian["ogImage"]["alt"] == "Mladi prostovoljci barvajo zid"


def test_a_draft_lead_image_is_not_shown(graphql, home, photo) -> None:
    call = make_call(home)
    call.lead_image = photo
    call.save_revision()

    assert read(graphql, CALL)["call"]["leadImage"] is None


def test_a_project_shows_its_logo_and_lead_image(graphql, home, photo) -> None:
    logo = wagtail_factories.ImageFactory(title="SHELTER logo")
    project = ProjectPageFactory(
        parent=ProjectIndexPageFactory(parent=home),
        slug="shelter",
        acronym="SHELTER",
        logo=logo,
        logo_alt="SHELTER, in green letters",
        lead_image=photo,
    )
    project.save_revision().publish()

    body = graphql(
        """{ project(slug: "shelter") { logo { alt rendition(preset: LOGO) { url } }
        leadImage { alt } ogImage { alt } } }"""
    )

    assert body["data"]["project"]["logo"]["alt"] == "SHELTER, in green letters"
    assert body["data"]["project"]["leadImage"]["alt"] == "Volunteers"
    assert body["data"]["project"]["ogImage"]["alt"] == "Volunteers"


def test_news_and_index_pages_offer_a_share_image(graphql, home, photo) -> None:
    index = NewsIndexPageFactory(parent=home, og_image=photo)
    index.save_revision().publish()
    item = NewsPageFactory(parent=index, slug="visit", lead_image=photo, lead_image_alt="Guests")
    item.save_revision().publish()

    body = graphql(
        """{ page(urlPath: "/news/") { ... on NewsIndexPage { ogImage { alt } } }
        newsItem: page(urlPath: "/news/visit/") { ... on NewsPage { ogImage { alt } } } }"""
    )

    assert body["data"]["page"]["ogImage"]["alt"] == "Volunteers"
    assert body["data"]["newsItem"]["ogImage"]["alt"] == "Guests"


def test_editor_adds_a_lead_image_and_share_image_in_the_admin(
    admin_client: Client, home: Page, photo
) -> None:
    index = CallIndexPageFactory(parent=home)
    data = call_form(
        programme=ProgrammeFactory(name="European Solidarity Corps").pk,
        lead_image=photo.pk,
        lead_image_alt="Volunteers at work",
        lead_image_caption="Koper, 2025",
        lead_image_credit="Photo: MOVIT",
        og_image=photo.pk,
    )

    response = admin_client.post(add_url(CallPage, index), data)

    assert response.status_code == 302, form_errors(response)
    call = CallPage.objects.get(slug="solidarity-projects-2026")
    assert call.lead_image == photo
    assert (call.lead_image_alt, call.lead_image_caption, call.lead_image_credit) == (
        "Volunteers at work",
        "Koper, 2025",
        "Photo: MOVIT",
    )
    assert call.og_image == photo
