"""The snippet demo content: loaded in dependency order, idempotent, translated as written."""

import io
from collections.abc import Iterator

import pytest

from django.apps import apps
from django.test import override_settings

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from snippets.categories.demo import CATEGORIES
from snippets.countries.demo import COUNTRY_GROUPS
from snippets.organisations.demo import ORGANISATIONS
from snippets.people.demo import PEOPLE, PHOTO_ALT_TRANSLATIONS, PHOTOS
from snippets.programmes.demo import PROGRAMMES
from tests.shared import shared_data

# Every test reads the one demo load of the module fixture: keep them on one worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("snippet_demo")]

LABELS = ["countries", "categories", "programmes", "organisations", "people"]
MODELS = [
    "categories.Category",
    "countries.CountryGroup",
    "programmes.Programme",
    "programmes.ProgrammeAction",
    "organisations.Organisation",
    "organisations.OpeningHours",
    "organisations.QualityLabel",
    "people.Person",
]


def load_snippet_demo(django_capture_on_commit_callbacks) -> None:
    plugins = sorted(
        (apps.get_app_config(label) for label in LABELS), key=lambda p: (p.demo_order, p.label)
    )
    with django_capture_on_commit_callbacks(execute=True):
        for plugin in plugins:
            plugin.load_demo(io.StringIO())


def counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in MODELS}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, shared_media_root) -> Iterator[None]:
    """The snippet demo, loaded once for this module's tests (each in its own savepoint)."""
    plugins = sorted(
        (apps.get_app_config(label) for label in LABELS), key=lambda p: (p.demo_order, p.label)
    )

    def load() -> None:
        with override_settings(MEDIA_ROOT=shared_media_root):
            for plugin in plugins:
                plugin.load_demo(io.StringIO())

    with shared_data(django_db_blocker, load):
        yield


def test_loading_the_demo_twice_creates_nothing_new(demo, django_capture_on_commit_callbacks):
    first = counts()

    load_snippet_demo(django_capture_on_commit_callbacks)

    assert counts() == first
    # Every object exists in English, Slovenian and Swedish.
    assert first["organisations.Organisation"] == 3 * len(ORGANISATIONS)
    assert first["people.Person"] == 3 * len(PEOPLE)
    assert first["categories.Category"] == 3 * len(CATEGORIES)
    assert first["countries.CountryGroup"] == 3 * len(COUNTRY_GROUPS)
    assert first["programmes.Programme"] == 3 * len(PROGRAMMES)


def _demo_translations() -> Iterator[tuple[str, str, dict[str, str]]]:
    for slug, (*_fields, translations) in CATEGORIES.items():
        for language, texts in translations.items():
            yield f"categories.Category:{slug}", language, texts
    for slug, (*_fields, translations) in COUNTRY_GROUPS.items():
        for language, texts in translations.items():
            yield f"countries.CountryGroup:{slug}", language, texts
    for programme in PROGRAMMES:
        for language, texts in programme.translations.items():
            yield f"programmes.Programme:{programme.slug}", language, texts
    for organisation in ORGANISATIONS:
        for language, texts in organisation.translations.items():
            yield f"organisations.Organisation:{organisation.slug}", language, texts
    for slug, (*_fields, translations) in PEOPLE.items():
        for language, texts in translations.items():
            yield f"people.Person:{slug}", language, texts
    for slug in PHOTOS:
        for language, texts in PHOTO_ALT_TRANSLATIONS.items():
            yield f"people.Person:{slug}", language, texts


def test_every_demo_translation_matches_a_source_text(demo) -> None:
    """A typo in a demo text would silently leave that text untranslated."""
    english = Locale.objects.get(language_code="en")
    unmatched = []
    for key, language, texts in _demo_translations():
        label, slug = key.split(":")
        instance = apps.get_model(label).objects.get(slug=slug, locale=english)
        source = TranslationSource.objects.get(object_id=instance.translation_key)
        strings = set(
            StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
        )
        unmatched += [(key, language, text) for text in texts if text not in strings]

    assert unmatched == []


def test_koper_youth_centre_is_fully_translated_to_slovenian(demo) -> None:
    organisation_model = apps.get_model("organisations.Organisation")
    koper = organisation_model.objects.get(slug="center-mladih-koper", locale__language_code="sl")

    assert koper.name == "Center mladih Koper"
    assert koper.short_description.startswith("Mladinski center v Kopru")
    assert (koper.street_address, koper.postal_code, koper.city) == (
        "Gregorčičeva ulica 4",
        "6000",
        "Koper",
    )
    assert [str(hours) for hours in koper.opening_hours.all()] == [
        "Mon–Fri 09:00–22:00",
        "V primeru prireditev: Fri–Sat until 24:00",
    ]
    label = koper.quality_labels.get()
    assert (label.name, label.year_granted, label.year_renewed) == (
        "Znak kakovosti Evropske solidarnostne enote",
        2017,
        2021,
    )
    assert label.programme.acronym == "ESE"


def test_people_point_to_their_organisation_in_each_language(demo) -> None:
    person_model = apps.get_model("people.Person")
    for language, organisation_name in [
        ("en", "MOVIT – Slovenian National Agency"),
        ("sl", "Zavod MOVIT – nacionalna agencija"),
        ("sv", "MOVIT – Sloveniens nationella kontor"),
    ]:
        lea = person_model.objects.get(slug="lea-kovic", locale__language_code=language)
        assert lea.email == "lea.kovic@movit.si"
        assert lea.organisation.name == organisation_name


def test_laura_avanzi_has_a_placeholder_photo_with_alt_text_in_each_language(demo) -> None:
    person_model = apps.get_model("people.Person")
    for language, alt in [
        ("en", "Placeholder portrait of Laura Avanzi"),
        ("sl", "Nadomestni portret Laure Avanzi"),
        ("sv", "Platshållarporträtt av Laura Avanzi"),
    ]:
        laura = person_model.objects.get(slug="laura-avanzi", locale__language_code=language)
        assert laura.photo.title == "Portrait: Laura Avanzi"
        assert laura.photo_alt == alt


def test_partner_sites_find_the_demo_groups_a_country_belongs_to(demo, graphql) -> None:
    body = graphql('{ countryGroups(country: "XK", locale: "sl") { items { slug name } } }')

    assert body["data"]["countryGroups"]["items"] == [
        {"slug": "western-balkans", "name": "Zahodni Balkan"}
    ]
