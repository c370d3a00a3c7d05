"""Organisations: the profile editors keep and partner sites show."""

import datetime

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from snippets.organisations.factories import (
    OpeningHoursFactory,
    OrganisationFactory,
    OrganisationSocialLinkFactory,
    QualityLabelFactory,
)
from snippets.organisations.models import (
    OpeningHours,
    Organisation,
    OrganisationSocialLink,
    QualityLabel,
)
from snippets.programmes.factories import ProgrammeFactory
from tests.snippets.base import form_errors, formset_errors, post_add_form, snippet_url

pytestmark = pytest.mark.django_db

WEEKDAYS = {"opens": "09:00", "closes": "22:00", "first_day": "1", "last_day": "5"}
EVENT_NIGHTS = {
    "first_day": "5",
    "last_day": "6",
    "opens": "",
    "closes": "",
    "until_midnight": "on",
    "note": "During events",
}


def organisation_form(**overrides: object) -> dict[str, object]:
    """The add form as an editor fills it in for Center mladih Koper."""
    data: dict[str, object] = {
        "name": "Koper Youth Centre",
        "slug": "center-mladih-koper",
        "kind": "youth_centre",
        "short_description": "Hosts European Solidarity Corps volunteers.",
        "street_address": "Gregorčičeva ulica 4",
        "postal_code": "6000",
        "city": "Koper",
        "country": "SI",
        "website": "",
        "email": "",
        "phone": "",
        "logo": "",
        "social_links": inline_formset(
            [{"network": "instagram", "url": "https://www.instagram.com/centermladihkoper/"}]
        ),
        "opening_hours": inline_formset([WEEKDAYS, EVENT_NIGHTS]),
        "quality_labels": inline_formset(
            [
                {
                    "name": "European Solidarity Corps Quality Label",
                    "programme": "",
                    "year_granted": "2017",
                    "year_renewed": "2021",
                }
            ]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def koper(locales) -> Organisation:
    """Center mladih Koper with its hours and its quality label, in English."""
    esc = ProgrammeFactory(name="European Solidarity Corps", acronym="ESC")
    organisation = OrganisationFactory(
        name="Koper Youth Centre",
        slug="center-mladih-koper",
        kind=Organisation.Kind.YOUTH_CENTRE,
        short_description="Hosts volunteers.",
        street_address="Gregorčičeva ulica 4",
        postal_code="6000",
        city="Koper",
    )
    OpeningHoursFactory(
        organisation=organisation, opens=datetime.time(9), closes=datetime.time(22), sort_order=0
    )
    OpeningHoursFactory(
        organisation=organisation,
        first_day=OpeningHours.Weekday.FRIDAY,
        last_day=OpeningHours.Weekday.SATURDAY,
        opens=None,
        closes=None,
        until_midnight=True,
        note="During events",
        sort_order=1,
    )
    QualityLabelFactory(
        organisation=organisation, programme=esc, year_granted=2017, year_renewed=2021
    )
    OrganisationSocialLinkFactory(organisation=organisation, network="youtube")
    return organisation


KOPER_SLOVENIAN = {
    "Koper Youth Centre": "Center mladih Koper",
    "Hosts volunteers.": "Gosti prostovoljce.",
    "During events": "V primeru prireditev",
    "European Solidarity Corps Quality Label": "Znak kakovosti Evropske solidarnostne enote",
}


# --- Admin -----------------------------------------------------------------------------------


def test_editor_adds_an_organisation_with_hours_label_and_social_link(
    admin_client, locales
) -> None:
    response = post_add_form(admin_client, Organisation, organisation_form())

    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert (organisation.street_address, organisation.postal_code, organisation.city) == (
        "Gregorčičeva ulica 4",
        "6000",
        "Koper",
    )
    assert organisation.country.code == "SI"
    assert [str(hours) for hours in organisation.opening_hours.all()] == [
        "Mon–Fri 09:00–22:00",
        "During events: Fri–Sat until 24:00",
    ]
    assert [str(label) for label in organisation.quality_labels.all()] == [
        "European Solidarity Corps Quality Label (2017, renewed 2021)"
    ]
    assert organisation.social_links.get().network == "instagram"
    # Translatable rows take the organisation's language.
    assert {hours.locale for hours in organisation.opening_hours.all()} == {locales["en"]}


@pytest.mark.parametrize(
    ("renewed", "granted", "field", "message"),
    [
        ("2015", "2017", "year_renewed", "cannot be renewed before it was granted (2017)"),
        ("", "1950", "year_granted", "Enter a year between 1988 and"),
        ("2999", "2017", "year_renewed", "Enter a year between 1988 and"),
    ],
)
def test_impossible_label_years_are_refused_on_the_year_field(
    admin_client, locales, renewed, granted, field, message
) -> None:
    label = {"name": "ESC Quality Label", "year_granted": granted, "year_renewed": renewed}

    response = post_add_form(
        admin_client, Organisation, organisation_form(quality_labels=inline_formset([label]))
    )

    [errors] = formset_errors(response, "quality_labels")
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert not Organisation.objects.exists()
    assert not QualityLabel.objects.exists()


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ({**WEEKDAYS, "closes": "08:00"}, "closes", "must be after the opening time"),
        ({**WEEKDAYS, "closes": ""}, "closes", "Enter a closing time, or tick"),
        ({**EVENT_NIGHTS, "closes": "23:00"}, "closes", "Leave the closing time empty"),
        ({**WEEKDAYS, "first_day": "6", "last_day": "2"}, "last_day", "the week starts on Monday"),
    ],
)
def test_impossible_opening_hours_are_refused_on_the_right_field(
    admin_client, locales, row, field, message
) -> None:
    response = post_add_form(
        admin_client, Organisation, organisation_form(opening_hours=inline_formset([row]))
    )

    [errors] = formset_errors(response, "opening_hours")
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert not Organisation.objects.exists()
    assert not OpeningHours.objects.exists()


def test_a_profile_address_of_another_network_is_refused_on_the_url(admin_client, locales) -> None:
    link = {"network": "instagram", "url": "https://www.facebook.com/centermladihkoper"}

    response = post_add_form(
        admin_client, Organisation, organisation_form(social_links=inline_formset([link]))
    )

    [errors] = formset_errors(response, "social_links")
    assert list(errors) == ["url"]
    assert "This address is not on Instagram" in errors["url"][0]
    assert not OrganisationSocialLink.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "call us maybe"),
        ("website", "ftp://files.mladi-koper.si/"),
        ("email", "info at koper"),
        ("kind", "club"),
        ("country", "YU"),
    ],
)
def test_bad_contact_details_are_refused_on_their_field(
    admin_client, locales, field, value
) -> None:
    response = post_add_form(admin_client, Organisation, organisation_form(**{field: value}))

    assert list(form_errors(response)) == [field]
    assert not Organisation.objects.exists()


def test_a_slug_taken_in_the_same_language_is_refused(admin_client, koper) -> None:
    response = post_add_form(admin_client, Organisation, organisation_form(name="Another centre"))

    assert list(form_errors(response)) == ["slug"]
    assert Organisation.objects.count() == 1


def test_editor_filters_the_listing_by_kind_and_country(admin_client, koper) -> None:
    OrganisationFactory(name="City of Ljubljana", kind=Organisation.Kind.MUNICIPALITY)
    OrganisationFactory(name="JUGEND für Europa", kind="national_agency", country="DE")
    url = snippet_url(Organisation, "list")

    youth_centres = admin_client.get(url, {"kind": "youth_centre"}).context["object_list"]
    german = admin_client.get(url, {"country": "DE"}).context["object_list"]
    found = admin_client.get(url, {"q": "koper"}).context["object_list"]

    assert [organisation.name for organisation in youth_centres] == ["Koper Youth Centre"]
    assert [organisation.name for organisation in german] == ["JUGEND für Europa"]
    assert [organisation.name for organisation in found] == ["Koper Youth Centre"]


# --- Translation and GraphQL -----------------------------------------------------------------

PROFILE_QUERY = """{ organisation(slug: "center-mladih-koper", locale: "%s") {
    name kind kindLabel streetAddress city country { code name }
    openingHours { firstDay lastDay opens closes untilMidnight note }
    qualityLabels { name yearGranted yearRenewed programme { name acronym } }
    socialLinks { network url }
} }"""


def test_slovenian_translation_carries_hours_labels_and_links(koper, translate_to) -> None:
    translate_to(koper.quality_labels.get().programme, "sl", {"ESC": "ESE"})

    slovenian = translate_to(koper, "sl", KOPER_SLOVENIAN)

    assert slovenian.name == "Center mladih Koper"
    assert slovenian.street_address == "Gregorčičeva ulica 4"
    assert [str(hours) for hours in slovenian.opening_hours.all()] == [
        "Mon–Fri 09:00–22:00",
        "V primeru prireditev: Fri–Sat until 24:00",
    ]
    label = slovenian.quality_labels.get()
    assert label.name == "Znak kakovosti Evropske solidarnostne enote"
    assert label.programme.acronym == "ESE"
    assert label.programme.locale == slovenian.locale
    assert slovenian.social_links.get().network == "youtube"


def test_partner_sites_read_the_profile_in_both_languages(koper, graphql, translate_to) -> None:
    translate_to(koper.quality_labels.get().programme, "sl", {"ESC": "ESE"})
    translate_to(koper, "sl", KOPER_SLOVENIAN)

    english = graphql(PROFILE_QUERY % "en")["data"]["organisation"]
    slovenian = graphql(PROFILE_QUERY % "sl")["data"]["organisation"]

    assert english["name"] == "Koper Youth Centre"
    assert english["kindLabel"] == "Youth centre"
    assert english["country"] == {"code": "SI", "name": "Slovenia"}
    assert english["qualityLabels"] == [
        {
            "name": "European Solidarity Corps Quality Label",
            "yearGranted": 2017,
            "yearRenewed": 2021,
            "programme": {"name": "European Solidarity Corps", "acronym": "ESC"},
        }
    ]
    assert slovenian["name"] == "Center mladih Koper"
    assert slovenian["kind"] == "youth_centre"
    assert slovenian["openingHours"] == [
        {
            "firstDay": 1,
            "lastDay": 5,
            "opens": "09:00",
            "closes": "22:00",
            "untilMidnight": False,
            "note": "",
        },
        {
            "firstDay": 5,
            "lastDay": 6,
            "opens": None,
            "closes": "24:00",
            "untilMidnight": True,
            "note": "V primeru prireditev",
        },
    ]
    assert slovenian["qualityLabels"][0]["programme"]["acronym"] == "ESE"
    assert slovenian["socialLinks"] == english["socialLinks"]


def test_an_organisation_without_a_country_has_none_in_graphql(graphql, locales) -> None:
    OrganisationFactory(name="SERN", country="")

    body = graphql('{ organisation(slug: "sern") { name country { code } } }')

    assert body["data"]["organisation"] == {"name": "SERN", "country": None}


def test_partner_sites_filter_organisations_by_kind_and_country(graphql, koper) -> None:
    OrganisationFactory(name="JUGEND für Europa", kind="national_agency", country="DE")
    OrganisationFactory(name="MOVIT", kind="national_agency", country="SI")

    agencies = graphql('{ organisations(kind: "national_agency") { items { name } } }')
    slovenian_agencies = graphql(
        '{ organisations(kind: "national_agency", country: "si") { items { name } } }'
    )
    unknown = graphql('{ organisations(kind: "club") { items { name } } }')

    assert agencies["data"]["organisations"]["items"] == [
        {"name": "JUGEND für Europa"},
        {"name": "MOVIT"},
    ]
    assert slovenian_agencies["data"]["organisations"]["items"] == [{"name": "MOVIT"}]
    assert "Argument 'kind'" in unknown["errors"][0]["message"]
    assert "national_agency" in unknown["errors"][0]["message"]


def test_partner_sites_search_organisations_by_name_and_city(graphql, koper) -> None:
    OrganisationFactory(name="City of Ljubljana", city="Ljubljana", kind="municipality")
    OrganisationFactory(name="Slovenian Philanthropy", city="Ljubljana")

    by_city = graphql('{ organisations(search: "ljubljana") { items { name } } }')
    by_name = graphql('{ organisations(search: "koper") { items { name } } }')

    assert by_city["data"]["organisations"]["items"] == [
        {"name": "City of Ljubljana"},
        {"name": "Slovenian Philanthropy"},
    ]
    assert by_name["data"]["organisations"]["items"] == [{"name": "Koper Youth Centre"}]


def test_the_listing_costs_the_same_queries_however_many_organisations(
    graphql, locales, django_assert_max_num_queries
) -> None:
    def add_organisations(count: int) -> None:
        for _ in range(count):
            organisation = OrganisationFactory()
            OpeningHoursFactory(organisation=organisation)
            QualityLabelFactory(organisation=organisation)
            OrganisationSocialLinkFactory(organisation=organisation)

    query = """{ organisations(perPage: 5) { items {
        name openingHours { opens } qualityLabels { name } socialLinks { url } } } }"""
    add_organisations(2)
    with django_assert_max_num_queries(100) as few:
        assert len(graphql(query)["data"]["organisations"]["items"]) == 2
    add_organisations(3)
    with django_assert_max_num_queries(100) as many:
        assert len(graphql(query)["data"]["organisations"]["items"]) == 5

    assert len(many.captured_queries) == len(few.captured_queries)


def test_editor_sees_the_profile_in_tabs_and_can_edit_it(admin_client, koper) -> None:
    add = admin_client.get(snippet_url(Organisation, "add"), {"locale": "en"})
    edit = admin_client.get(snippet_url(Organisation, "edit", koper.pk))

    assert add.status_code == 200
    assert [tab.heading for tab in edit.context["panel"].children] == [
        "Organisation",
        "Contact",
        "Opening hours",
        "Quality labels",
    ]
    page = edit.content.decode()
    assert "Gregorčičeva ulica 4" in page
    assert "During events" in page
