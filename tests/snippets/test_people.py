"""Contact people: who partner sites tell visitors to write to."""

import pytest

from snippets.organisations.factories import OrganisationFactory
from snippets.organisations.models import Organisation
from snippets.people.factories import PersonFactory
from snippets.people.models import Person
from tests.snippets.base import form_errors, post_add_form, snippet_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def movit(locales) -> Organisation:
    return OrganisationFactory(
        name="MOVIT – Slovenian National Agency", slug="movit", kind="national_agency"
    )


def person_form(organisation: Organisation | None, **overrides: str) -> dict[str, str]:
    data = {
        "name": "Lea Kovič",
        "slug": "",
        "role": "Contact person",
        "organisation": str(organisation.pk) if organisation else "",
        "email": "lea.kovic@movit.si",
        "phone": "",
        "photo": "",
    }
    data.update(overrides)
    return data


def test_editor_adds_a_person_working_for_an_organisation(admin_client, movit) -> None:
    response = post_add_form(admin_client, Person, person_form(movit))

    assert response.status_code == 302
    person = Person.objects.get()
    assert person.slug == "lea-kovic"
    assert person.organisation == movit
    assert str(person) == "Lea Kovič, Contact person"


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "lea.kovic at movit"), ("phone", "ask at the desk"), ("name", "")],
)
def test_bad_contact_details_are_refused_on_their_field(admin_client, movit, field, value) -> None:
    response = post_add_form(admin_client, Person, person_form(movit, **{field: value}))

    assert list(form_errors(response)) == [field]
    assert not Person.objects.exists()


def test_two_people_with_the_same_name_need_different_slugs(admin_client, movit) -> None:
    PersonFactory(name="Lea Kovič")

    refused = post_add_form(admin_client, Person, person_form(movit))
    accepted = post_add_form(admin_client, Person, person_form(movit, slug="lea-kovic-movit"))

    assert list(form_errors(refused)) == ["slug"]
    assert accepted.status_code == 302
    assert set(Person.objects.values_list("slug", flat=True)) == {"lea-kovic", "lea-kovic-movit"}


def test_editor_filters_people_by_organisation(admin_client, movit) -> None:
    PersonFactory(name="Lea Kovič", organisation=movit)
    PersonFactory(name="Laura Avanzi", organisation=OrganisationFactory(name="SERN"))

    response = admin_client.get(snippet_url(Person, "list"), {"organisation": movit.pk})

    assert [person.name for person in response.context["object_list"]] == ["Lea Kovič"]


def test_a_translated_person_points_to_the_translated_organisation(movit, translate_to) -> None:
    lea = PersonFactory(
        name="Lea Kovič", role="Contact person", email="lea.kovic@movit.si", organisation=movit
    )
    movit_sl = translate_to(movit, "sl", {movit.name: "Zavod MOVIT"})

    lea_sl = translate_to(lea, "sl", {"Contact person": "Kontaktna oseba"})

    assert lea_sl.name == "Lea Kovič"
    assert lea_sl.role == "Kontaktna oseba"
    assert lea_sl.email == "lea.kovic@movit.si"
    assert lea_sl.organisation == movit_sl


def test_partner_sites_read_people_with_their_organisation_in_both_languages(
    movit, graphql, translate_to
) -> None:
    lea = PersonFactory(
        name="Lea Kovič", role="Contact person", email="lea.kovic@movit.si", organisation=movit
    )
    translate_to(movit, "sl", {movit.name: "Zavod MOVIT"})
    translate_to(lea, "sl", {"Contact person": "Kontaktna oseba"})
    query = '{ people(locale: "%s") { items { name role email organisation { name slug } } } }'

    english = graphql(query % "en")["data"]["people"]["items"]
    slovenian = graphql(query % "sl")["data"]["people"]["items"]

    assert english == [
        {
            "name": "Lea Kovič",
            "role": "Contact person",
            "email": "lea.kovic@movit.si",
            "organisation": {"name": "MOVIT – Slovenian National Agency", "slug": "movit"},
        }
    ]
    assert slovenian == [
        {
            "name": "Lea Kovič",
            "role": "Kontaktna oseba",
            "email": "lea.kovic@movit.si",
            "organisation": {"name": "Zavod MOVIT", "slug": "movit"},
        }
    ]


def test_partner_sites_list_the_people_of_one_organisation(movit, graphql) -> None:
    PersonFactory(name="Lea Kovič", organisation=movit)
    PersonFactory(name="Urban Krevl", organisation=OrganisationFactory(name="Mreža MaMa"))
    PersonFactory(name="Marko Taljan")

    body = graphql('{ people(organisation: "movit") { items { name } } }')
    person = graphql('{ person(slug: "urban-krevl") { name organisation { name } } }')

    assert body["data"]["people"]["items"] == [{"name": "Lea Kovič"}]
    assert person["data"]["person"] == {
        "name": "Urban Krevl",
        "organisation": {"name": "Mreža MaMa"},
    }
