"""Conference pages: admin creation and validation, translation, GraphQL."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.translation import translate
from pages.conferences.factories import (
    ConferenceIndexPageFactory,
    ConferenceObjectiveFactory,
    ConferencePageFactory,
    ConferencePartnerLogoFactory,
    DelegationRoleFactory,
)
from pages.conferences.models import ConferenceIndexPage, ConferencePage
from snippets.countries.factories import CountryGroupFactory
from snippets.organisations.factories import OrganisationFactory
from snippets.people.factories import PersonFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def add_url(model: type[Page], parent: Page) -> str:
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def form_errors(response: Any) -> dict[str, list[str]]:
    """The page form's field errors, as plain strings."""
    form = response.context["form"]
    return {name: [str(message) for message in errors] for name, errors in form.errors.items()}


@pytest.fixture
def index(home: Page) -> ConferenceIndexPage:
    return ConferenceIndexPageFactory(parent=home)


@pytest.fixture
def organisers() -> dict[str, Any]:
    return {
        "movit": OrganisationFactory(name="MOVIT", slug="movit", kind="national_agency"),
        "ljubljana": OrganisationFactory(name="City of Ljubljana", kind="municipality"),
        "filantropija": OrganisationFactory(name="Slovenian Philanthropy"),
        "mucf": OrganisationFactory(name="MUCF", kind="national_agency", country="SE"),
    }


@pytest.fixture
def translate_to(locales: Any, django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    """Translate through wagtail-localize and run what it defers to the transaction commit."""

    def run(instance: Any, language: str, texts: dict[str, str] | None = None) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return translate(instance, language, texts)

    return run


def conference_form(**overrides: Any) -> dict[str, Any]:
    """The add form as an editor fills it in; many-to-many values are lists of primary keys."""
    many = {
        name: overrides.pop(name, [])
        for name in ("initiators", "co_organisers", "eligible_country_groups", "eligible_countries")
    }
    data = {
        "title": "Volunteering in the city",
        "slug": "volunteering-in-the-city",
        "summary": "An online conference on volunteering in cities.",
        "objectives": inline_formset(
            [{"text": "Inspire cities to cooperate."}, {"text": "Map what cities do."}]
        ),
        "body": streamfield([("paragraph", rich_text("<p>Background.</p>"))]),
        "format": "online",
        "starts_at": "2021-05-11 09:00",
        "ends_at": "2021-05-12 16:00",
        "time_zone": "Europe/Ljubljana",
        "venue": "",
        "online_platform": "Zoom",
        "online_url": "",
        "working_languages": "en, SL",
        "application_url": "http://trainings.salto-youth.net/8668",
        "application_deadline": "2021-04-16 23:59",
        "target_audience": "Municipalities and their partners.",
        "delegation_roles": inline_formset(
            [{"role": "Municipality", "note": ""}, {"role": "Business", "note": "CSR"}]
        ),
        "delegation_note": "Each member applies separately.",
        "eligibility_note": "Kosovo*: UN resolution 1244/1999.",
        "partner_logos": inline_formset([]),
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    form = nested_form_data(data)
    form.update({name: value for name, value in many.items() if value})
    return form


def test_editor_creates_a_conference_under_the_index(
    admin_client: Client, index: ConferenceIndexPage, organisers: dict[str, Any]
) -> None:
    contact = PersonFactory(name="Lea Kovič")
    programme_countries = CountryGroupFactory(name="Programme countries", countries=["SI", "SE"])
    data = conference_form(
        main_organiser=organisers["movit"].pk,
        contact=contact.pk,
        initiators=[organisers["ljubljana"].pk, organisers["filantropija"].pk],
        co_organisers=[organisers["mucf"].pk],
        eligible_country_groups=[programme_countries.pk],
        eligible_countries=["AM", "XK"],
    )

    response = admin_client.post(add_url(ConferencePage, index), data)

    assert response.status_code == 302, form_errors(response)
    page = ConferencePage.objects.get(slug="volunteering-in-the-city")
    assert page.live
    assert page.get_parent().specific == index
    assert page.starts_at == datetime.datetime(2021, 5, 11, 7, 0, tzinfo=UTC)  # CEST entered
    assert page.application_deadline == datetime.datetime(2021, 4, 16, 21, 59, tzinfo=UTC)
    assert page.working_languages == "en, sl"
    assert [o.text for o in page.objectives.all()] == [
        "Inspire cities to cooperate.",
        "Map what cities do.",
    ]
    assert [(r.role, r.note) for r in page.delegation_roles.all()] == [
        ("Municipality", ""),
        ("Business", "CSR"),
    ]
    assert page.main_organiser == organisers["movit"]
    assert page.contact == contact
    assert set(page.initiators.all()) == {organisers["ljubljana"], organisers["filantropija"]}
    assert list(page.co_organisers.all()) == [organisers["mucf"]]
    assert list(page.eligible_country_groups.all()) == [programme_countries]
    assert [c.code for c in page.eligible_countries] == ["AM", "XK"]
    assert [c.code for c in page.all_eligible_countries] == ["AM", "SE", "SI", "XK"]
    assert page.body[0].block_type == "paragraph"
    # Inline rows take the page's locale, so translators get them as segments.
    assert {o.locale_id for o in page.objectives.all()} == {page.locale_id}


def test_index_page_is_created_under_the_home_page(admin_client: Client, home: Page) -> None:
    data = nested_form_data(
        {
            "title": "Conferences",
            "slug": "conferences",
            "intro": "Where members meet.",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(add_url(ConferenceIndexPage, home), data)

    assert response.status_code == 302
    assert ConferenceIndexPage.objects.child_of(home).live().count() == 1


def test_conference_is_refused_outside_a_conference_index(
    admin_client: Client,
    home_pages: dict[str, Page],
    index: ConferenceIndexPage,
    organisers: dict[str, Any],
) -> None:
    home = Page.objects.get(pk=home_pages["en"].pk)  # fresh: the index was added after
    data = conference_form(main_organiser=organisers["movit"].pk)

    response = admin_client.post(add_url(ConferencePage, home), data)

    # A disallowed page type is a permission refusal: 403, nothing created.
    assert response.status_code == 403
    assert not ConferencePage.objects.exists()
    assert not ConferencePage.can_create_at(home)
    assert ConferencePage.can_create_at(index)
    assert not ConferenceIndexPage.can_create_at(index)
    # One index per language tree: English has one, Swedish has none yet.
    assert not ConferenceIndexPage.can_create_at(home)
    assert ConferenceIndexPage.can_create_at(home_pages["sv"])


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_at": "2021-05-11 08:00"}, "ends_at", "must end after it starts"),
        (
            {"application_deadline": "2021-05-11 10:00"},
            "application_deadline",
            "cannot be after the conference starts",
        ),
        ({"online_platform": ""}, "online_platform", "needs its platform"),
        ({"format": "on_site"}, "venue", "needs a venue"),
        ({"format": "hybrid", "venue": ""}, "venue", "needs a venue"),
        ({"application_url": "trainings salto"}, "application_url", "Enter a valid URL"),
        ({"online_url": "not a link"}, "online_url", "Enter a valid URL"),
        ({"working_languages": "en, xx"}, "working_languages", "Unknown language code: xx"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Select a valid choice"),
    ],
)
def test_bad_input_is_rejected_on_the_named_field(
    admin_client: Client,
    index: ConferenceIndexPage,
    organisers: dict[str, Any],
    overrides: dict[str, str],
    field: str,
    message: str,
) -> None:
    data = conference_form(main_organiser=organisers["movit"].pk, **overrides)

    response = admin_client.post(add_url(ConferencePage, index), data)

    assert response.status_code == 200
    errors = form_errors(response)
    assert any(message in text for text in errors.get(field, [])), errors
    assert not ConferencePage.objects.exists()


def test_a_conference_needs_a_main_organiser(
    admin_client: Client, index: ConferenceIndexPage
) -> None:
    response = admin_client.post(add_url(ConferencePage, index), conference_form())

    assert response.status_code == 200
    assert "main_organiser" in form_errors(response)
    assert not ConferencePage.objects.exists()


def test_editors_choose_organisations_of_the_page_language_only(
    admin_client: Client, index: ConferenceIndexPage, organisers: dict[str, Any], translate_to
) -> None:
    slovenian = translate_to(organisers["movit"], "sl", {"MOVIT": "Zavod MOVIT"})

    response = admin_client.get(add_url(ConferencePage, index))

    choices = response.context["form"].fields["initiators"].queryset
    assert organisers["movit"] in choices
    assert slovenian not in choices


@pytest.fixture
def conference(index: ConferenceIndexPage, organisers: dict[str, Any]) -> ConferencePage:
    """A published online conference with every relation filled in."""
    page = ConferencePageFactory(
        parent=index,
        title="Volunteering in the city",
        slug="volunteering-in-the-city",
        summary="An online conference on volunteering in cities.",
        main_organiser=organisers["movit"],
        contact=PersonFactory(name="Lea Kovič", slug="lea-kovic"),
        eligible_countries=["RU", "XK"],
        eligibility_note="Kosovo*: UN resolution 1244/1999.",
        application_url="http://trainings.salto-youth.net/8668",
        body=[{"type": "paragraph", "value": "<p>Background of the idea.</p>"}],
    )
    ConferenceObjectiveFactory(page=page, text="Inspire cities to cooperate.", sort_order=0)
    ConferenceObjectiveFactory(page=page, text="Map what cities do.", sort_order=1)
    DelegationRoleFactory(page=page, role="Municipality", sort_order=0)
    ConferencePartnerLogoFactory(page=page, organisation=organisers["ljubljana"])
    page.initiators.set([organisers["ljubljana"], organisers["filantropija"]])
    page.co_organisers.set([organisers["mucf"]])
    page.eligible_country_groups.set(
        [CountryGroupFactory(name="Eastern Partnership", countries=["AM", "UA"])]
    )
    page.save_revision().publish()
    return page


SLOVENIAN = {
    "Conferences": "Konference",
    "Volunteering in the city": "Prostovoljstvo v mestu",
    "An online conference on volunteering in cities.": "Spletna konferenca o prostovoljstvu.",
    "Inspire cities to cooperate.": "Spodbuditi mesta k sodelovanju.",
    "Map what cities do.": "Popisati, kaj delajo mesta.",
    "Municipality": "Občina",
    "Kosovo*: UN resolution 1244/1999.": "Kosovo*: resolucija ZN 1244/1999.",
    "Background of the idea.": "Ozadje zamisli.",
}

CONFERENCE_QUERY = """
query ($locale: String) {
  conference(slug: "volunteering-in-the-city", locale: $locale) {
    title slug summary format startsAt endsAt timeZone workingLanguages applicationUrl
    applicationDeadline applicationsOpen upcoming eligibilityNote
    objectives { text }
    delegationRoles { role }
    mainOrganiser { name slug }
    initiators { name }
    coOrganisers { name }
    contact { name }
    eligibleCountryGroups { name }
    eligibleCountries { code name }
    allEligibleCountries { code }
    partnerLogos { organisation { name } image { id } }
    body { field ... on RichTextBlock { value } }
  }
}
"""


def test_conference_is_translated_to_slovenian_and_published(
    admin_client: Client, conference: ConferencePage, index: ConferenceIndexPage, translate_to
) -> None:
    translate_to(index, "sl", SLOVENIAN)
    slovenian = translate_to(conference, "sl", SLOVENIAN)

    slovenian.refresh_from_db()
    assert slovenian.live
    assert slovenian.locale.language_code == "sl"
    assert slovenian.get_parent().title == "Konference"
    assert slovenian.title == "Prostovoljstvo v mestu"
    assert [o.text for o in slovenian.objectives.all()] == [
        "Spodbuditi mesta k sodelovanju.",
        "Popisati, kaj delajo mesta.",
    ]
    # Dates, links and countries are synchronised, not translated.
    assert slovenian.starts_at == conference.starts_at
    assert slovenian.application_url == conference.application_url
    assert [c.code for c in slovenian.eligible_countries] == ["RU", "XK"]
    # Translators open it in wagtail-localize's editor.
    assert admin_client.get(f"/admin/pages/{slovenian.pk}/edit/").status_code == 200


def test_conference_reads_back_through_graphql_in_both_languages(
    conference: ConferencePage,
    index: ConferenceIndexPage,
    organisers: dict[str, Any],
    translate_to,
    graphql,
) -> None:
    # The organiser snippets are translated too; the page shows them in its language.
    translate_to(organisers["movit"], "sl", {"MOVIT": "Zavod MOVIT"})
    translate_to(organisers["ljubljana"], "sl", {"City of Ljubljana": "Mestna občina Ljubljana"})
    translate_to(index, "sl", SLOVENIAN)
    translate_to(conference, "sl", SLOVENIAN)

    english = graphql(CONFERENCE_QUERY, {"locale": "en"})
    slovene = graphql(CONFERENCE_QUERY, {"locale": "sl"})

    assert "errors" not in english, english
    assert "errors" not in slovene, slovene
    en = english["data"]["conference"]
    sl = slovene["data"]["conference"]
    assert en["title"] == "Volunteering in the city"
    assert sl["title"] == "Prostovoljstvo v mestu"
    assert en["format"] == "online"
    assert en["startsAt"] == "2021-05-11T09:00:00+02:00"
    assert en["applicationDeadline"] == "2021-04-16T23:59:00+02:00"
    assert en["timeZone"] == "Europe/Ljubljana"
    assert en["workingLanguages"] == ["en"]
    assert en["upcoming"] is False
    assert en["applicationsOpen"] is False
    assert [o["text"] for o in sl["objectives"]] == [
        "Spodbuditi mesta k sodelovanju.",
        "Popisati, kaj delajo mesta.",
    ]
    assert sl["delegationRoles"] == [{"role": "Občina"}]
    assert en["mainOrganiser"] == {"name": "MOVIT", "slug": "movit"}
    assert sl["mainOrganiser"] == {"name": "Zavod MOVIT", "slug": "movit"}
    assert sorted(i["name"] for i in sl["initiators"]) == [
        "Mestna občina Ljubljana",
        "Slovenian Philanthropy",  # not translated yet: the source is shown
    ]
    assert sl["coOrganisers"] == [{"name": "MUCF"}]
    assert sl["contact"] == {"name": "Lea Kovič"}
    assert sl["eligibleCountryGroups"] == [{"name": "Eastern Partnership"}]
    assert [c["code"] for c in sl["eligibleCountries"]] == ["RU", "XK"]
    assert [c["code"] for c in en["allEligibleCountries"]] == ["AM", "RU", "UA", "XK"]
    assert sl["partnerLogos"][0]["organisation"] == {"name": "Mestna občina Ljubljana"}
    assert sl["partnerLogos"][0]["image"]["id"]
    assert sl["body"] == [{"field": "paragraph", "value": "<p>Ozadje zamisli.</p>"}]
    assert sl["eligibilityNote"] == "Kosovo*: resolucija ZN 1244/1999."


def test_single_conference_and_index_listing_through_graphql(
    conference: ConferencePage, index: ConferenceIndexPage, graphql
) -> None:
    single = graphql(
        '{ conference(slug: "volunteering-in-the-city") { title mainOrganiser { name } } }'
    )
    listing = graphql(
        '{ page(urlPath: "/conferences/") '
        "{ ... on ConferenceIndexPage { conferences { title } } } }"
    )

    assert "errors" not in single, single
    assert "errors" not in listing, listing
    assert single["data"]["conference"] == {
        "title": "Volunteering in the city",
        "mainOrganiser": {"name": "MOVIT"},
    }
    assert listing["data"]["page"]["conferences"] == [{"title": "Volunteering in the city"}]


def test_filters_by_upcoming_and_eligible_country(
    conference: ConferencePage, index: ConferenceIndexPage, organisers: dict[str, Any], graphql
) -> None:
    soon = datetime.datetime.now(tz=UTC) + datetime.timedelta(days=30)
    ConferencePageFactory(
        parent=index,
        title="Next year",
        format="on_site",
        venue="Koper",
        online_platform="",
        starts_at=soon,
        ends_at=soon + datetime.timedelta(days=1),
        application_deadline=None,
        main_organiser=organisers["movit"],
        eligible_countries=["SE"],
    )

    def titles(arguments: str) -> list[str]:
        arguments = f"({arguments})" if arguments else ""
        body = graphql(f"{{ conferences{arguments} {{ items {{ title }} }} }}")
        assert "errors" not in body, body
        return [item["title"] for item in body["data"]["conferences"]["items"]]

    assert titles("") == ["Volunteering in the city", "Next year"]
    assert titles("order: START_DESC") == ["Next year", "Volunteering in the city"]
    assert titles("upcoming: true") == ["Next year"]
    assert titles("upcoming: false") == ["Volunteering in the city"]
    assert titles('eligibleCountry: "xk"') == ["Volunteering in the city"]  # a single country
    assert titles('eligibleCountry: "UA"') == ["Volunteering in the city"]  # through a group
    assert titles('eligibleCountry: "SE"') == ["Next year"]
    assert titles('eligibleCountry: "FR"') == []

    wrong = graphql('{ conferences(eligibleCountry: "Sweden") { items { title } } }')
    assert "eligibleCountry" in wrong["errors"][0]["message"]


def test_a_list_costs_the_same_number_of_queries_for_more_conferences(
    conference: ConferencePage, index: ConferenceIndexPage, organisers: dict[str, Any], graphql
) -> None:
    query = """{
      conferences(perPage: 4) {
        items {
          title mainOrganiser { name } contact { name }
          objectives(limit: 5) { text }
          initiators(limit: 5) { name }
          coOrganisers(limit: 5) { name }
          eligibleCountryGroups(limit: 5) { name }
          partnerLogos(limit: 5) { organisation { name } }
        }
        pagination { total }
      }
    }"""

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            body = graphql(query)
        assert "errors" not in body, body
        return len(captured)

    one = queries()
    for number in range(3):
        page = ConferencePageFactory(
            parent=index, main_organiser=organisers["movit"], contact=conference.contact
        )
        ConferenceObjectiveFactory(page=page, text=f"Objective {number}")
        ConferencePartnerLogoFactory(page=page, organisation=organisers["mucf"])
        page.initiators.set([organisers["ljubljana"]])
        page.co_organisers.set([organisers["mucf"]])
        page.eligible_country_groups.set(conference.eligible_country_groups.all())
        page.save_revision().publish()

    assert queries() == one


def test_admin_lists_conferences_with_filters(
    admin_client: Client, conference: ConferencePage
) -> None:
    listing = admin_client.get("/admin/conference_pages/")
    past = admin_client.get("/admin/conference_pages/?upcoming=false&format=online")
    coming = admin_client.get("/admin/conference_pages/?upcoming=true")
    editor = admin_client.get(f"/admin/pages/{conference.pk}/edit/")

    assert listing.status_code == past.status_code == coming.status_code == 200
    assert editor.status_code == 200
    edit_link = f"/admin/pages/{conference.pk}/edit/"
    assert edit_link in past.content.decode()
    assert edit_link not in coming.content.decode()


def test_demo_content_loads_once(
    home: Page, locales: dict[str, Locale], django_capture_on_commit_callbacks: Any
) -> None:
    from io import StringIO

    from pages.conferences.demo import load_demo

    with django_capture_on_commit_callbacks(execute=True):
        load_demo(StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(StringIO())

    page = ConferencePage.objects.get(locale=locales["en"])
    assert page.application_url == "http://trainings.salto-youth.net/8668"
    assert page.main_organiser.slug == "movit"
    assert page.initiators.count() == 3
    assert page.co_organisers.count() == 8
    assert [c.code for c in page.eligible_countries] == ["AL", "BA", "ME", "RU", "XK"]
    assert set(page.get_translations().values_list("locale__language_code", flat=True)) == {
        "sl",
        "sv",
    }
    assert ConferencePage.objects.count() == 3
    assert ConferenceIndexPage.objects.count() == 3
    assert ConferenceIndexPage.objects.get(locale=locales["sl"]).title == "Konference"
    slovenian = ConferencePage.objects.get(locale=locales["sl"])
    assert slovenian.title == "Prostovoljstvo in solidarnost kot socialni kapital mesta"
    # A placeholder lead image and programme, marked as such, once.
    assert page.lead_image.title == "Volunteering & Solidarity conference 2021"
    assert page.lead_image_credit == "Placeholder generated for the demo"
    assert slovenian.lead_image_alt.startswith("Naslovna slika")
    attachments = [(a.title, a.kind, a.language) for a in page.attachments.all()]
    assert attachments == [("Conference programme (placeholder)", "other", "en")]
    assert [a.title for a in slovenian.attachments.all()] == [
        "Program konference (nadomestni dokument)"
    ]
    assert page.attachments.get().document.title.startswith("Programme: ")
    # The initiators' logos, placeholders that say so, with alt text in each language.
    logos = [(logo.organisation.slug, logo.image_alt) for logo in page.partner_logos.all()]
    assert logos == [
        ("city-of-ljubljana", "City of Ljubljana logo (placeholder)"),
        ("slovenska-filantropija", "Slovenian Philanthropy logo (placeholder)"),
        ("movit", "MOVIT logo (placeholder)"),
    ]
    assert [logo.image_alt for logo in slovenian.partner_logos.all()][2] == (
        "Logotip MOVIT (nadomestna slika)"
    )
    assert page.partner_logos.first().image.title == "Logo: City of Ljubljana"
