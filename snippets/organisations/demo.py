"""Demo organisations, in English with Slovenian and Swedish translations.

Facts (names, addresses, hours, label years) come from the seed documents; descriptions are
written for the demo. Web addresses are only given where they are the organisation's own
well-known site.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps

from wagtail.models import Locale

from cms.translation import translate
from snippets.organisations.factories import (
    OpeningHoursFactory,
    OrganisationFactory,
    QualityLabelFactory,
)
from snippets.organisations.models import OpeningHours, Organisation

Kind = Organisation.Kind
Day = OpeningHours.Weekday
ESC_LABEL = "European Solidarity Corps Quality Label"
DURING_EVENTS = "During events"


@dataclass(frozen=True)
class Hours:
    first_day: int
    last_day: int
    opens: datetime.time | None
    closes: datetime.time | None
    until_midnight: bool = False
    note: str = ""


@dataclass(frozen=True)
class DemoOrganisation:
    """One organisation: English fields, profile rows and {language: {English: translation}}."""

    slug: str
    name: str
    kind: str
    description: str = ""
    street_address: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = ""
    website: str = ""
    hours: list[Hours] = field(default_factory=list)
    #: (label name, programme slug or "", year granted, year renewed or None)
    labels: list[tuple[str, str, int, int | None]] = field(default_factory=list)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


SHELTER_SIGNATORY = "One of the municipalities that signed the SHELTER partnership agreement."
SHELTER_SIGNATORY_SL = "Ena od občin, ki so podpisale partnerski sporazum projekta SHELTER."

SLOVENIAN_LABELS = {ESC_LABEL: "Znak kakovosti Evropske solidarnostne enote"}
SWEDISH_LABELS = {ESC_LABEL: "Kvalitetsmärkning för Europeiska solidaritetskåren"}


def _national_agency(
    slug: str, name: str, city: str, country: str, website: str, sl: str, sv: str
) -> DemoOrganisation:
    return DemoOrganisation(
        slug=slug,
        name=name,
        kind=Kind.NATIONAL_AGENCY,
        description=(
            "National agency for Erasmus+ Youth and the European Solidarity Corps; a "
            "co-organiser of the 2021 online conference on volunteering in cities."
        ),
        city=city,
        country=country,
        website=website,
        translations={"sl": {name: sl}, "sv": {name: sv}},
    )


ORGANISATIONS = [
    # The seed's page for this centre names its networks (TikTok, Facebook, Instagram, YouTube)
    # but not one profile address: the demo gives it no social links rather than invent them.
    DemoOrganisation(
        slug="center-mladih-koper",
        name="Koper Youth Centre",
        kind=Kind.YOUTH_CENTRE,
        description=(
            "Youth centre in Koper that has hosted European Solidarity Corps volunteers since "
            "2017; they work in the centre and on its events and projects."
        ),
        street_address="Gregorčičeva ulica 4",
        postal_code="6000",
        city="Koper",
        country="SI",
        hours=[
            Hours(Day.MONDAY, Day.FRIDAY, datetime.time(9), datetime.time(22)),
            Hours(Day.FRIDAY, Day.SATURDAY, None, None, until_midnight=True, note=DURING_EVENTS),
        ],
        labels=[(ESC_LABEL, "european-solidarity-corps", 2017, 2021)],
        translations={
            "sl": {
                "Koper Youth Centre": "Center mladih Koper",
                "Youth centre in Koper that has hosted European Solidarity Corps volunteers since "
                "2017; they work in the centre and on its events and projects.": (
                    "Mladinski center v Kopru, ki od leta 2017 gosti prostovoljce "
                    "Evropske solidarnostne enote; ti delajo v centru ter na njegovih dogodkih "
                    "in projektih."
                ),
                DURING_EVENTS: "V primeru prireditev",
                **SLOVENIAN_LABELS,
            },
            "sv": {
                "Koper Youth Centre": "Ungdomscentret i Koper",
                DURING_EVENTS: "Vid evenemang",
                **SWEDISH_LABELS,
            },
        },
    ),
    DemoOrganisation(
        slug="mladinski-center-markovec",
        name="Markovec Youth Centre",
        kind=Kind.YOUTH_CENTRE,
        description=(
            "A youth centre in Koper's Markovec neighbourhood, run alongside Koper Youth Centre."
        ),
        street_address="Cesta na Markovec 65a",
        postal_code="6000",
        city="Koper",
        country="SI",
        hours=[Hours(Day.MONDAY, Day.FRIDAY, datetime.time(12, 30), datetime.time(20))],
        translations={
            "sl": {
                "Markovec Youth Centre": "Mladinski center Markovec",
                "A youth centre in Koper's Markovec neighbourhood, run alongside Koper Youth "
                "Centre.": "Mladinski center v koprski soseski Markovec, ki deluje ob Centru "
                "mladih Koper.",
            },
            "sv": {"Markovec Youth Centre": "Ungdomscentret Markovec"},
        },
    ),
    DemoOrganisation(
        slug="slovenska-filantropija",
        name="Slovenian Philanthropy",
        kind=Kind.NGO,
        description=(
            "One of the largest volunteering organisations in Slovenia; it initiated the "
            "2021 conference on volunteering and solidarity in cities with the City of "
            "Ljubljana."
        ),
        city="Ljubljana",
        country="SI",
        website="https://www.filantropija.org/",
        translations={
            "sl": {
                "Slovenian Philanthropy": "Slovenska filantropija",
                "One of the largest volunteering organisations in Slovenia; it initiated the "
                "2021 conference on volunteering and solidarity in cities with the City of "
                "Ljubljana.": (
                    "Ena največjih prostovoljskih organizacij v Sloveniji; skupaj z Mestno "
                    "občino Ljubljana je dala pobudo za konferenco o prostovoljstvu in "
                    "solidarnosti v mestih leta 2021."
                ),
            },
            "sv": {"Slovenian Philanthropy": "Slovenska filantropija"},
        },
    ),
    DemoOrganisation(
        slug="city-of-ljubljana",
        name="City of Ljubljana",
        kind=Kind.MUNICIPALITY,
        description=(
            "The capital's municipality; it supports youth projects through public calls and "
            "a network of youth centres."
        ),
        city="Ljubljana",
        country="SI",
        website="https://www.ljubljana.si/",
        translations={
            "sl": {
                "City of Ljubljana": "Mestna občina Ljubljana",
                "The capital's municipality; it supports youth projects through public calls "
                "and a network of youth centres.": (
                    "Občina glavnega mesta; mladinske projekte podpira z javnimi razpisi in "
                    "mrežo mladinskih centrov."
                ),
            },
            "sv": {"City of Ljubljana": "Ljubljana stad"},
        },
    ),
    DemoOrganisation(
        slug="urad-za-mladino-mol",
        name="Youth Office of the City of Ljubljana",
        kind=Kind.PUBLIC_INSTITUTION,
        description=(
            "The city department for young people: it co-funds youth projects and "
            "programmes and coordinates Ljubljana's youth centres."
        ),
        city="Ljubljana",
        country="SI",
        translations={
            "sl": {
                "Youth Office of the City of Ljubljana": "Urad za mladino Mestne občine Ljubljana",
                "The city department for young people: it co-funds youth projects and "
                "programmes and coordinates Ljubljana's youth centres.": (
                    "Mestni urad za mlade: sofinancira mladinske projekte in programe ter "
                    "povezuje ljubljanske mladinske centre."
                ),
            },
            "sv": {"Youth Office of the City of Ljubljana": "Ungdomsbyrån i Ljubljana stad"},
        },
    ),
    DemoOrganisation(
        slug="mladi-zmaji",
        name="Mladi zmaji Public Institute",
        kind=Kind.PUBLIC_INSTITUTION,
        description=(
            "Runs Ljubljana's district youth centres and the City Incubator, which turns "
            "ideas of 18 to 29 year olds into projects with workshops, mentoring and funding."
        ),
        city="Ljubljana",
        country="SI",
        website="https://www.mladizmaji.si/",
        translations={
            "sl": {
                "Mladi zmaji Public Institute": "Javni zavod Mladi zmaji",
                "Runs Ljubljana's district youth centres and the City Incubator, which turns "
                "ideas of 18 to 29 year olds into projects with workshops, mentoring and "
                "funding.": (
                    "Upravlja ljubljanske četrtne mladinske centre in Mestni inkubator, ki z "
                    "delavnicami, mentorstvom in sredstvi ideje mladih med 18. in 29. letom "
                    "spreminja v projekte."
                ),
            },
            "sv": {"Mladi zmaji Public Institute": "Offentliga institutet Mladi zmaji"},
        },
    ),
    DemoOrganisation(
        slug="cmc-zalog",
        name="Zalog District Youth Centre",
        kind=Kind.YOUTH_CENTRE,
        description=(
            "A district youth centre in Ljubljana; in October 2021 it hosted a visit "
            "presenting good practice in local youth work."
        ),
        city="Ljubljana",
        country="SI",
        translations={
            "sl": {
                "Zalog District Youth Centre": "Četrtni mladinski center Zalog",
                "A district youth centre in Ljubljana; in October 2021 it hosted a visit "
                "presenting good practice in local youth work.": (
                    "Četrtni mladinski center v Ljubljani; oktobra 2021 je gostil obisk, na "
                    "katerem so predstavili dobre prakse lokalnega mladinskega dela."
                ),
            },
            "sv": {"Zalog District Youth Centre": "Stadsdelens ungdomscenter Zalog"},
        },
    ),
    DemoOrganisation(
        slug="mreza-mama",
        name="MaMa Network",
        kind=Kind.NETWORK,
        description="The Slovenian network of youth centres.",
        country="SI",
        translations={
            "sl": {
                "MaMa Network": "Mreža MaMa",
                "The Slovenian network of youth centres.": "Slovenska mreža mladinskih centrov.",
            },
            "sv": {"MaMa Network": "Nätverket MaMa"},
        },
    ),
    DemoOrganisation(
        slug="movit",
        name="MOVIT – Slovenian National Agency",
        kind=Kind.NATIONAL_AGENCY,
        description=(
            "Slovenia's national agency for Erasmus+ Youth and the European Solidarity Corps; "
            "main organiser of the 2021 online conference and leader of the Europe Goes Local "
            "partnership."
        ),
        city="Ljubljana",
        country="SI",
        website="https://www.movit.si/",
        translations={
            "sl": {
                "MOVIT – Slovenian National Agency": "Zavod MOVIT – nacionalna agencija",
                "Slovenia's national agency for Erasmus+ Youth and the European Solidarity "
                "Corps; main organiser of the 2021 online conference and leader of the Europe "
                "Goes Local partnership.": (
                    "Slovenska nacionalna agencija programov Erasmus+: Mladi in Evropska "
                    "solidarnostna enota; glavna organizatorka spletne konference leta 2021 "
                    "in vodja partnerstva Europe Goes Local."
                ),
            },
            "sv": {"MOVIT – Slovenian National Agency": "MOVIT – Sloveniens nationella kontor"},
        },
    ),
    _national_agency(
        "jugend-fur-europa",
        "JUGEND für Europa – German National Agency",
        "Bonn",
        "DE",
        "https://www.jugendfuereuropa.de/",
        "JUGEND für Europa – nemška nacionalna agencija",
        "JUGEND für Europa – Tysklands nationella kontor",
    ),
    _national_agency(
        "mucf",
        "Swedish Agency for Youth and Civil Society (MUCF)",
        "Växjö",
        "SE",
        "https://www.mucf.se/",
        "Švedska agencija za mlade in civilno družbo (MUCF)",
        "Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF)",
    ),
    _national_agency(
        "agence-erasmus-jeunesse-sport",
        "Erasmus+ France Youth and Sport Agency",
        "Paris",
        "FR",
        "",
        "Agencija Erasmus+ Francija za mlade in šport",
        "Erasmus+ Frankrikes kontor för ungdom och idrott",
    ),
    _national_agency(
        "tempus-public-foundation",
        "Tempus Public Foundation – Hungarian National Agency",
        "Budapest",
        "HU",
        "",
        "Javna fundacija Tempus – madžarska nacionalna agencija",
        "Stiftelsen Tempus – Ungerns nationella kontor",
    ),
    _national_agency(
        "edufi",
        "Finnish National Agency for Education (EDUFI)",
        "Helsinki",
        "FI",
        "https://www.oph.fi/",
        "Finska nacionalna agencija za izobraževanje (EDUFI)",
        "Utbildningsstyrelsen (Finland)",
    ),
    _national_agency(
        "injuve",
        "Spanish Youth Institute (INJUVE)",
        "Madrid",
        "ES",
        "https://www.injuve.es/",
        "Španski inštitut za mladino (INJUVE)",
        "Spaniens ungdomsinstitut (INJUVE)",
    ),
    _national_agency(
        "anefore",
        "Anefore – Luxembourg National Agency",
        "Luxembourg",
        "LU",
        "https://www.anefore.lu/",
        "Anefore – luksemburška nacionalna agencija",
        "Anefore – Luxemburgs nationella kontor",
    ),
    DemoOrganisation(
        slug="salto-esc-resource-centre",
        name="European Solidarity Corps Resource Centre",
        kind=Kind.NETWORK,
        description=(
            "The SALTO resource centre that supports national agencies and organisations "
            "taking part in the European Solidarity Corps."
        ),
        website="https://www.salto-youth.net/rc/solidarity/",
        translations={
            "sl": {
                "European Solidarity Corps Resource Centre": (
                    "Center virov Evropske solidarnostne enote"
                ),
                "The SALTO resource centre that supports national agencies and organisations "
                "taking part in the European Solidarity Corps.": (
                    "Center virov SALTO, ki podpira nacionalne agencije in organizacije, "
                    "vključene v Evropsko solidarnostno enoto."
                ),
            },
            "sv": {
                "European Solidarity Corps Resource Centre": (
                    "Resurscentrum för Europeiska solidaritetskåren"
                )
            },
        },
    ),
    DemoOrganisation(
        slug="sern",
        name="SERN – Sweden Emilia-Romagna Network",
        kind=Kind.NETWORK,
        description=(
            "A network of public bodies and associations from Sweden and Emilia-Romagna; the "
            "VOLWE project on volunteers in welfare policies grew out of its activities."
        ),
        website="https://www.sern.eu/",
        translations={
            "sl": {"SERN – Sweden Emilia-Romagna Network": "SERN – mreža Švedska–Emilija-Romanja"},
            "sv": {
                "SERN – Sweden Emilia-Romagna Network": "SERN – nätverket Sverige–Emilia-Romagna",
                "A network of public bodies and associations from Sweden and Emilia-Romagna; the "
                "VOLWE project on volunteers in welfare policies grew out of its activities.": (
                    "Ett nätverk av offentliga aktörer och föreningar från Sverige och "
                    "Emilia-Romagna; projektet VOLWE om volontärer i välfärdspolitiken växte "
                    "fram ur dess verksamhet."
                ),
            },
        },
    ),
    DemoOrganisation(
        slug="city-of-novo-mesto",
        name="City of Novo mesto",
        kind=Kind.MUNICIPALITY,
        description=(
            "Partner in the SHELTER network of smaller towns on integration policy; with local "
            "NGOs it runs support programmes for migrants in every area of daily life."
        ),
        city="Novo mesto",
        country="SI",
        translations={
            "sl": {
                "City of Novo mesto": "Mestna občina Novo mesto",
                "Partner in the SHELTER network of smaller towns on integration policy; with "
                "local NGOs it runs support programmes for migrants in every area of daily "
                "life.": (
                    "Partnerica v mreži manjših občin SHELTER o integracijskih politikah; z "
                    "lokalnimi nevladnimi organizacijami izvaja programe podpore priseljencem "
                    "na vseh področjih vsakdanjega življenja."
                ),
            },
            "sv": {"City of Novo mesto": "Novo mesto kommun"},
        },
    ),
    DemoOrganisation(
        slug="drpd-novo-mesto",
        name="Association for the Development of Voluntary Work Novo mesto",
        kind=Kind.NGO,
        description=(
            "A volunteering association that took part in the SHELTER meetings in Novo mesto."
        ),
        city="Novo mesto",
        country="SI",
        translations={
            "sl": {
                "Association for the Development of Voluntary Work Novo mesto": (
                    "Društvo za razvijanje prostovoljnega dela Novo mesto"
                ),
                "A volunteering association that took part in the SHELTER meetings in Novo "
                "mesto.": "Prostovoljsko društvo, ki je sodelovalo na srečanjih projekta SHELTER "
                "v Novem mestu.",
            },
            "sv": {
                "Association for the Development of Voluntary Work Novo mesto": (
                    "Föreningen för utveckling av volontärarbete i Novo mesto"
                )
            },
        },
    ),
    DemoOrganisation(
        slug="zavod-boter",
        name="Boter Institute",
        kind=Kind.NGO,
        description="A non-profit institute that took part in the SHELTER meetings in Novo mesto.",
        country="SI",
        translations={
            "sl": {
                "Boter Institute": "Zavod Boter",
                "A non-profit institute that took part in the SHELTER meetings in Novo "
                "mesto.": "Neprofitni zavod, ki je sodeloval na srečanjih projekta SHELTER v "
                "Novem mestu.",
            },
            "sv": {"Boter Institute": "Institutet Boter"},
        },
    ),
    DemoOrganisation(
        slug="drustvo-novo-mesto",
        name="Novo mesto Association",
        kind=Kind.NGO,
        description="A local association that took part in the SHELTER meetings in Novo mesto.",
        city="Novo mesto",
        country="SI",
        translations={
            "sl": {
                "Novo mesto Association": "Društvo Novo mesto",
                "A local association that took part in the SHELTER meetings in Novo mesto.": (
                    "Lokalno društvo, ki je sodelovalo na srečanjih projekta SHELTER v Novem mestu."
                ),
            },
            "sv": {"Novo mesto Association": "Föreningen Novo mesto"},
        },
    ),
    *(
        DemoOrganisation(
            slug=slug,
            name=name,
            kind=Kind.MUNICIPALITY,
            description=SHELTER_SIGNATORY,
            city=city,
            country=country,
            # From the Slovenian seed on SHELTER: fully translated into Slovenian.
            translations={
                "sl": {name: sl, SHELTER_SIGNATORY: SHELTER_SIGNATORY_SL},
                "sv": {name: sv},
            },
        )
        for slug, name, city, country, sl, sv in [
            (
                "canepina",
                "Municipality of Canepina",
                "Canepina",
                "IT",
                "Občina Canepina",
                "Canepina kommun",
            ),
            (
                "gallese",
                "Municipality of Gallese",
                "Gallese",
                "IT",
                "Občina Gallese",
                "Gallese kommun",
            ),
            (
                "herceg-novi",
                "Municipality of Herceg Novi",
                "Herceg Novi",
                "ME",
                "Občina Herceg Novi",
                "Herceg Novi kommun",
            ),
            (
                "kelme",
                "Kelmė District Municipality",
                "Kelmė",
                "LT",
                "Občina okrožja Kelmė",
                "Kelmė distriktskommun",
            ),
            (
                "laragne-monteglin",
                "Municipality of Laragne-Montéglin",
                "Laragne-Montéglin",
                "FR",
                "Občina Laragne-Montéglin",
                "Laragne-Montéglin kommun",
            ),
        ]
    ),
]


def load_demo(stdout: Any) -> None:
    """Create the demo organisations once; a second run only refreshes their translations."""
    english = Organisation.objects.filter(locale=Locale.get_default())
    before = english.count()
    programme_model = apps.get_model("programmes.Programme")
    for demo in ORGANISATIONS:
        organisation = OrganisationFactory(
            slug=demo.slug,
            name=demo.name,
            kind=demo.kind,
            short_description=demo.description,
            street_address=demo.street_address,
            postal_code=demo.postal_code,
            city=demo.city,
            country=demo.country,
            website=demo.website,
        )
        if not organisation.opening_hours.exists():
            for order, hours in enumerate(demo.hours):
                OpeningHoursFactory(
                    organisation=organisation,
                    sort_order=order,
                    first_day=hours.first_day,
                    last_day=hours.last_day,
                    opens=hours.opens,
                    closes=hours.closes,
                    until_midnight=hours.until_midnight,
                    note=hours.note,
                )
        if not organisation.quality_labels.exists():
            for order, (name, programme_slug, granted, renewed) in enumerate(demo.labels):
                QualityLabelFactory(
                    organisation=organisation,
                    sort_order=order,
                    name=name,
                    programme=programme_model.objects.filter(
                        slug=programme_slug, locale=organisation.locale
                    ).first(),
                    year_granted=granted,
                    year_renewed=renewed,
                )
        for language, texts in demo.translations.items():
            translate(organisation, language, texts)
    stdout.write(
        f"Organisations: {english.count() - before} created ({len(ORGANISATIONS)} in the demo), "
        "in English, Slovenian and Swedish."
    )
