"""Municipality pages: admin creation and validation, translation, GraphQL."""

from decimal import Decimal
from typing import Any

import pytest

from django.test import Client

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.translation import translate
from pages.municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
from pages.municipalities.models import MunicipalityIndexPage, MunicipalityPage
from pages.projects.factories import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectPartnerFactory,
)
from pages.projects.models import ProjectPartner
from snippets.organisations.factories import OrganisationFactory
from snippets.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def add_url(model: type[Page], parent: Page) -> str:
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def form_errors(response: Any) -> dict[str, list[str]]:
    """The page form's field errors, as plain strings."""
    form = response.context["form"]
    return {name: [str(message) for message in errors] for name, errors in form.errors.items()}


def municipality_form(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Novo mesto",
        "slug": "novo-mesto",
        "official_name": "Mestna občina Novo mesto",
        "country": "SI",
        "region": "Southeast Slovenia",
        "website": "https://www.novomesto.si/",
        "latitude": "45.803",
        "longitude": "15.169",
        "population": "24000",
        "short_profile": "A town on the Krka river that hosts integration programmes.",
        "body": streamfield([("paragraph", rich_text("<p>Partner in SHELTER.</p>"))]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def index(home: Page) -> MunicipalityIndexPage:
    return MunicipalityIndexPageFactory(parent=home)


def test_editor_creates_a_municipality_under_the_index(
    admin_client: Client, index: MunicipalityIndexPage
) -> None:
    contact = PersonFactory(name="Mojca Novak")
    organisation = OrganisationFactory(name="Mestna občina Novo mesto")
    data = municipality_form(contact=contact.pk, organisation=organisation.pk)

    response = admin_client.post(add_url(MunicipalityPage, index), data)

    assert response.status_code == 302, form_errors(response)
    page = MunicipalityPage.objects.get(slug="novo-mesto")
    assert page.live
    assert page.get_parent().specific == index
    assert page.country.code == "SI"
    assert page.latitude == Decimal("45.803000")
    assert page.contact == contact
    assert page.organisation == organisation
    assert page.body[0].block_type == "paragraph"


def test_index_page_is_created_under_the_home_page(admin_client: Client, home: Page) -> None:
    data = nested_form_data(
        {
            "title": "Municipalities",
            "slug": "municipalities",
            "intro": "Members of the network.",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(add_url(MunicipalityIndexPage, home), data)

    assert response.status_code == 302
    assert MunicipalityIndexPage.objects.child_of(home).count() == 1


def test_municipality_is_refused_outside_a_municipality_index(
    admin_client: Client, home_pages: dict[str, Page], index: MunicipalityIndexPage
) -> None:
    home = Page.objects.get(pk=home_pages["en"].pk)  # fresh: the index was added after
    response = admin_client.post(add_url(MunicipalityPage, home), municipality_form())

    # A disallowed page type is a permission refusal: 403, nothing created.
    assert response.status_code == 403
    assert not MunicipalityPage.objects.exists()
    assert not MunicipalityPage.can_create_at(home)
    assert not MunicipalityIndexPage.can_create_at(index)
    # One index per language tree: English has one, Swedish has none yet.
    assert not MunicipalityIndexPage.can_create_at(home)
    assert MunicipalityIndexPage.can_create_at(home_pages["sv"])


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"latitude": "95"}, "latitude", "between -90 and 90"),
        ({"longitude": "-181.5"}, "longitude", "between -180 and 180"),
        ({"longitude": ""}, "longitude", "both latitude and longitude"),
        ({"latitude": ""}, "latitude", "both latitude and longitude"),
        ({"country": "ZZ"}, "country", "valid choice"),
        ({"website": "not a url"}, "website", "valid URL"),
    ],
)
def test_bad_input_is_rejected_naming_the_field(
    admin_client: Client,
    index: MunicipalityIndexPage,
    overrides: dict[str, str],
    field: str,
    message: str,
) -> None:
    response = admin_client.post(add_url(MunicipalityPage, index), municipality_form(**overrides))

    assert response.status_code == 200
    errors = form_errors(response)
    assert field in errors
    assert message in " ".join(errors[field])
    assert not MunicipalityPage.objects.exists()


def test_model_clean_rejects_coordinates_out_of_range(index: MunicipalityIndexPage) -> None:
    from django.core.exceptions import ValidationError

    page = MunicipalityPage(title="Nowhere", slug="nowhere", country="SI", latitude=Decimal(91))
    with pytest.raises(ValidationError) as raised:
        index.add_child(instance=page)
    assert set(raised.value.message_dict) == {"latitude", "longitude"}


@pytest.fixture
def network(home: Page) -> dict[str, Any]:
    """A municipality that is a partner in one project, both in English."""
    municipalities = MunicipalityIndexPageFactory(parent=home)
    novo_mesto = MunicipalityPageFactory(
        parent=municipalities,
        title="Novo mesto",
        slug="novo-mesto",
        official_name="Mestna občina Novo mesto",
        country="SI",
        latitude=Decimal("45.803"),
        longitude=Decimal("15.169"),
    )
    canepina = MunicipalityPageFactory(
        parent=municipalities, title="Canepina", slug="canepina", country="IT"
    )
    projects = ProjectIndexPageFactory(parent=home)
    shelter = ProjectPageFactory(
        parent=projects, title="Solidarity hosting", acronym="SHELTER", slug="shelter"
    )
    ProjectPartnerFactory(project=shelter, municipality=canepina, role=ProjectPartner.Role.LEAD)
    ProjectPartnerFactory(project=shelter, municipality=novo_mesto)
    ProjectPageFactory(parent=projects, title="Unrelated", slug="unrelated")
    return {
        "municipalities": municipalities,
        "novo_mesto": novo_mesto,
        "canepina": canepina,
        "projects": projects,
        "shelter": shelter,
    }


def translate_network(network: dict[str, Any]) -> dict[str, Page]:
    translate(network["municipalities"], "sl", {"Municipalities": "Občine"})
    translate(network["projects"], "sl", {"Projects": "Projekti"})
    translate(network["shelter"], "sl", {"Solidarity hosting": "Solidarnostno gostovanje"})
    novo_mesto = translate(
        network["novo_mesto"],
        "sl",
        {"Novo mesto is a network member.": "Novo mesto je član mreže."},
    )
    return {"novo_mesto": novo_mesto}


def test_projects_are_derived_from_the_partner_rows(network: dict[str, Any]) -> None:
    assert list(network["novo_mesto"].projects()) == [network["shelter"]]
    network["shelter"].unpublish()
    assert list(network["novo_mesto"].projects()) == []


def test_translation_to_slovenian_is_published(
    network: dict[str, Any], locales: dict, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate_network(network)["novo_mesto"]

    translated.refresh_from_db()
    assert translated.locale == locales["sl"]
    assert translated.live
    assert translated.short_profile == "Novo mesto je član mreže."
    # The legal name is synchronised, not translated.
    assert translated.official_name == "Mestna občina Novo mesto"
    assert translated.country.code == "SI"
    assert translated.latitude == Decimal("45.803000")
    assert translated.get_parent().title == "Občine"
    # Its projects are the Slovenian translations, found through the English partner rows.
    assert [page.title for page in translated.projects()] == ["Solidarnostno gostovanje"]


# A small perPage keeps the estimated cost of the nested lists within the limit.
QUERY = """
query ($locale: String, $fallback: Boolean) {
  municipalities(locale: $locale, fallback: $fallback, perPage: 5) {
    items {
      title locale officialName country { code name } latitude longitude
      projects { title acronym }
    }
  }
}
"""


def test_graphql_lists_municipalities_with_projects_in_both_languages(
    network: dict[str, Any], graphql: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        translate_network(network)

    english = graphql(QUERY, {"locale": "en"})
    slovenian = graphql(QUERY, {"locale": "sl", "fallback": False})
    with_fallback = graphql(QUERY, {"locale": "sl"})

    for body in (english, slovenian, with_fallback):
        assert "errors" not in body, body
    by_title = {item["title"]: item for item in english["data"]["municipalities"]["items"]}
    assert by_title["Novo mesto"]["country"] == {"code": "SI", "name": "Slovenia"}
    assert by_title["Novo mesto"]["latitude"] == pytest.approx(45.803)
    assert by_title["Novo mesto"]["projects"] == [
        {"title": "Solidarity hosting", "acronym": "SHELTER"}
    ]
    assert by_title["Canepina"]["projects"] == [
        {"title": "Solidarity hosting", "acronym": "SHELTER"}
    ]
    # Only Novo mesto is translated; Canepina has no Slovenian page yet.
    assert slovenian["data"]["municipalities"]["items"] == [
        {
            "title": "Novo mesto",
            "locale": "sl",
            "officialName": "Mestna občina Novo mesto",
            # Country names follow the requested language.
            "country": {"code": "SI", "name": "Slovenija"},
            "latitude": pytest.approx(45.803),
            "longitude": pytest.approx(15.169),
            "projects": [{"title": "Solidarnostno gostovanje", "acronym": "SHELTER"}],
        }
    ]
    # By default the list fills the gap with the English page, and its projects are English.
    assert [
        (item["title"], item["locale"], item["projects"])
        for item in with_fallback["data"]["municipalities"]["items"]
    ] == [
        ("Canepina", "en", [{"title": "Solidarity hosting", "acronym": "SHELTER"}]),
        ("Novo mesto", "sl", [{"title": "Solidarnostno gostovanje", "acronym": "SHELTER"}]),
    ]


def test_graphql_filters_by_country_and_project(
    network: dict[str, Any], graphql: Any, django_capture_on_commit_callbacks: Any
) -> None:
    query = """
    query ($country: String, $project: String) {
      municipalities(country: $country, project: $project) { items { slug } }
    }
    """

    def slugs(**variables: str) -> list[str]:
        body = graphql(query, variables)
        assert "errors" not in body, body
        return sorted(item["slug"] for item in body["data"]["municipalities"]["items"])

    assert slugs(country="it") == ["canepina"]
    assert slugs(project="shelter") == ["canepina", "novo-mesto"]
    assert slugs(project="unrelated") == []
    assert slugs(country="SI", project="shelter") == ["novo-mesto"]
    # An unpublished project does not reveal its partners.
    with django_capture_on_commit_callbacks(execute=True):  # sends page_unpublished
        network["shelter"].unpublish()
    assert slugs(project="shelter") == []


def test_graphql_single_municipality_and_index_children(
    network: dict[str, Any], graphql: Any
) -> None:
    body = graphql(
        """
        {
          municipality(slug: "canepina") { title projects { slug } }
          page(urlPath: "/municipalities/") {
            ... on MunicipalityIndexPage { municipalities { slug } }
          }
        }
        """
    )

    assert "errors" not in body, body
    assert body["data"]["municipality"] == {"title": "Canepina", "projects": [{"slug": "shelter"}]}
    assert body["data"]["page"]["municipalities"] == [{"slug": "canepina"}, {"slug": "novo-mesto"}]


def test_admin_listing_filters_by_country(admin_client: Client, network: dict[str, Any]) -> None:
    response = admin_client.get("/admin/municipality_pages/", {"country": "IT"})

    assert response.status_code == 200
    titles = {page.title for page in response.context["object_list"]}
    assert titles == {"Canepina"}


def test_edit_form_renders_every_tab(admin_client: Client, network: dict[str, Any]) -> None:
    response = admin_client.get(f"/admin/pages/{network['novo_mesto'].pk}/edit/")

    assert response.status_code == 200
    for tab in ("Profile", "Location", "Contact and links", "Promote", "Settings"):
        assert tab in response.content.decode()
