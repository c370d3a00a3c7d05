"""Demo call index and calls: the 2021 conference call and three European Solidarity Corps calls.

The conference call keeps its real 2021 deadline. The European Solidarity Corps calls get
dates relative to the first load, so one is open, one upcoming and one closed on that day;
a later load changes nothing, and their status moves on with the calendar as real calls do.
Like real ones, they open at 09:00 and close at 12:00 Brussels time.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import models
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from cms.demo import demo_document, english_home, translate_if_missing
from pages.calls.factories import CallAttachmentFactory, CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallIndexPage, CallPage

LJUBLJANA = ZoneInfo("Europe/Ljubljana")
BRUSSELS = ZoneInfo("Europe/Brussels")
OPENING_TIME = datetime.time(9, 0)
CLOSING_TIME = datetime.time(12, 0)
ESC = "european-solidarity-corps"
ESC_LABEL = "European Solidarity Corps Quality Label"
ESC_LABEL_SL = "Znak kakovosti Evropske solidarnostne enote"
ESC_LABEL_SV = "Kvalitetsmärkning för Europeiska solidaritetskåren"
KOSOVO_NOTE = (
    "Kosovo*: this designation is without prejudice to positions on status and is in line "
    "with UN Security Council resolution 1244/1999."
)
KOSOVO_NOTE_SL = (
    "Kosovo*: to poimenovanje ne posega v stališča o statusu ter je v skladu z resolucijo "
    "Varnostnega sveta ZN 1244/1999."
)

GUIDE_TITLE = "Guide for applicants"
GUIDE_TRANSLATIONS = {
    "sl": {GUIDE_TITLE: "Vodnik za prijavitelje"},
    "sv": {GUIDE_TITLE: "Guide för sökande"},
}

#: The network's previous website listed the volunteering call at this address; an editor kept
#: it working under Settings > Redirects (docs/api.md, "Old addresses", asks for it).
OLD_ADDRESS = "/razpisi/prostovoljski-projekti/"
OLD_ADDRESS_CALL = "esc-volunteering-projects"

INDEX_INTRO = "Calls for applications from the programmes our members take part in."
INDEX_TRANSLATIONS = {
    "sl": {
        "Calls": "Razpisi",
        INDEX_INTRO: "Razpisi programov, v katerih sodelujejo naši člani.",
    },
    "sv": {
        "Calls": "Utlysningar",
        INDEX_INTRO: "Utlysningar från de program som våra medlemmar deltar i.",
    },
}


@dataclass(frozen=True)
class DemoCall:
    """One demo call: its English fields and {language: {English text: translation}}."""

    slug: str
    title: str
    summary: str
    paragraph: str
    action: str
    opens_at: datetime.datetime
    deadline: datetime.datetime
    time_zone: str = "Europe/Brussels"
    min_age: int | None = None
    max_age: int | None = None
    duration: tuple[int, int] | None = None
    kinds: str = ""
    quality_label: str = ""
    country_groups: tuple[str, ...] = ("erasmus-youth-programme-countries",)
    countries: tuple[str, ...] = ()
    eligibility_note: str = ""
    application_url: str = "https://youth.europa.eu/solidarity_en"
    contact: str = ""
    conference: str = ""
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


def demo_calls(today: datetime.date) -> list[DemoCall]:
    """The demo calls, the European Solidarity Corps ones dated around ``today`` (in Brussels)."""

    def opening(days: int) -> datetime.datetime:
        return datetime.datetime.combine(
            today + datetime.timedelta(days=days), OPENING_TIME, tzinfo=BRUSSELS
        )

    def closing(days: int) -> datetime.datetime:
        return datetime.datetime.combine(
            today + datetime.timedelta(days=days), CLOSING_TIME, tzinfo=BRUSSELS
        )

    conference_summary = (
        "Municipalities, volunteering organisations and socially responsible businesses could "
        "apply to join the 2021 online conference on volunteering and solidarity in cities, "
        "ideally as a delegation of three."
    )
    conference_paragraph = (
        "Each member of a delegation applied on their own through the online form; the "
        "organisers confirmed places after the deadline."
    )
    volunteering_summary = (
        "Young people aged 18 to 30 volunteer alone or in a team, abroad or at home, in "
        "projects that meet a real need of a community."
    )
    volunteering_paragraph = (
        "Projects span many fields, from social inclusion and culture to digital skills, the "
        "environment and climate action. Volunteers gain experience and skills that help them "
        "grow personally, in education, in society and at work. Host organisations need the "
        "European Solidarity Corps Quality Label."
    )
    solidarity_summary = (
        "Groups of young people aged 18 to 30 plan and run their own project for two to "
        "twelve months to bring positive change to their local community."
    )
    solidarity_paragraph = (
        "Most projects stay local or regional. Running one is a real non-formal learning "
        "experience that builds personal, social and civic skills and helps participants "
        "find work later."
    )
    humanitarian_summary = (
        "Since 2023, individual and team volunteering supports humanitarian aid operations "
        "in countries outside the EU."
    )
    humanitarian_paragraph = (
        "Volunteers help communities that face a disaster or prepare for one, and work for "
        "gender equality, for the protection of women, children, refugees and migrants, and "
        "against the effects of climate change."
    )
    return [
        DemoCall(
            slug="conference-volunteering-solidarity-2021",
            title="Apply: Volunteering & Solidarity conference 2021",
            summary=conference_summary,
            paragraph=conference_paragraph,
            action="",
            opens_at=datetime.datetime(2021, 3, 15, 9, 0, tzinfo=LJUBLJANA),
            deadline=datetime.datetime(2021, 4, 16, 23, 59, tzinfo=LJUBLJANA),
            time_zone="Europe/Ljubljana",
            kinds="municipality,ngo,business",
            country_groups=("erasmus-youth-programme-countries", "eastern-partnership"),
            countries=("RU", "AL", "BA", "XK", "ME"),
            eligibility_note=KOSOVO_NOTE,
            application_url="http://trainings.salto-youth.net/8668",
            contact="lea-kovic",
            conference="volunteering-and-solidarity-in-the-city",
            translations={
                "sl": {
                    "Apply: Volunteering & Solidarity conference 2021": (
                        "Prijave: konferenca Prostovoljstvo in solidarnost 2021"
                    ),
                    conference_summary: "Občine, prostovoljske organizacije in družbeno "
                    "odgovorna podjetja so se lahko prijavili na spletno konferenco o "
                    "prostovoljstvu in solidarnosti v mestih leta 2021, najbolje kot "
                    "tričlanska delegacija.",
                    conference_paragraph: "Vsak član delegacije se je prijavil sam prek "
                    "spletnega obrazca; organizatorji so mesta potrdili po izteku roka.",
                    KOSOVO_NOTE: KOSOVO_NOTE_SL,
                },
                "sv": {
                    "Apply: Volunteering & Solidarity conference 2021": (
                        "Ansökan: konferensen Volontärarbete och solidaritet 2021"
                    ),
                },
            },
        ),
        DemoCall(
            slug="esc-volunteering-projects",
            title="European Solidarity Corps: volunteering projects",
            summary=volunteering_summary,
            paragraph=volunteering_paragraph,
            action="volunteering-projects",
            opens_at=opening(-10),
            deadline=closing(30),
            min_age=18,
            max_age=30,
            kinds="ngo,youth_centre,public_institution,municipality",
            quality_label=ESC_LABEL,
            translations={
                "sl": {
                    "European Solidarity Corps: volunteering projects": (
                        "Evropska solidarnostna enota: projekti prostovoljstva"
                    ),
                    volunteering_summary: "Mladi med 18. in 30. letom prostovoljijo sami ali "
                    "v skupini, v tujini ali doma, v projektih, ki odgovarjajo na resnično "
                    "potrebo skupnosti.",
                    volunteering_paragraph: "Projekti segajo na mnoga področja, od socialne "
                    "vključenosti in kulture do digitalnih veščin, okolja in podnebja. "
                    "Prostovoljci pridobijo izkušnje in veščine, ki jim pomagajo rasti osebno, "
                    "v izobraževanju, v družbi in pri delu. Organizacije gostiteljice "
                    "potrebujejo znak kakovosti Evropske solidarnostne enote.",
                    ESC_LABEL: ESC_LABEL_SL,
                },
                "sv": {
                    "European Solidarity Corps: volunteering projects": (
                        "Europeiska solidaritetskåren: volontärprojekt"
                    ),
                    ESC_LABEL: ESC_LABEL_SV,
                },
            },
        ),
        DemoCall(
            slug="esc-solidarity-projects",
            title="European Solidarity Corps: solidarity projects",
            summary=solidarity_summary,
            paragraph=solidarity_paragraph,
            action="solidarity-projects",
            opens_at=opening(14),
            deadline=closing(75),
            min_age=18,
            max_age=30,
            duration=(2, 12),
            translations={
                "sl": {
                    "European Solidarity Corps: solidarity projects": (
                        "Evropska solidarnostna enota: solidarnostni projekti"
                    ),
                    solidarity_summary: "Skupine mladih med 18. in 30. letom same načrtujejo "
                    "in izvedejo projekt, ki od dva do dvanajst mesecev prinaša pozitivne "
                    "spremembe v njihovo lokalno skupnost.",
                    solidarity_paragraph: "Večina projektov poteka na lokalni ali regionalni "
                    "ravni. Izvedba projekta je prava izkušnja neformalnega učenja, ki krepi "
                    "osebne, socialne in državljanske veščine ter udeležencem pozneje pomaga "
                    "do zaposlitve.",
                },
                "sv": {
                    "European Solidarity Corps: solidarity projects": (
                        "Europeiska solidaritetskåren: solidaritetsprojekt"
                    ),
                },
            },
        ),
        DemoCall(
            slug="esc-humanitarian-aid-volunteering",
            title="European Solidarity Corps: humanitarian aid volunteering",
            summary=humanitarian_summary,
            paragraph=humanitarian_paragraph,
            action="humanitarian-aid-volunteering",
            opens_at=opening(-120),
            deadline=closing(-30),
            min_age=18,
            max_age=35,
            kinds="ngo,public_institution",
            quality_label=ESC_LABEL,
            translations={
                "sl": {
                    "European Solidarity Corps: humanitarian aid volunteering": (
                        "Evropska solidarnostna enota: prostovoljstvo na področju humanitarne "
                        "pomoči"
                    ),
                    humanitarian_summary: "Od leta 2023 individualno in skupinsko "
                    "prostovoljstvo podpira operacije humanitarne pomoči v državah zunaj EU.",
                    humanitarian_paragraph: "Prostovoljci pomagajo skupnostim, ki se soočajo "
                    "z nesrečo ali se nanjo pripravljajo, ter delajo za enakost spolov, za "
                    "zaščito žensk, otrok, beguncev in migrantov ter proti posledicam "
                    "podnebnih sprememb.",
                    ESC_LABEL: ESC_LABEL_SL,
                },
                "sv": {
                    "European Solidarity Corps: humanitarian aid volunteering": (
                        "Europeiska solidaritetskåren: volontärarbete inom humanitärt bistånd"
                    ),
                    ESC_LABEL: ESC_LABEL_SV,
                },
            },
        ),
    ]


def load_demo(stdout: Any) -> None:
    """Create the call index and the demo calls once, in English, Slovenian and Swedish."""
    home = english_home()
    index = call_index(home)
    # The index first: translating a call would otherwise copy it untranslated.
    for language, texts in INDEX_TRANSLATIONS.items():
        translate_if_missing(index, language, texts)
    created = 0
    for demo in demo_calls(timezone.now().astimezone(BRUSSELS).date()):
        call = CallPage.objects.child_of(index).filter(slug=demo.slug).first()
        if call is None:
            call = _create_call(index, demo)
            created += 1
        for language, texts in demo.translations.items():
            translate_if_missing(call, language, {**texts, **GUIDE_TRANSLATIONS.get(language, {})})
    _keep_old_address(index)
    stdout.write(
        f"Calls: {created} created (one open, one upcoming, one closed among the European "
        "Solidarity Corps calls on the day they were first loaded), in three languages."
    )


def _keep_old_address(index: CallIndexPage) -> None:
    """The redirect an editor made for the old site's address of a call, made once."""
    call = CallPage.objects.child_of(index).filter(slug=OLD_ADDRESS_CALL).first()
    if call is None or Redirect.objects.filter(old_path=Redirect.normalise_path(OLD_ADDRESS)):
        return
    Redirect.add_redirect(OLD_ADDRESS, redirect_to=call, is_permanent=True)


def call_index(home: Page) -> CallIndexPage:
    """The call index under ``home``, created the first time."""
    index = CallIndexPage.objects.child_of(home).filter(slug="calls").first()
    if index is None:
        index = CallIndexPageFactory(parent=home, intro=INDEX_INTRO)
    return index


def _create_call(index: CallIndexPage, demo: DemoCall) -> CallPage:
    programme = _programme()
    duration_min, duration_max = demo.duration or (None, None)
    call = CallPageFactory(
        parent=index,
        slug=demo.slug,
        title=demo.title,
        summary=demo.summary,
        programme=programme,
        programme_action=_action(programme, demo.action) if demo.action else None,
        opens_at=demo.opens_at,
        deadline=demo.deadline,
        time_zone=demo.time_zone,
        min_age=demo.min_age,
        max_age=demo.max_age,
        duration_min_months=duration_min,
        duration_max_months=duration_max,
        eligible_organisation_kinds=demo.kinds,
        required_quality_label=demo.quality_label,
        eligible_countries=list(demo.countries),
        eligibility_note=demo.eligibility_note,
        application_url=demo.application_url,
        contact=_default_locale_object("people", "Person", demo.contact),
        related_conference=_conference(demo.conference),
        body=[{"type": "paragraph", "value": f"<p>{demo.paragraph}</p>"}],
    )
    call.eligible_country_groups.set(
        [
            group
            for slug in demo.country_groups
            if (group := _default_locale_object("countries", "CountryGroup", slug)) is not None
        ]
    )
    CallAttachmentFactory(
        page=call,
        sort_order=0,
        title=GUIDE_TITLE,
        kind="guide",
        language="en",
        document=demo_document(
            f"Guide: {demo.title}",
            f"guide-{demo.slug}.pdf",
            [demo.summary[:90], f"Apply at {demo.application_url}"],
        ),
    )
    call.save_revision().publish()
    return call


def _programme() -> models.Model:
    from snippets.programmes.factories import ProgrammeFactory

    # get_or_create on slug and locale: the programmes demo normally made it already.
    return ProgrammeFactory(slug=ESC, name="European Solidarity Corps", acronym="ESC")


def _action(programme: models.Model, slug: str) -> models.Model:
    from snippets.programmes.factories import ProgrammeActionFactory

    name = slug.replace("-", " ").capitalize()
    return ProgrammeActionFactory(programme=programme, slug=slug, name=name)


def _conference(slug: str) -> Page | None:
    if not slug:
        return None
    conference_model = apps.get_model("conferences", "ConferencePage")
    return conference_model.objects.filter(slug=slug, locale=Locale.get_default()).first()


def _default_locale_object(app_label: str, model_name: str, slug: str) -> models.Model | None:
    if not slug:
        return None
    model = apps.get_model(app_label, model_name)
    return model.objects.filter(slug=slug, locale=Locale.get_default()).first()
