"""Country groups: which countries a call or event is open to."""

import pytest

from snippets.countries.factories import CountryGroupFactory
from snippets.countries.models import CountryGroup
from snippets.countries.selectors import country_groups_containing
from tests.snippets.base import form_errors, post_add_form, snippet_url

pytestmark = pytest.mark.django_db

WESTERN_BALKANS = ["AL", "BA", "ME", "MK", "RS", "XK"]
EASTERN_PARTNERSHIP = ["AM", "AZ", "BY", "GE", "MD", "UA"]


def test_editor_adds_a_group_with_kosovo_among_its_countries(admin_client, locales) -> None:
    response = post_add_form(
        admin_client,
        CountryGroup,
        {"name": "Western Balkans", "slug": "", "description": "", "countries": WESTERN_BALKANS},
    )

    assert response.status_code == 302
    group = CountryGroup.objects.get()
    assert group.slug == "western-balkans"
    assert group.country_codes() == WESTERN_BALKANS


def test_an_unknown_country_code_is_refused_on_the_countries_field(admin_client, locales) -> None:
    response = post_add_form(
        admin_client, CountryGroup, {"name": "Nowhere", "slug": "", "countries": ["AL", "ZZ"]}
    )

    assert list(form_errors(response)) == ["countries"]
    assert not CountryGroup.objects.exists()


def test_groups_containing_a_country_match_whole_codes_in_any_case(locales) -> None:
    balkans = CountryGroupFactory(name="Western Balkans", countries=WESTERN_BALKANS)
    eastern = CountryGroupFactory(name="Eastern Partnership", countries=EASTERN_PARTNERSHIP)
    CountryGroupFactory(name="Empty", countries=[])

    assert list(country_groups_containing("xk")) == [balkans]
    assert list(country_groups_containing(" AM ")) == [eastern]
    # "L,B" and "S,X" appear in the stored text of the Balkans but are no country codes.
    assert not country_groups_containing("SI").exists()
    assert not country_groups_containing("Montenegro").exists()


def test_groups_containing_a_country_can_be_limited_to_one_language(translate_to) -> None:
    balkans = CountryGroupFactory(name="Western Balkans", countries=WESTERN_BALKANS)
    slovenian = translate_to(balkans, "sl", {"Western Balkans": "Zahodni Balkan"})

    assert set(country_groups_containing("RS")) == {balkans, slovenian}
    assert list(country_groups_containing("RS", locale=slovenian.locale)) == [slovenian]


def test_editor_filters_the_listing_by_a_member_country(admin_client, locales) -> None:
    CountryGroupFactory(name="Western Balkans", countries=WESTERN_BALKANS)
    CountryGroupFactory(name="Eastern Partnership", countries=EASTERN_PARTNERSHIP)

    response = admin_client.get(snippet_url(CountryGroup, "list"), {"member": "GE"})

    assert [group.name for group in response.context["object_list"]] == ["Eastern Partnership"]


def test_partner_sites_read_groups_with_country_names_in_both_languages(
    graphql, translate_to
) -> None:
    balkans = CountryGroupFactory(
        name="Western Balkans", description="Not yet in the EU.", countries=WESTERN_BALKANS
    )
    translate_to(
        balkans,
        "sl",
        {"Western Balkans": "Zahodni Balkan", "Not yet in the EU.": "Še niso v EU."},
    )
    query = """{ countryGroups(locale: "%s", perPage: 5) {
        items { name description countryCount countries { code name } } } }"""

    english = graphql(query % "en")["data"]["countryGroups"]["items"]
    slovenian = graphql(query % "sl")["data"]["countryGroups"]["items"]

    assert [(group["name"], group["description"]) for group in english] == [
        ("Western Balkans", "Not yet in the EU.")
    ]
    assert [(group["name"], group["description"]) for group in slovenian] == [
        ("Zahodni Balkan", "Še niso v EU.")
    ]
    countries = {country["code"]: country["name"] for country in slovenian[0]["countries"]}
    assert list(countries) == WESTERN_BALKANS
    assert countries["XK"] == "Kosovo*"
    assert slovenian[0]["countryCount"] == 6


def test_partner_sites_ask_for_the_groups_a_country_belongs_to(graphql, locales) -> None:
    CountryGroupFactory(name="Western Balkans", countries=WESTERN_BALKANS)
    CountryGroupFactory(name="Eastern Partnership", countries=EASTERN_PARTNERSHIP)

    body = graphql('{ countryGroups(country: "ua") { items { name } } }')

    assert body["data"]["countryGroups"]["items"] == [{"name": "Eastern Partnership"}]
