"""Project pages: admin creation and validation, translation, GraphQL."""

import datetime
from typing import Any

import pytest

from django.test import Client

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.translation import translate
from pages.municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
from pages.municipalities.models import MunicipalityPage
from pages.projects.factories import (
    ProjectEventFactory,
    ProjectGoalFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectPartnerFactory,
    ProjectSocialLinkFactory,
)
from pages.projects.models import ProjectIndexPage, ProjectPage, ProjectPartner
from snippets.organisations.factories import OrganisationFactory
from snippets.people.factories import PersonFactory
from snippets.programmes.factories import ProgrammeActionFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def add_url(model: type[Page], parent: Page) -> str:
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def form_errors(response: Any) -> dict[str, Any]:
    """Field errors of the page form and of each inline formset's forms, as plain strings."""
    form = response.context["form"]
    errors: dict[str, Any] = {
        name: [str(message) for message in messages] for name, messages in form.errors.items()
    }
    for name, formset in form.formsets.items():
        rows = [
            {field: [str(message) for message in messages] for field, messages in row.items()}
            for row in formset.errors
        ]
        if any(rows) or formset.non_form_errors():
            errors[name] = rows
    return errors


@pytest.fixture
def places(home: Page) -> dict[str, Any]:
    municipalities = MunicipalityIndexPageFactory(parent=home)
    return {
        "index": ProjectIndexPageFactory(parent=home),
        "municipalities": municipalities,
        "canepina": MunicipalityPageFactory(
            parent=municipalities, title="Canepina", slug="canepina", country="IT"
        ),
        "novo_mesto": MunicipalityPageFactory(
            parent=municipalities, title="Novo mesto", slug="novo-mesto", country="SI"
        ),
        "boter": OrganisationFactory(name="Zavod Boter"),
        "programme": ProgrammeFactory(name="Europe for Citizens", slug="europe-for-citizens"),
    }


def project_form(places: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    strand = ProgrammeActionFactory(programme=places["programme"], name="Networks of towns")
    data: dict[str, Any] = {
        "title": "Solidarity hosting evolution looked through European Regions",
        "slug": "shelter",
        "acronym": "SHELTER",
        "summary": "Small towns compare how they welcome newcomers.",
        "programme": places["programme"].pk,
        "programme_action": strand.pk,
        "coordinator": PersonFactory(name="Laura Avanzi").pk,
        "start_date": "2017-09-01",
        "end_date": "2018-12-31",
        "impact": rich_text("<p>Towns signed a partnership agreement.</p>"),
        "website": "",
        "body": streamfield([("paragraph", rich_text("<p>About the project.</p>"))]),
        "partners": inline_formset(
            [
                {"municipality": places["canepina"].pk, "organisation": "", "role": "lead"},
                {"municipality": places["novo_mesto"].pk, "organisation": "", "role": "partner"},
                {"municipality": "", "organisation": places["boter"].pk, "role": "local"},
            ]
        ),
        "goals": inline_formset(
            [{"text": "Exchange integration practice"}, {"text": "Encourage volunteering"}]
        ),
        "events": inline_formset(
            [
                {
                    "title": "International conference",
                    "start_date": "2017-10-12",
                    "end_date": "2017-10-16",
                    "place": "Canepina",
                    "country": "IT",
                }
            ]
        ),
        "social_links": inline_formset(
            [{"network": "facebook", "url": "https://www.facebook.com/sheltereu/"}]
        ),
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_a_project_with_its_rows(admin_client: Client, places: dict) -> None:
    response = admin_client.post(add_url(ProjectPage, places["index"]), project_form(places))

    assert response.status_code == 302, form_errors(response)
    project = ProjectPage.objects.get(slug="shelter")
    assert project.live
    assert project.programme == places["programme"]
    assert project.programme_action.name == "Networks of towns"
    assert project.coordinator.name == "Laura Avanzi"
    assert [(row.role, str(row.name)) for row in project.partners.all()] == [
        ("lead", "Canepina"),
        ("partner", "Novo mesto"),
        ("local", "Zavod Boter"),
    ]
    assert project.lead_partner.municipality == places["canepina"]
    assert [goal.text for goal in project.goals.all()] == [
        "Exchange integration practice",
        "Encourage volunteering",
    ]
    event = project.events.get()
    assert (event.start_date, event.end_date, event.country.code) == (
        datetime.date(2017, 10, 12),
        datetime.date(2017, 10, 16),
        "IT",
    )
    assert project.social_links.get().url == "https://www.facebook.com/sheltereu/"


def test_project_is_refused_outside_a_project_index(admin_client: Client, places: dict) -> None:
    response = admin_client.post(
        add_url(ProjectPage, places["municipalities"]), project_form(places)
    )

    assert response.status_code == 403
    assert not ProjectPage.objects.exists()
    assert not ProjectPage.can_create_at(places["municipalities"])
    assert not ProjectPage.can_create_at(Page.objects.get(depth=2, locale__language_code="en"))
    assert not ProjectIndexPage.can_create_at(places["municipalities"])


def partner_rows(*rows: dict[str, Any]) -> dict[str, Any]:
    return inline_formset(list(rows))


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("end_before_start", {"end_date": "cannot be before the start date"}),
        ("strand_of_another_programme", {"programme_action": "is not a strand of"}),
        ("strand_without_programme", {"programme": "Choose the programme"}),
        ("partner_with_neither", {"partners": [{"municipality": "Choose the partner"}]}),
        ("partner_with_both", {"partners": [{"organisation": "not both"}]}),
        ("two_lead_partners", {"partners": [{}, {"role": "Only one partner can be the lead"}]}),
        ("event_end_before_start", {"events": [{"end_date": "cannot be before the start"}]}),
        ("facebook_link_elsewhere", {"social_links": [{"url": "is not on Facebook"}]}),
        ("website_over_ftp", {"website": "starting with http://, https:// or mailto:"}),
        ("social_link_over_ftp", {"social_links": [{"url": "starting with http://, https://"}]}),
    ],
)
def test_bad_input_is_rejected_naming_the_field(
    admin_client: Client, places: dict, case: str, expected: dict[str, Any]
) -> None:
    canepina, boter = places["canepina"].pk, places["boter"].pk
    overrides: dict[str, Any] = {
        "end_before_start": {"start_date": "2018-01-01", "end_date": "2017-12-31"},
        "strand_of_another_programme": {
            "programme_action": ProgrammeActionFactory(
                programme=ProgrammeFactory(name="Erasmus+"), name="Youth exchanges"
            ).pk
        },
        "strand_without_programme": {"programme": ""},
        "partner_with_neither": {
            "partners": partner_rows({"municipality": "", "organisation": "", "role": "partner"})
        },
        "partner_with_both": {
            "partners": partner_rows(
                {"municipality": canepina, "organisation": boter, "role": "partner"}
            )
        },
        "two_lead_partners": {
            "partners": partner_rows(
                {"municipality": canepina, "organisation": "", "role": "lead"},
                {"municipality": "", "organisation": boter, "role": "lead"},
            )
        },
        "event_end_before_start": {
            "events": inline_formset(
                [{"title": "Visit", "start_date": "2017-10-16", "end_date": "2017-10-12"}]
            )
        },
        "facebook_link_elsewhere": {
            "social_links": inline_formset(
                [{"network": "facebook", "url": "https://example.org/shelter"}]
            )
        },
        "website_over_ftp": {"website": "ftp://example.org/shelter/"},
        "social_link_over_ftp": {
            "social_links": inline_formset([{"network": "website", "url": "ftp://example.org/"}])
        },
    }[case]

    response = admin_client.post(
        add_url(ProjectPage, places["index"]), project_form(places, **overrides)
    )

    assert response.status_code == 200
    errors = form_errors(response)
    for name, wanted in expected.items():
        assert name in errors, errors
        if isinstance(wanted, str):
            assert wanted in " ".join(errors[name])
        else:
            for row, fields in zip(errors[name], wanted, strict=False):
                for field, message in fields.items():
                    assert message in " ".join(row[field]), errors
    assert not ProjectPage.objects.exists()
    assert not ProjectPartner.objects.exists()


@pytest.fixture
def shelter(places: dict) -> ProjectPage:
    """A project in English with partners of both kinds, goals, an event and a link."""
    strand = ProgrammeActionFactory(programme=places["programme"], name="Networks of towns")
    project = ProjectPageFactory(
        parent=places["index"],
        title="Solidarity hosting evolution looked through European Regions",
        slug="shelter",
        acronym="SHELTER",
        programme=places["programme"],
        programme_action=strand,
        start_date=datetime.date(2017, 9, 1),
        end_date=datetime.date(2018, 12, 31),
    )
    ProjectPartnerFactory(
        project=project, municipality=places["canepina"], role=ProjectPartner.Role.LEAD
    )
    ProjectPartnerFactory(project=project, municipality=places["novo_mesto"])
    ProjectPartnerFactory(
        project=project, organisation=places["boter"], role=ProjectPartner.Role.LOCAL
    )
    ProjectGoalFactory(project=project, text="Exchange integration practice")
    ProjectEventFactory(
        project=project,
        title="International conference",
        start_date=datetime.date(2017, 10, 12),
        end_date=datetime.date(2017, 10, 16),
        place="Canepina",
        country="IT",
    )
    ProjectSocialLinkFactory(project=project, url="https://www.facebook.com/sheltereu/")
    return ProjectPage.objects.get(pk=project.pk)


SLOVENIAN = {
    "Projects": "Projekti",
    "Solidarity hosting evolution looked through European Regions": (
        "Razvoj solidarnostnega gostovanja skozi evropske regije"
    ),
    "Exchange integration practice": "Izmenjava praks vključevanja",
    "International conference": "Mednarodna konferenca",
}


def translate_to_slovenian(places: dict, shelter: ProjectPage) -> ProjectPage:
    translate(places["index"], "sl", SLOVENIAN)
    translate(places["municipalities"], "sl", {"Municipalities": "Občine"})
    translate(places["novo_mesto"], "sl", {"Novo mesto": "Novo mesto"})
    return translate(shelter, "sl", SLOVENIAN)


def test_translation_to_slovenian_is_published(
    places: dict, shelter: ProjectPage, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate_to_slovenian(places, shelter)

    translated = ProjectPage.objects.get(pk=translated.pk)
    assert translated.live
    assert translated.locale.language_code == "sl"
    assert translated.title == SLOVENIAN[shelter.title]
    assert translated.acronym == "SHELTER"
    assert translated.start_date == shelter.start_date
    assert [goal.text for goal in translated.goals.all()] == ["Izmenjava praks vključevanja"]
    event = translated.events.get()
    assert (event.title, event.place, event.country.code) == (
        "Mednarodna konferenca",
        "Canepina",
        "IT",
    )
    # Partner rows are synchronised: the same partners and roles as the source.
    assert [
        (row.municipality_id, row.organisation_id, row.role) for row in translated.partners.all()
    ] == [(row.municipality_id, row.organisation_id, row.role) for row in shelter.partners.all()]


# A small perPage keeps the estimated cost of the nested lists within the limit.
QUERY = """
query ($locale: String) {
  projects(locale: $locale, perPage: 1) {
    items {
      title acronym startDate endDate
      programme { name } programmeAction { name }
      leadPartner { role municipality { title } }
      partners { role roleLabel name municipality { title locale } organisation { name } }
      goals { text }
      events { title startDate endDate place country { code name } }
      socialLinks { network url }
    }
  }
}
"""


def test_graphql_reads_projects_with_partners_in_both_languages(
    places: dict, shelter: ProjectPage, graphql: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        translate_to_slovenian(places, shelter)

    english = graphql(QUERY, {"locale": "en"})
    slovenian = graphql(QUERY, {"locale": "sl"})

    assert "errors" not in english, english
    assert "errors" not in slovenian, slovenian
    [project] = english["data"]["projects"]["items"]
    assert project["acronym"] == "SHELTER"
    assert (project["startDate"], project["endDate"]) == ("2017-09-01", "2018-12-31")
    assert project["programme"] == {"name": "Europe for Citizens"}
    assert project["programmeAction"] == {"name": "Networks of towns"}
    assert project["leadPartner"] == {"role": "lead", "municipality": {"title": "Canepina"}}
    assert project["partners"] == [
        {
            "role": "lead",
            "roleLabel": "Lead partner",
            "name": "Canepina",
            "municipality": {"title": "Canepina", "locale": "en"},
            "organisation": None,
        },
        {
            "role": "partner",
            "roleLabel": "Partner",
            "name": "Novo mesto",
            "municipality": {"title": "Novo mesto", "locale": "en"},
            "organisation": None,
        },
        {
            "role": "local",
            "roleLabel": "Local partner",
            "name": "Zavod Boter",
            "municipality": None,
            "organisation": {"name": "Zavod Boter"},
        },
    ]
    assert project["goals"] == [{"text": "Exchange integration practice"}]
    assert project["events"] == [
        {
            "title": "International conference",
            "startDate": "2017-10-12",
            "endDate": "2017-10-16",
            "place": "Canepina",
            "country": {"code": "IT", "name": "Italy"},
        }
    ]
    assert project["socialLinks"] == [
        {"network": "facebook", "url": "https://www.facebook.com/sheltereu/"}
    ]

    [projekt] = slovenian["data"]["projects"]["items"]
    assert projekt["title"] == "Razvoj solidarnostnega gostovanja skozi evropske regije"
    assert projekt["goals"] == [{"text": "Izmenjava praks vključevanja"}]
    assert projekt["events"][0]["title"] == "Mednarodna konferenca"
    # Novo mesto has a Slovenian page, Canepina not yet: each partner in the best language.
    assert [row["municipality"] for row in projekt["partners"]] == [
        {"title": "Canepina", "locale": "en"},
        {"title": "Novo mesto", "locale": "sl"},
        None,
    ]
    assert projekt["leadPartner"]["municipality"] == {"title": "Canepina"}


def test_graphql_hides_an_unpublished_partner_municipality(
    places: dict, shelter: ProjectPage, graphql: Any
) -> None:
    places["canepina"].unpublish()

    body = graphql('{ project(slug: "shelter") { partners { name municipality { title } } } }')

    assert "errors" not in body, body
    assert body["data"]["project"]["partners"][0] == {"name": "", "municipality": None}


def test_graphql_filters_by_municipality_and_programme(
    places: dict, shelter: ProjectPage, graphql: Any
) -> None:
    ProjectPageFactory(parent=places["index"], slug="volwe", acronym="VOLWE")
    query = """
    query ($municipality: String, $programme: String) {
      projects(municipality: $municipality, programme: $programme) { items { slug } }
    }
    """

    def slugs(**variables: str) -> list[str]:
        body = graphql(query, variables)
        assert "errors" not in body, body
        return sorted(item["slug"] for item in body["data"]["projects"]["items"])

    assert slugs() == ["shelter", "volwe"]
    assert slugs(municipality="novo-mesto") == ["shelter"]
    assert slugs(municipality="nowhere") == []
    assert slugs(programme="europe-for-citizens") == ["shelter"]
    assert slugs(municipality="canepina", programme="europe-for-citizens") == ["shelter"]
    # An unpublished municipality page cannot be filtered by.
    places["canepina"].unpublish()
    assert slugs(municipality="canepina") == []


def test_project_list_costs_a_fixed_number_of_queries(
    places: dict, shelter: ProjectPage, graphql: Any, django_assert_max_num_queries: Any
) -> None:
    for number in range(3):
        extra = ProjectPageFactory(parent=places["index"], slug=f"extra-{number}")
        ProjectPartnerFactory(project=extra, municipality=places["canepina"])
        ProjectPartnerFactory(project=extra, organisation=places["boter"])

    query = """
    {
      projects(perPage: 4) {
        items { title programme { name } partners { role municipality { title } } goals { text } }
      }
    }
    """
    with django_assert_max_num_queries(30):
        body = graphql(query)

    assert "errors" not in body, body
    assert len(body["data"]["projects"]["items"]) == 4


def test_index_page_lists_its_projects(places: dict, shelter: ProjectPage, graphql: Any) -> None:
    body = graphql(
        '{ page(urlPath: "/projects/") { ... on ProjectIndexPage { projects { slug } } } }'
    )

    assert "errors" not in body, body
    assert body["data"]["page"]["projects"] == [{"slug": "shelter"}]


def test_municipality_page_lists_the_project(places: dict, shelter: ProjectPage) -> None:
    novo_mesto = MunicipalityPage.objects.get(slug="novo-mesto")
    assert list(novo_mesto.projects()) == [shelter]


def test_admin_listing_filters_by_programme(
    admin_client: Client, places: dict, shelter: ProjectPage
) -> None:
    ProjectPageFactory(parent=places["index"], slug="volwe", acronym="VOLWE")

    everything = admin_client.get("/admin/project_pages/")
    funded = admin_client.get("/admin/project_pages/", {"programme": places["programme"].pk})

    assert everything.status_code == funded.status_code == 200
    assert {page.slug for page in everything.context["object_list"]} == {"shelter", "volwe"}
    assert [page.slug for page in funded.context["object_list"]] == ["shelter"]


def test_edit_form_renders_every_tab(admin_client: Client, shelter: ProjectPage) -> None:
    response = admin_client.get(f"/admin/pages/{shelter.pk}/edit/")

    assert response.status_code == 200
    content = response.content.decode()
    for tab in ("Funding and period", "Partners", "Goals and impact", "Events", "Links"):
        assert tab in content
