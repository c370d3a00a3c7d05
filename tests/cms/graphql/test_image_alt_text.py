"""An image's `alt` is the alt text of its use, in the language of the content showing it;
without one, the image's own description (then its title)."""

from collections.abc import Callable
from typing import Any

import pytest
import wagtail_factories

from wagtail.models import Page

from cms import translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def translate(django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    def run(instance: Any, language: str, texts: dict[str, str]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return translation.translate(instance, language, texts)

    return run


@pytest.fixture
def image() -> Any:
    return wagtail_factories.ImageFactory(title="ljubljana.png", description="A green dragon")


def alt_of(graphql: Any, query: str, locale: str) -> Any:
    body = graphql(query, {"l": locale})
    assert "errors" not in body, body
    return body["data"]


def test_a_municipality_logo_alt_is_translated(graphql, home, image, translate) -> None:
    from pages.municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
    )

    index = MunicipalityIndexPageFactory(parent=home)
    index.save_revision().publish()
    translate(index, "sl", {"Municipalities": "Občine"})
    page = MunicipalityPageFactory(
        parent=index,
        slug="ljubljana",
        logo=image,
        logo_alt="Coat of arms of Ljubljana: a dragon on a castle",
    )
    page.save_revision().publish()
    translate(
        page,
        "sl",
        {"Coat of arms of Ljubljana: a dragon on a castle": "Grb Ljubljane: zmaj na gradu"},
    )
    query = """query($l: String) { municipality(slug: "ljubljana", locale: $l) {
      locale logo { alt } translationStatus { complete } } }"""
    english = alt_of(graphql, query, "en")["municipality"]
    slovenian = alt_of(graphql, query, "sl")["municipality"]
    assert english["logo"]["alt"] == "Coat of arms of Ljubljana: a dragon on a castle"
    assert slovenian["locale"] == "sl"
    assert slovenian["logo"]["alt"] == "Grb Ljubljane: zmaj na gradu"


def test_without_alt_text_the_image_description_is_used(graphql, home, image) -> None:
    from pages.municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
    )

    page = MunicipalityPageFactory(
        parent=MunicipalityIndexPageFactory(parent=home), slug="koper", logo=image
    )
    page.save_revision().publish()
    data = alt_of(graphql, '{ municipality(slug: "koper") { logo { alt } } }', "en")
    assert data["municipality"]["logo"]["alt"] == "A green dragon"


def test_snippet_images_take_the_alt_text_of_their_language(graphql, image, translate) -> None:
    from snippets.organisations.factories import OrganisationFactory
    from snippets.people.factories import PersonFactory

    organisation = OrganisationFactory(
        name="Zavod Voluntariat", slug="voluntariat", logo=image, logo_alt="Voluntariat logo"
    )
    person = PersonFactory(name="Ana Novak", slug="ana-novak", photo=image, photo_alt="Ana smiling")
    translate(organisation, "sl", {"Voluntariat logo": "Logotip Voluntariata"})
    translate(person, "sl", {"Ana smiling": "Ana se smehlja"})
    query = """query($l: String) {
      organisation(slug: "voluntariat", locale: $l) { logo { alt } }
      person(slug: "ana-novak", locale: $l) { photo { alt } } }"""
    assert alt_of(graphql, query, "sl") == {
        "organisation": {"logo": {"alt": "Logotip Voluntariata"}},
        "person": {"photo": {"alt": "Ana se smehlja"}},
    }
    assert alt_of(graphql, query, "en") == {
        "organisation": {"logo": {"alt": "Voluntariat logo"}},
        "person": {"photo": {"alt": "Ana smiling"}},
    }


def test_body_images_gallery_images_and_partner_logos(graphql, home, image, translate) -> None:
    from pages.conferences.factories import (
        ConferenceIndexPageFactory,
        ConferencePageFactory,
        ConferencePartnerLogoFactory,
    )
    from pages.news.factories import NewsGalleryImageFactory, NewsIndexPageFactory, NewsPageFactory

    news_index = NewsIndexPageFactory(parent=home)
    news_index.save_revision().publish()
    translate(news_index, "sl", {"News": "Novice"})
    item = NewsPageFactory(
        parent=news_index,
        slug="visit",
        body=[
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt": "Volunteers at the castle",
                    "caption": "",
                    "credit": "",
                },
            }
        ],
    )
    NewsGalleryImageFactory(page=item, image=image, caption="The meeting")
    item.save_revision().publish()
    translate(
        item,
        "sl",
        {"Volunteers at the castle": "Prostovoljci na gradu", "The meeting": "Srečanje"},
    )
    conferences = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(parent=conferences, slug="conference")
    ConferencePartnerLogoFactory(page=conference, image=image, image_alt="MOVIT logo")
    conference.save_revision().publish()

    news_query = """query($l: String) { newsItem(slug: "visit", locale: $l) {
      body { ... on ImageBlock { image { alt } } }
      galleryImages { image { alt } } } }"""
    slovenian = alt_of(graphql, news_query, "sl")["newsItem"]
    assert slovenian["body"] == [{"image": {"alt": "Prostovoljci na gradu"}}]
    assert slovenian["galleryImages"] == [{"image": {"alt": "Srečanje"}}]
    english = alt_of(graphql, news_query, "en")["newsItem"]
    assert english["body"] == [{"image": {"alt": "Volunteers at the castle"}}]
    assert english["galleryImages"] == [{"image": {"alt": "The meeting"}}]
    logos = alt_of(
        graphql, '{ conference(slug: "conference") { partnerLogos { image { alt } } } }', "en"
    )
    assert logos["conference"]["partnerLogos"] == [{"image": {"alt": "MOVIT logo"}}]


def test_the_same_image_twice_in_one_answer_keeps_each_alt(graphql, home, image) -> None:
    from pages.municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
    )

    index = MunicipalityIndexPageFactory(parent=home)
    for slug, alt in [("a", "First use"), ("b", "Second use"), ("c", "")]:
        MunicipalityPageFactory(
            parent=index, slug=slug, title=slug, logo=image, logo_alt=alt
        ).save_revision().publish()
    body = graphql("{ municipalities(order: TITLE) { items { logo { alt } } } }")
    assert [item["logo"]["alt"] for item in body["data"]["municipalities"]["items"]] == [
        "First use",
        "Second use",
        "A green dragon",
    ]


def test_body_images_saved_before_alt_text_existed_still_translate(home, image, translate) -> None:
    from pages.news.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=home)
    index.save_revision().publish()
    translate(index, "sl", {"News": "Novice"})
    old_block = {"image": image.pk, "caption": "At the castle", "credit": ""}
    item = NewsPageFactory(parent=index, slug="old", body=[{"type": "image", "value": old_block}])
    item.save_revision().publish()
    slovenian = translate(item, "sl", {"At the castle": "Na gradu"})
    assert slovenian.body[0].value["caption"] == "Na gradu"


def test_alt_text_is_a_segment_translators_see(home: Page, image) -> None:
    """The alt text is offered for translation, so it counts in translationStatus too."""
    from wagtail_localize.models import StringSegment, TranslationSource

    from snippets.organisations.factories import OrganisationFactory

    organisation = OrganisationFactory(name="MOVIT", logo=image, logo_alt="MOVIT logo")
    source, _created = TranslationSource.update_or_create_from_instance(organisation)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "MOVIT logo" in texts
