"""Categories: created by editors, translated, and read by partner sites."""

import pytest

from snippets.categories.factories import CategoryFactory
from snippets.categories.models import Category
from tests.snippets.base import form_errors, post_add_form, snippet_url

pytestmark = pytest.mark.django_db


def test_editor_adds_a_category_and_its_slug_is_made_from_the_name(admin_client, locales) -> None:
    response = post_add_form(
        admin_client,
        Category,
        {"name": "Migration and integration", "slug": "", "description": "Welcoming newcomers."},
    )

    assert response.status_code == 302
    category = Category.objects.get()
    assert category.slug == "migration-and-integration"
    assert category.locale == locales["en"]


def test_a_slug_already_used_in_the_language_is_refused_on_the_slug_field(
    admin_client, locales
) -> None:
    CategoryFactory(name="Networking")

    response = post_add_form(
        admin_client, Category, {"name": "Networking events", "slug": "networking"}
    )

    assert "slug" in form_errors(response)
    assert "this language" in form_errors(response)["slug"][0]
    assert Category.objects.count() == 1


def test_a_category_without_a_name_is_refused_on_the_name_field(admin_client, locales) -> None:
    response = post_add_form(admin_client, Category, {"name": "", "slug": "learning"})

    assert list(form_errors(response)) == ["name"]
    assert not Category.objects.exists()


def test_the_same_slug_may_be_used_in_another_language(admin_client, locales) -> None:
    CategoryFactory(name="Learning")

    response = post_add_form(
        admin_client, Category, {"name": "Učenje", "slug": "learning"}, locale="sl"
    )

    assert response.status_code == 302
    assert Category.objects.get(locale=locales["sl"]).slug == "learning"


def test_editor_finds_a_category_by_searching_the_listing(admin_client, locales) -> None:
    CategoryFactory(name="Volunteering")
    CategoryFactory(name="Learning")

    response = admin_client.get(snippet_url(Category, "list"), {"q": "volunteer"})

    names = [category.name for category in response.context["object_list"]]
    assert names == ["Volunteering"]


def test_slovenian_translation_is_served_per_language(graphql, translate_to) -> None:
    category = CategoryFactory(
        name="International cooperation", description="Partners from several countries."
    )
    translate_to(
        category,
        "sl",
        {
            "International cooperation": "Mednarodno sodelovanje",
            "Partners from several countries.": "Partnerji iz več držav.",
        },
    )
    query = '{ categories(locale: "%s") { items { name slug description } } }'

    english = graphql(query % "en")["data"]["categories"]["items"]
    slovenian = graphql(query % "sl")["data"]["categories"]["items"]

    assert english == [
        {
            "name": "International cooperation",
            "slug": "international-cooperation",
            "description": "Partners from several countries.",
        }
    ]
    assert slovenian == [
        {
            "name": "Mednarodno sodelovanje",
            "slug": "international-cooperation",
            "description": "Partnerji iz več držav.",
        }
    ]


def test_one_category_is_looked_up_by_slug_in_a_language(graphql, translate_to) -> None:
    category = CategoryFactory(name="Learning")
    translate_to(category, "sl", {"Learning": "Učenje"})

    body = graphql('{ category(slug: "learning", locale: "sl") { name } }')

    assert body["data"]["category"] == {"name": "Učenje"}
    assert graphql('{ category(slug: "missing") { name } }')["data"]["category"] is None


def test_categories_are_listed_by_name_and_in_reverse_on_request(graphql, locales) -> None:
    for name in ["Networking", "Learning", "Volunteering"]:
        CategoryFactory(name=name)

    default = graphql("{ categories { items { name } } }")["data"]["categories"]["items"]
    reverse = graphql("{ categories(order: NAME_DESC) { items { name } } }")
    reverse_names = [item["name"] for item in reverse["data"]["categories"]["items"]]

    assert [item["name"] for item in default] == ["Learning", "Networking", "Volunteering"]
    assert reverse_names == ["Volunteering", "Networking", "Learning"]
