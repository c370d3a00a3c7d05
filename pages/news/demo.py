"""Demo news: the 2021 good-practice visit in Ljubljana and Novo mesto joining SHELTER.

Both come from Slovenian seed documents and get a full Slovenian translation. Facts (dates,
names, places) are the seeds'; the texts are written for the demo.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from cms.demo import (
    demo_image,
    ensure_index,
    paragraphs,
    snippet,
    translate_once,
)
from pages.municipalities.models import MunicipalityPage
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
from pages.news.models import NewsGalleryImage, NewsIndexPage, NewsPage
from pages.projects.models import ProjectPage
from snippets.categories.factories import CategoryFactory
from snippets.organisations.factories import OrganisationFactory
from snippets.people.factories import PersonFactory

INDEX_TRANSLATIONS = {
    "sl": {
        "News": "Novice",
        "What happens in the network's towns and projects.": (
            "Kaj se dogaja v mestih in projektih mreže."
        ),
    },
    "sv": {
        "News": "Nyheter",
        "What happens in the network's towns and projects.": (
            "Vad som händer i nätverkets städer och projekt."
        ),
    },
}


@dataclass(frozen=True)
class DemoNews:
    """One news item: English fields, relations by slug, and {English text: Slovenian}."""

    slug: str
    title: str
    date: datetime.date
    intro: str
    body: list[str]
    categories: list[tuple[str, str]]
    gallery: list[tuple[str, str, str]]
    author: tuple[str, str] | None = None
    byline: str = ""
    projects: list[str] = field(default_factory=list)
    municipalities: list[str] = field(default_factory=list)
    organisations: list[tuple[str, str]] = field(default_factory=list)
    #: The event the item reports on, if any: its day and place.
    event_date: datetime.date | None = None
    event_place: str = ""
    slovenian: dict[str, str] = field(default_factory=dict)


VISIT = DemoNews(
    slug="municipality-on-a-visit",
    title="Good practice on show: a municipality on a visit",
    date=datetime.date(2021, 10, 5),
    author=("marko-taljan", "Marko Taljan"),
    intro=(
        "On Friday 1 October 2021 the Zalog District Youth Centre hosted a visit that showed "
        "how youth work is organised in Ljubljana."
    ),
    body=[
        "The meeting was prepared with the Youth Office of the City of Ljubljana and the MaMa "
        "network, within the international Europe Goes Local partnership led by MOVIT.",
        "Urban Krevl, head of projects at the MaMa network, welcomed the guests and explained "
        "what these good-practice visits are about. A representative of the City of Novo "
        "mesto took part.",
        "Katarina Gorenc, head of the city's youth office, presented the public call that "
        "co-funds youth projects and programmes, the network of Ljubljana's youth centres and "
        "the city's support for the Mladi zmaji public institute.",
        "Marko Taljan of Mladi zmaji presented the City Incubator, where young people aged 18 "
        "to 29 get workshops, mentoring and funding to turn their ideas into projects.",
        "Everyone agreed that youth work succeeds when it is closely tied to the local "
        "district communities.",
        "Europe Goes Local aims to improve youth work at municipal level by bringing together "
        "everyone active in it. Twenty-four national agencies of Erasmus+ Youth take part, "
        "with the youth partnership of the European Commission and the Council of Europe, "
        "the European Youth Forum and the POYWE and InterCity networks.",
    ],
    categories=[
        ("international-cooperation", "International cooperation"),
        ("networking", "Networking"),
        ("learning", "Learning"),
    ],
    gallery=[("Visit at the Zalog District Youth Centre", "#2f6f4e", "Guests and hosts at Zalog")],
    event_date=datetime.date(2021, 10, 1),
    event_place="ČMC Zalog, Ljubljana",
    municipalities=["ljubljana", "novo-mesto"],
    organisations=[
        ("cmc-zalog", "Zalog District Youth Centre"),
        ("urad-za-mladino-mol", "Youth Office of the City of Ljubljana"),
        ("mreza-mama", "MaMa Network"),
        ("mladi-zmaji", "Mladi zmaji Public Institute"),
        ("movit", "MOVIT – Slovenian National Agency"),
    ],
    slovenian={
        "Good practice on show: a municipality on a visit": (
            "Predstavitev dobrih praks: občina na obisku"
        ),
        "On Friday 1 October 2021 the Zalog District Youth Centre hosted a visit that showed "
        "how youth work is organised in Ljubljana.": (
            "Četrtni mladinski center Zalog je v petek, 1. oktobra 2021, gostil obisk, na "
            "katerem so predstavili, kako je organizirano mladinsko delo v Ljubljani."
        ),
        "The meeting was prepared with the Youth Office of the City of Ljubljana and the MaMa "
        "network, within the international Europe Goes Local partnership led by MOVIT.": (
            "Srečanje so pripravili skupaj z Uradom za mladino Mestne občine Ljubljana in Mrežo "
            "MaMa v okviru mednarodnega partnerstva Europe Goes Local, ki ga vodi MOVIT."
        ),
        "Urban Krevl, head of projects at the MaMa network, welcomed the guests and explained "
        "what these good-practice visits are about. A representative of the City of Novo "
        "mesto took part.": (
            "Goste je pozdravil vodja projektov Mreže MaMa Urban Krevl in pojasnil namen "
            "obiskov dobrih praks. Srečanja se je udeležila predstavnica Mestne občine Novo "
            "mesto."
        ),
        "Katarina Gorenc, head of the city's youth office, presented the public call that "
        "co-funds youth projects and programmes, the network of Ljubljana's youth centres and "
        "the city's support for the Mladi zmaji public institute.": (
            "Vodja mestnega urada za mladino Katarina Gorenc je predstavila javni razpis za "
            "sofinanciranje mladinskih projektov in programov, mrežo ljubljanskih mladinskih "
            "centrov in podporo mesta Javnemu zavodu Mladi zmaji."
        ),
        "Marko Taljan of Mladi zmaji presented the City Incubator, where young people aged 18 "
        "to 29 get workshops, mentoring and funding to turn their ideas into projects.": (
            "Marko Taljan iz Mladih zmajev je predstavil Mestni inkubator, v katerem mladi med "
            "18. in 29. letom z delavnicami, mentorstvom in sredstvi svoje zamisli spremenijo "
            "v projekte."
        ),
        "Everyone agreed that youth work succeeds when it is closely tied to the local "
        "district communities.": (
            "Vsi so se strinjali, da je mladinsko delo uspešno, kadar je tesno povezano z "
            "lokalnimi četrtnimi skupnostmi."
        ),
        "Europe Goes Local aims to improve youth work at municipal level by bringing together "
        "everyone active in it. Twenty-four national agencies of Erasmus+ Youth take part, "
        "with the youth partnership of the European Commission and the Council of Europe, "
        "the European Youth Forum and the POYWE and InterCity networks.": (
            "Europe Goes Local želi izboljšati mladinsko delo na ravni občin s povezovanjem "
            "vseh, ki so v njem dejavni. Sodeluje štiriindvajset nacionalnih agencij programa "
            "Erasmus+: Mladi, partnerstvo Evropske komisije in Sveta Evrope na področju "
            "mladine, Evropski mladinski forum ter mreži POYWE in InterCity."
        ),
        "Guests and hosts at Zalog": "Gostje in gostitelji v Zalogu",
        "ČMC Zalog, Ljubljana": "ČMC Zalog, Ljubljana",
    },
)

SHELTER_NEWS = DemoNews(
    slug="novo-mesto-partner-in-shelter",
    title="Novo mesto partner in the international project SHELTER",
    date=datetime.date(2017, 11, 21),
    byline="City of Novo mesto",
    intro=(
        "The City of Novo mesto is a partner in SHELTER, a project in which smaller towns "
        "exchange good practice in integrating migrants."
    ),
    body=[
        "After a local event, representatives of the town went to the project's international "
        "conference, held from 12 to 16 October 2017 by the Italian lead partner, the "
        "municipality of Canepina.",
        "Partners from nine municipalities in eight countries heard how Novo mesto and local "
        "non-governmental organisations support migrants in every area of life, every day.",
        "Canepina (Italy), Gallese (Italy), Herceg Novi (Montenegro), Novo mesto (Slovenia), "
        "Kelmė (Lithuania) and Laragne-Montéglin (France) signed a partnership agreement to "
        "keep working together.",
        "The local event brought together the city, the Association for the Development of "
        "Voluntary Work Novo mesto, the Boter Institute, the Novo mesto Association and other "
        "interested people.",
        "The project is co-funded by the EU's Europe for Citizens programme, strand Networks "
        "of towns.",
    ],
    categories=[
        ("international-cooperation", "International cooperation"),
        ("migration-and-integration", "Migration and integration"),
    ],
    gallery=[
        ("SHELTER conference in Canepina", "#b0762a", "The international conference"),
        ("SHELTER local event in Novo mesto", "#8a3b2e", "The local event in Novo mesto"),
    ],
    projects=["shelter"],
    municipalities=[
        "novo-mesto",
        "canepina",
        "gallese",
        "herceg-novi",
        "kelme",
        "laragne-monteglin",
    ],
    organisations=[
        ("drpd-novo-mesto", "Association for the Development of Voluntary Work Novo mesto"),
        ("zavod-boter", "Boter Institute"),
        ("drustvo-novo-mesto", "Novo mesto Association"),
    ],
    slovenian={
        "Novo mesto partner in the international project SHELTER": (
            "Novo mesto partner v mednarodnem projektu SHELTER"
        ),
        "City of Novo mesto": "Mestna občina Novo mesto",
        "The City of Novo mesto is a partner in SHELTER, a project in which smaller towns "
        "exchange good practice in integrating migrants.": (
            "Mestna občina Novo mesto je partnerica v projektu SHELTER, v katerem manjše "
            "občine izmenjujejo dobre prakse vključevanja priseljencev."
        ),
        "After a local event, representatives of the town went to the project's international "
        "conference, held from 12 to 16 October 2017 by the Italian lead partner, the "
        "municipality of Canepina.": (
            "Po lokalnem dogodku so se predstavniki mesta udeležili mednarodne konference "
            "projekta, ki jo je od 12. do 16. oktobra 2017 gostil vodilni italijanski partner, "
            "občina Canepina."
        ),
        "Partners from nine municipalities in eight countries heard how Novo mesto and local "
        "non-governmental organisations support migrants in every area of life, every day.": (
            "Partnerji iz devetih občin iz osmih držav so spoznali, kako Novo mesto in lokalne "
            "nevladne organizacije vsak dan podpirajo priseljence na vseh področjih življenja."
        ),
        "Canepina (Italy), Gallese (Italy), Herceg Novi (Montenegro), Novo mesto (Slovenia), "
        "Kelmė (Lithuania) and Laragne-Montéglin (France) signed a partnership agreement to "
        "keep working together.": (
            "Canepina (Italija), Gallese (Italija), Herceg Novi (Črna gora), Novo mesto "
            "(Slovenija), Kelmė (Litva) in Laragne-Montéglin (Francija) so podpisali partnerski "
            "sporazum o nadaljnjem sodelovanju."
        ),
        "The local event brought together the city, the Association for the Development of "
        "Voluntary Work Novo mesto, the Boter Institute, the Novo mesto Association and other "
        "interested people.": (
            "Lokalni dogodek je združil mestno občino, Društvo za razvijanje prostovoljnega "
            "dela Novo mesto, Zavod Boter, Društvo Novo mesto in druge zainteresirane."
        ),
        "The project is co-funded by the EU's Europe for Citizens programme, strand Networks "
        "of towns.": (
            "Projekt sofinancira EU v okviru programa Evropa za državljane, sklop Mreženje mest."
        ),
        "The international conference": "Mednarodna konferenca",
        "The local event in Novo mesto": "Lokalni dogodek v Novem mestu",
    },
)

NEWS = [VISIT, SHELTER_NEWS]


def load_demo(stdout: Any) -> None:
    """Create the index page and the news items once; a second run creates nothing."""
    index = ensure_index(
        NewsIndexPage,
        NewsIndexPageFactory,
        slug="news",
        title="News",
        intro="What happens in the network's towns and projects.",
        translations=INDEX_TRANSLATIONS,
    )
    created = 0
    for demo in NEWS:
        item = NewsPage.objects.child_of(index).filter(slug=demo.slug).first()
        if item is None:
            item = _create(index, demo)
            created += 1
        translate_once(item, "sl", demo.slovenian)
    stdout.write(f"News: {created} created ({len(NEWS)} in the demo), in English and Slovenian.")


def _create(index: NewsIndexPage, demo: DemoNews) -> NewsPage:
    item = NewsPageFactory(
        parent=index,
        slug=demo.slug,
        title=demo.title,
        date=demo.date,
        author=snippet(PersonFactory, demo.author),
        byline=demo.byline,
        intro=demo.intro,
        body=paragraphs(demo.body),
    )
    item.categories.set([snippet(CategoryFactory, category) for category in demo.categories])
    item.related_projects.set(
        ProjectPage.objects.filter(locale_id=item.locale_id, slug__in=demo.projects)
    )
    item.related_municipalities.set(
        MunicipalityPage.objects.filter(locale_id=item.locale_id, slug__in=demo.municipalities)
    )
    item.related_organisations.set(
        [snippet(OrganisationFactory, organisation) for organisation in demo.organisations]
    )
    for order, (title, colour, caption) in enumerate(demo.gallery):
        NewsGalleryImage(
            page=item, sort_order=order, image=demo_image(title, colour), caption=caption
        ).save()
    if demo.gallery:
        # The gallery's first image leads, with its caption as alt text (translated with it).
        title, colour, caption = demo.gallery[0]
        item.lead_image = demo_image(title, colour)
        item.lead_image_alt = caption
    item.event_date = demo.event_date
    item.event_place = demo.event_place
    item.save()
    item = NewsPage.objects.get(pk=item.pk)
    item.save_revision().publish()
    return item
