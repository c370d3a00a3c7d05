"""Demo contact people, in English with Slovenian and Swedish translations of their roles."""

from typing import Any

from django.apps import apps

from wagtail.models import Locale

from cms.demo import demo_image
from cms.translation import translate
from snippets.people.factories import PersonFactory
from snippets.people.models import Person

#: slug -> name, role, organisation slug, email, {language: {English text: translation}}.
PEOPLE: dict[str, tuple[str, str, str, str, dict[str, dict[str, str]]]] = {
    "lea-kovic": (
        "Lea Kovič",
        "Contact person",
        "movit",
        "lea.kovic@movit.si",
        {"sl": {"Contact person": "Kontaktna oseba"}, "sv": {"Contact person": "Kontaktperson"}},
    ),
    "laura-avanzi": (
        "Laura Avanzi",
        "Project coordinator",
        "sern",
        "",
        {
            "sl": {"Project coordinator": "Koordinatorka projektov"},
            "sv": {"Project coordinator": "Projektsamordnare"},
        },
    ),
    "urban-krevl": (
        "Urban Krevl",
        "Head of projects",
        "mreza-mama",
        "",
        {"sl": {"Head of projects": "Vodja projektov"}, "sv": {"Head of projects": "Projektchef"}},
    ),
    "katarina-gorenc": (
        "Katarina Gorenc",
        "Head of the Youth Office",
        "urad-za-mladino-mol",
        "",
        {
            "sl": {"Head of the Youth Office": "Vodja Urada za mladino"},
            "sv": {"Head of the Youth Office": "Chef för ungdomsbyrån"},
        },
    ),
    "marko-taljan": (
        "Marko Taljan",
        "Assistant director",
        "mladi-zmaji",
        "",
        {
            "sl": {"Assistant director": "Pomočnik direktorice"},
            "sv": {"Assistant director": "Biträdande direktör"},
        },
    ),
}


#: The SHELTER seed names its coordinator but shows no photo: hers is a placeholder that says so.
PHOTO_ALT = "Placeholder portrait of Laura Avanzi"
PHOTOS = {"laura-avanzi": ("Portrait: Laura Avanzi", PHOTO_ALT)}
PHOTO_ALT_TRANSLATIONS = {
    "sl": {PHOTO_ALT: "Nadomestni portret Laure Avanzi"},
    "sv": {PHOTO_ALT: "Platshållarporträtt av Laura Avanzi"},
}


def load_demo(stdout: Any) -> None:
    """Create the demo people once; a second run only refreshes their translations.

    Organisations load first (``demo_order``), so each translated person points to the
    organisation's translation in the same language.
    """
    english = Person.objects.filter(locale=Locale.get_default())
    before = english.count()
    organisation_model = apps.get_model("organisations.Organisation")
    default = Locale.get_default()
    for slug, (name, role, organisation_slug, email, translations) in PEOPLE.items():
        person = PersonFactory(
            slug=slug,
            name=name,
            role=role,
            email=email,
            organisation=organisation_model.objects.filter(
                slug=organisation_slug, locale=default
            ).first(),
        )
        if slug in PHOTOS and person.photo_id is None:
            title, alt = PHOTOS[slug]
            person.photo, person.photo_alt = demo_image(title, "#6d597a"), alt
            person.save(update_fields=["photo", "photo_alt"])
        for language, texts in translations.items():
            translate(person, language, {**texts, **PHOTO_ALT_TRANSLATIONS.get(language, {})})
    stdout.write(
        f"People: {english.count() - before} created ({len(PEOPLE)} in the demo), "
        "in English, Slovenian and Swedish."
    )
