"""Demo conference index and the 2021 online conference on volunteering in cities.

Facts (title, format, language, deadline, form, organisers, eligible countries, contact) come
from the seed announcement; the wording is written for the demo. The announcement gives no
conference dates, so the demo uses 11–12 May 2021, after the 16 April deadline.
"""

import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import models

from wagtail.models import Locale, Page

from cms.demo import demo_document, demo_image, english_home, translate_if_missing
from pages.conferences.factories import (
    ConferenceAttachmentFactory,
    ConferenceIndexPageFactory,
    ConferenceObjectiveFactory,
    ConferencePageFactory,
    ConferencePartnerLogoFactory,
    DelegationRoleFactory,
)
from pages.conferences.models import ConferenceIndexPage, ConferencePage

LJUBLJANA = ZoneInfo("Europe/Ljubljana")
CONFERENCE_SLUG = "volunteering-and-solidarity-in-the-city"

INDEX_INTRO = "Conferences where cities and organisations meet to learn from each other."
INDEX_TRANSLATIONS = {
    "sl": {
        "Conferences": "Konference",
        INDEX_INTRO: "Konference, na katerih se mesta in organizacije srečujejo in učijo druga "
        "od druge.",
    },
    "sv": {
        "Conferences": "Konferenser",
        INDEX_INTRO: "Konferenser där städer och organisationer möts och lär av varandra.",
    },
}

TITLE = "Volunteering & Solidarity as a social capital of the city"
SUMMARY = (
    "An international online conference for municipalities and the organisations they work "
    "with, on what volunteering and solidarity projects add to city life, socially and "
    "economically."
)
PLATFORM = "Video conference; the link goes to selected participants"
OBJECTIVES = [
    "Encourage cities to work across sectors in support of solidarity and social cohesion.",
    "Give room to present cross-sector projects that strengthen solidarity, and to learn "
    "from them.",
    "Map the ways in which cities back volunteering and solidarity activities.",
    "Introduce every action of the European Solidarity Corps and the support it offers "
    "organisations.",
    "Help participants build partnerships and networks for future projects.",
]
AUDIENCE = (
    "Municipalities and towns, local volunteering organisations and businesses active in "
    "corporate social responsibility."
)
ROLES = [
    ("A representative of the municipality", ""),
    ("A representative of a local volunteering organisation", ""),
    ("A representative of a business", "one involved in corporate social responsibility"),
]
DELEGATION_NOTE = (
    "Cities are invited to send a delegation of three. Every member fills in the application "
    "form; a representative of one of these organisations may also apply alone."
)
KOSOVO_NOTE = (
    "Kosovo*: this designation is without prejudice to positions on status and is in line "
    "with UN Security Council resolution 1244/1999."
)
BACKGROUND = (
    "The City of Ljubljana and Slovenska filantropija, a leading Slovenian volunteering "
    "organisation, proposed the conference; the Slovenian National Agency and the European "
    "Solidarity Corps Resource Centre helped shape it."
)
WHY = (
    "Every city finds its own way of bringing residents together around shared needs, often "
    "with partners from the public, civil and business sectors. The conference looks at what "
    "already works and invites participants to build on it."
)
WHY_HEADING = "Why this conference"
#: The seed has no photo nor programme: the demo makes placeholders that say so on their face.
LEAD_IMAGE_TITLE = "Volunteering & Solidarity conference 2021"
LEAD_IMAGE_ALT = "Title card of the online conference on volunteering and solidarity in cities"
LEAD_IMAGE_CREDIT = "Placeholder generated for the demo"
PROGRAMME_TITLE = "Conference programme (placeholder)"
#: The initiators' logos in the partner strip: the seed shows none, so each is a placeholder
#: with the organisation's name on it (slug -> alt text).
PARTNER_LOGOS = {
    "city-of-ljubljana": "City of Ljubljana logo (placeholder)",
    "slovenska-filantropija": "Slovenian Philanthropy logo (placeholder)",
    "movit": "MOVIT logo (placeholder)",
}

SLOVENIAN = {
    PARTNER_LOGOS["city-of-ljubljana"]: "Logotip Mestne občine Ljubljana (nadomestna slika)",
    PARTNER_LOGOS["slovenska-filantropija"]: "Logotip Slovenske filantropije (nadomestna slika)",
    PARTNER_LOGOS["movit"]: "Logotip MOVIT (nadomestna slika)",
    TITLE: "Prostovoljstvo in solidarnost kot socialni kapital mesta",
    SUMMARY: "Mednarodna spletna konferenca za občine in organizacije, s katerimi sodelujejo, o "
    "tem, kaj prostovoljski in solidarnostni projekti prinašajo mestnemu življenju, družbeno in "
    "gospodarsko.",
    PLATFORM: "Videokonferenca; povezavo prejmejo izbrani udeleženci",
    OBJECTIVES[0]: "Spodbuditi mesta k medsektorskemu sodelovanju v podporo solidarnosti in "
    "socialni koheziji.",
    OBJECTIVES[1]: "Ponuditi prostor za predstavitev medsektorskih projektov, ki krepijo "
    "solidarnost, in za učenje iz njih.",
    OBJECTIVES[2]: "Popisati načine, na katere mesta podpirajo prostovoljske in solidarnostne "
    "aktivnosti.",
    OBJECTIVES[3]: "Predstaviti vse aktivnosti Evropske solidarnostne enote in podporo, ki jo "
    "nudi organizacijam.",
    OBJECTIVES[4]: "Pomagati udeležencem pri sklepanju partnerstev in mreženju za prihodnje "
    "projekte.",
    AUDIENCE: "Občine in mesta, lokalne prostovoljske organizacije in podjetja, dejavna na "
    "področju družbene odgovornosti.",
    ROLES[0][0]: "Predstavnik občine",
    ROLES[1][0]: "Predstavnik lokalne prostovoljske organizacije",
    ROLES[2][0]: "Predstavnik podjetja",
    ROLES[2][1]: "ki deluje na področju družbene odgovornosti",
    DELEGATION_NOTE: "Mesta vabimo, da pošljejo tričlansko delegacijo. Vsak član izpolni "
    "prijavnico; prijavi se lahko tudi posamezen predstavnik ene od teh organizacij.",
    KOSOVO_NOTE: "Kosovo*: to poimenovanje ne posega v stališča o statusu ter je v skladu z "
    "resolucijo Varnostnega sveta ZN 1244/1999.",
    WHY_HEADING: "Zakaj ta konferenca",
    LEAD_IMAGE_ALT: "Naslovna slika spletne konference o prostovoljstvu in solidarnosti v mestih",
    PROGRAMME_TITLE: "Program konference (nadomestni dokument)",
    BACKGROUND: "Konferenco sta predlagali Mestna občina Ljubljana in Slovenska filantropija, "
    "vodilna slovenska prostovoljska organizacija; pri njeni zasnovi sta pomagala slovenska "
    "nacionalna agencija in Center virov Evropske solidarnostne enote.",
    WHY: "Vsako mesto najde svojo pot, kako prebivalce povezati okoli skupnih potreb, pogosto s "
    "partnerji iz javnega, nevladnega in gospodarskega sektorja. Konferenca pregleda, kar že "
    "deluje, in udeležence spodbudi, da na tem gradijo.",
}
SWEDISH = {
    PARTNER_LOGOS["city-of-ljubljana"]: "Ljubljana stads logotyp (platshållare)",
    PARTNER_LOGOS["slovenska-filantropija"]: "Slovenska filantropijas logotyp (platshållare)",
    PARTNER_LOGOS["movit"]: "MOVIT:s logotyp (platshållare)",
    TITLE: "Volontärarbete och solidaritet som stadens sociala kapital",
    SUMMARY: "En internationell onlinekonferens för kommuner och de organisationer de samarbetar "
    "med, om vad volontär- och solidaritetsprojekt tillför stadslivet, socialt och ekonomiskt.",
    PLATFORM: "Videokonferens; länken skickas till utvalda deltagare",
    OBJECTIVES[0]: "Uppmuntra städer att samarbeta över sektorsgränser för solidaritet och "
    "social sammanhållning.",
    OBJECTIVES[1]: "Ge utrymme att visa sektorsövergripande projekt som stärker solidariteten, "
    "och att lära av dem.",
    OBJECTIVES[2]: "Kartlägga hur städer stödjer volontär- och solidaritetsverksamhet.",
    OBJECTIVES[3]: "Presentera alla insatser inom Europeiska solidaritetskåren och det stöd den "
    "ger organisationer.",
    OBJECTIVES[4]: "Hjälpa deltagarna att bygga partnerskap och nätverk för framtida projekt.",
    AUDIENCE: "Kommuner och städer, lokala volontärorganisationer och företag som arbetar med "
    "samhällsansvar.",
    ROLES[0][0]: "En företrädare för kommunen",
    ROLES[1][0]: "En företrädare för en lokal volontärorganisation",
    ROLES[2][0]: "En företrädare för ett företag",
    ROLES[2][1]: "som arbetar med samhällsansvar",
    WHY_HEADING: "Varför denna konferens",
    LEAD_IMAGE_ALT: "Titelbild för onlinekonferensen om volontärarbete och solidaritet i städer",
    PROGRAMME_TITLE: "Konferensprogram (platshållare)",
}

ORGANISATION_NAMES = {
    "movit": ("MOVIT – Slovenian National Agency", "national_agency"),
    "city-of-ljubljana": ("City of Ljubljana", "municipality"),
    "slovenska-filantropija": ("Slovenian Philanthropy", "ngo"),
    "jugend-fur-europa": ("JUGEND für Europa – German National Agency", "national_agency"),
    "mucf": ("Swedish Agency for Youth and Civil Society (MUCF)", "national_agency"),
    "agence-erasmus-jeunesse-sport": ("Erasmus+ France Youth & Sport Agency", "national_agency"),
    "tempus-public-foundation": (
        "Tempus Public Foundation – Hungarian National Agency",
        "national_agency",
    ),
    "edufi": ("Finnish National Agency for Education (EDUFI)", "national_agency"),
    "injuve": ("Spanish Youth Institute (INJUVE)", "national_agency"),
    "anefore": ("Anefore – Luxembourg National Agency", "national_agency"),
    "salto-esc-resource-centre": ("European Solidarity Corps Resource Centre", "network"),
}
INITIATORS = ["city-of-ljubljana", "slovenska-filantropija", "movit"]
CO_ORGANISERS = [
    "jugend-fur-europa",
    "mucf",
    "agence-erasmus-jeunesse-sport",
    "tempus-public-foundation",
    "edufi",
    "injuve",
    "anefore",
    "salto-esc-resource-centre",
]
EU_MEMBER_STATES = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]  # fmt: skip
#: Country groups (slug -> English name, countries) and the countries the seed lists singly.
COUNTRY_GROUPS = {
    "erasmus-youth-programme-countries": (
        "Erasmus+ Youth in Action programme countries",
        [*EU_MEMBER_STATES, "IS", "LI", "MK", "NO", "RS", "TR"],
    ),
    "eastern-partnership": ("Eastern Partnership countries", ["AM", "AZ", "BY", "GE", "MD", "UA"]),
}
SINGLE_COUNTRIES = ["RU", "AL", "BA", "XK", "ME"]


def load_demo(stdout: Any) -> None:
    """Create the conference index and the demo conference once, in three languages."""
    home = english_home()
    index = conference_index(home)
    conference = ConferencePage.objects.child_of(index).filter(slug=CONFERENCE_SLUG).first()
    created = conference is None
    if created:
        conference = _create_conference(index)
    for language, texts in {"sl": SLOVENIAN, "sv": SWEDISH}.items():
        translate_if_missing(index, language, INDEX_TRANSLATIONS[language])
        translate_if_missing(conference, language, texts)
    stdout.write(
        "Conferences: the 2021 online conference "
        + ("created" if created else "already there")
        + ", in English, Slovenian and Swedish (its 11–12 May 2021 dates are illustrative: "
        "the announcement gives none)."
    )


def conference_index(home: Page) -> ConferenceIndexPage:
    """The conference index under ``home``, created the first time."""
    index = ConferenceIndexPage.objects.child_of(home).filter(slug="conferences").first()
    if index is None:
        index = ConferenceIndexPageFactory(parent=home, intro=INDEX_INTRO)
    return index


def demo_conference() -> ConferencePage | None:
    """The demo conference in the default language, if the demo has been loaded."""
    return ConferencePage.objects.filter(slug=CONFERENCE_SLUG, locale=Locale.get_default()).first()


def _create_conference(index: ConferenceIndexPage) -> ConferencePage:
    person_model = apps.get_model("people", "Person")
    contact = person_model.objects.filter(slug="lea-kovic", locale=Locale.get_default()).first()
    if contact is None:
        from snippets.people.factories import PersonFactory

        contact = PersonFactory(
            slug="lea-kovic", name="Lea Kovič", role="Contact person", email="lea.kovic@movit.si"
        )
    conference = ConferencePageFactory(
        parent=index,
        title=TITLE,
        slug=CONFERENCE_SLUG,
        summary=SUMMARY,
        format=ConferencePage.Format.ONLINE,
        online_platform=PLATFORM,
        starts_at=datetime.datetime(2021, 5, 11, 9, 0, tzinfo=LJUBLJANA),
        ends_at=datetime.datetime(2021, 5, 12, 16, 0, tzinfo=LJUBLJANA),
        time_zone="Europe/Ljubljana",
        working_languages="en",
        target_audience=AUDIENCE,
        delegation_note=DELEGATION_NOTE,
        eligible_countries=SINGLE_COUNTRIES,
        eligibility_note=KOSOVO_NOTE,
        main_organiser=_organisation("movit"),
        contact=contact,
        application_url="http://trainings.salto-youth.net/8668",
        application_deadline=datetime.datetime(2021, 4, 16, 23, 59, tzinfo=LJUBLJANA),
        lead_image=demo_image(LEAD_IMAGE_TITLE, "#2d6a4f"),
        lead_image_alt=LEAD_IMAGE_ALT,
        lead_image_credit=LEAD_IMAGE_CREDIT,
        body=[
            {"type": "heading", "value": {"text": WHY_HEADING, "level": "h2"}},
            {"type": "paragraph", "value": f"<p>{BACKGROUND}</p>"},
            {"type": "paragraph", "value": f"<p>{WHY}</p>"},
        ],
    )
    for order, text in enumerate(OBJECTIVES):
        ConferenceObjectiveFactory(page=conference, text=text, sort_order=order)
    for order, (role, note) in enumerate(ROLES):
        DelegationRoleFactory(page=conference, role=role, note=note, sort_order=order)
    ConferenceAttachmentFactory(
        page=conference,
        sort_order=0,
        title=PROGRAMME_TITLE,
        kind="other",
        language="en",
        document=demo_document(
            f"Programme: {TITLE}",
            f"programme-{CONFERENCE_SLUG}.pdf",
            [
                "11 May 2021: welcome, cities present their projects.",
                "12 May 2021: the European Solidarity Corps; partnership building.",
                "The seed gives no programme: this one is made up for the demo.",
            ],
        ),
    )
    for order, (slug, alt) in enumerate(PARTNER_LOGOS.items()):
        organisation = _organisation(slug)
        ConferencePartnerLogoFactory(
            page=conference,
            sort_order=order,
            image=demo_image(f"Logo: {organisation.name}", "#1d3557"),
            image_alt=alt,
            organisation=organisation,
        )
    conference.initiators.set([_organisation(slug) for slug in INITIATORS])
    conference.co_organisers.set([_organisation(slug) for slug in CO_ORGANISERS])
    conference.eligible_country_groups.set([_country_group(slug) for slug in COUNTRY_GROUPS])
    conference.save_revision().publish()
    return conference


def _organisation(slug: str) -> models.Model:
    from snippets.organisations.factories import OrganisationFactory

    name, kind = ORGANISATION_NAMES[slug]
    # get_or_create on slug and locale: the organisations demo normally made it already.
    return OrganisationFactory(slug=slug, name=name, kind=kind)


def _country_group(slug: str) -> models.Model:
    from snippets.countries.factories import CountryGroupFactory

    name, countries = COUNTRY_GROUPS[slug]
    return CountryGroupFactory(slug=slug, name=name, countries=countries)
