"""Programmes and their actions: edited together, translated together, read together."""

import pytest

from django.db import models
from django.urls import reverse

from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from snippets.programmes.factories import ProgrammeActionFactory, ProgrammeFactory
from snippets.programmes.models import Programme, ProgrammeAction
from snippets.programmes.wagtail_hooks import programme_action_chooser_viewset
from tests.snippets.base import form_errors, formset_errors, post_add_form

pytestmark = pytest.mark.django_db

ESC_SLOVENIAN = {
    "European Solidarity Corps": "Evropska solidarnostna enota",
    "ESC": "ESE",
    "Volunteering projects": "Projekti prostovoljstva",
    "Solidarity projects": "Solidarnostni projekti",
}


def programme_form(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "European Solidarity Corps",
        "acronym": "ESC",
        "slug": "",
        "description": "Volunteering and solidarity for young people.",
        "website": "https://youth.europa.eu/solidarity_en",
        "actions": inline_formset(
            [
                {"name": "Volunteering projects", "slug": "", "description": ""},
                {"name": "Solidarity projects", "slug": "", "description": "Run by young people."},
            ]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def esc(locales) -> Programme:
    programme = ProgrammeFactory(name="European Solidarity Corps", acronym="ESC")
    ProgrammeActionFactory(programme=programme, name="Volunteering projects", sort_order=0)
    ProgrammeActionFactory(programme=programme, name="Solidarity projects", sort_order=1)
    return programme


def test_editor_adds_a_programme_with_its_actions_in_order(admin_client, locales) -> None:
    response = post_add_form(admin_client, Programme, programme_form())

    assert response.status_code == 302
    programme = Programme.objects.get()
    assert programme.slug == "european-solidarity-corps"
    actions = list(programme.actions.values_list("name", "slug", "locale__language_code"))
    assert actions == [
        ("Volunteering projects", "volunteering-projects", "en"),
        ("Solidarity projects", "solidarity-projects", "en"),
    ]


def test_a_website_that_is_no_web_address_is_refused_on_the_website_field(
    admin_client, locales
) -> None:
    response = post_add_form(admin_client, Programme, programme_form(website="youth europa"))

    assert list(form_errors(response)) == ["website"]
    assert not Programme.objects.exists()
    assert not ProgrammeAction.objects.exists()


def test_an_action_without_a_name_is_refused_on_that_action(admin_client, locales) -> None:
    data = programme_form(
        actions=inline_formset(
            [{"name": "Volunteering projects"}, {"name": "", "description": "No name given."}]
        )
    )

    response = post_add_form(admin_client, Programme, data)

    assert formset_errors(response, "actions") == [{}, {"name": ["This field is required."]}]
    assert not Programme.objects.exists()


def test_slovenian_translation_translates_the_acronym_and_each_action(esc, translate_to) -> None:
    slovenian = translate_to(esc, "sl", ESC_SLOVENIAN)

    assert str(slovenian) == "Evropska solidarnostna enota (ESE)"
    assert [(a.name, a.slug, a.locale.language_code) for a in slovenian.actions.all()] == [
        ("Projekti prostovoljstva", "volunteering-projects", "sl"),
        ("Solidarnostni projekti", "solidarity-projects", "sl"),
    ]
    # Pages that point at an English action find its Slovenian twin by translation key.
    english_action = esc.actions.get(slug="solidarity-projects")
    assert english_action.get_translation(slovenian.locale).name == "Solidarnostni projekti"


def test_a_new_english_action_reaches_the_translation_when_it_is_synced(esc, translate_to) -> None:
    translate_to(esc, "sl", ESC_SLOVENIAN)
    ProgrammeActionFactory(programme=esc, name="Humanitarian Aid volunteering", sort_order=2)

    slovenian = translate_to(
        esc,
        "sl",
        {**ESC_SLOVENIAN, "Humanitarian Aid volunteering": "Prostovoljstvo v humanitarni pomoči"},
    )

    assert list(slovenian.actions.values_list("name", flat=True)) == [
        "Projekti prostovoljstva",
        "Solidarnostni projekti",
        "Prostovoljstvo v humanitarni pomoči",
    ]
    assert ProgrammeAction.objects.filter(locale=slovenian.locale).count() == 3


def test_partner_sites_read_programmes_with_actions_in_both_languages(
    esc, graphql, translate_to
) -> None:
    translate_to(esc, "sl", ESC_SLOVENIAN)
    query = """{ programme(slug: "european-solidarity-corps", locale: "%s") {
        name acronym actions { name slug programme { acronym } } } }"""

    english = graphql(query % "en")["data"]["programme"]
    slovenian = graphql(query % "sl")["data"]["programme"]

    assert english["acronym"] == "ESC"
    assert [action["name"] for action in english["actions"]] == [
        "Volunteering projects",
        "Solidarity projects",
    ]
    assert slovenian == {
        "name": "Evropska solidarnostna enota",
        "acronym": "ESE",
        "actions": [
            {
                "name": "Projekti prostovoljstva",
                "slug": "volunteering-projects",
                "programme": {"acronym": "ESE"},
            },
            {
                "name": "Solidarnostni projekti",
                "slug": "solidarity-projects",
                "programme": {"acronym": "ESE"},
            },
        ],
    }


def test_programmes_not_yet_translated_fall_back_to_english_unless_refused(
    esc, graphql, translate_to
) -> None:
    translate_to(esc, "sl", ESC_SLOVENIAN)
    ProgrammeFactory(name="Erasmus+ Youth")
    query = '{ programmes(locale: "sl"%s) { items { name locale } pagination { total } } }'

    with_fallback = graphql(query % "")["data"]["programmes"]
    slovenian_only = graphql(query % ", fallback: false")["data"]["programmes"]

    assert with_fallback == {
        "items": [
            {"name": "Erasmus+ Youth", "locale": "en"},
            {"name": "Evropska solidarnostna enota", "locale": "sl"},
        ],
        "pagination": {"total": 2},
    }
    assert slovenian_only == {
        "items": [{"name": "Evropska solidarnostna enota", "locale": "sl"}],
        "pagination": {"total": 1},
    }


def test_editors_choose_an_action_from_a_searchable_chooser(esc, admin_client) -> None:
    response = admin_client.get(
        reverse("programme_action_chooser:choose_results"), {"q": "solidarity", "locale": "en"}
    )

    assert response.status_code == 200
    assert "Solidarity projects" in response.content.decode()
    assert "Volunteering projects" not in response.content.decode()


def test_page_fields_pointing_at_an_action_use_that_chooser(esc, admin_client) -> None:
    admin_client.get(reverse("wagtailadmin_home"))  # the admin registers its viewsets
    field = models.ForeignKey(ProgrammeAction, null=True, on_delete=models.SET_NULL)

    widget = formfield_for_dbfield(field).widget

    assert isinstance(widget, programme_action_chooser_viewset.widget_class)
