"""Call pages: admin creation and validation, status, translation, GraphQL."""

import datetime
import re
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from cms.translation import translate
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallIndexPage, CallPage
from pages.calls.selectors import calls_open, calls_with_status
from pages.conferences.factories import ConferenceIndexPageFactory, ConferencePageFactory
from snippets.countries.factories import CountryGroupFactory
from snippets.people.factories import PersonFactory
from snippets.programmes.factories import ProgrammeActionFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def add_url(model: type[Page], parent: Page) -> str:
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def form_errors(response: Any) -> dict[str, list[str]]:
    """The page form's field errors, as plain strings."""
    form = response.context["form"]
    return {name: [str(message) for message in errors] for name, errors in form.errors.items()}


@pytest.fixture
def index(home: Page) -> CallIndexPage:
    return CallIndexPageFactory(parent=home)


@pytest.fixture
def esc() -> Any:
    programme = ProgrammeFactory(
        name="European Solidarity Corps", slug="european-solidarity-corps", acronym="ESC"
    )
    ProgrammeActionFactory(programme=programme, name="Solidarity projects", sort_order=0)
    ProgrammeActionFactory(programme=programme, name="Volunteering projects", sort_order=1)
    return programme


@pytest.fixture
def translate_to(locales: Any, django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    """Translate through wagtail-localize and run what it defers to the transaction commit."""

    def run(instance: Any, language: str, texts: dict[str, str] | None = None) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return translate(instance, language, texts)

    return run


def call_form(**overrides: Any) -> dict[str, Any]:
    """The add form as an editor fills it in; multiple choices are lists."""
    many = {
        name: overrides.pop(name, [])
        for name in ("eligible_country_groups", "eligible_countries", "eligible_organisation_kinds")
    }
    data = {
        "title": "Solidarity projects 2026",
        "slug": "solidarity-projects-2026",
        "summary": "Young people run projects in their community.",
        "body": streamfield([("paragraph", rich_text("<p>How to apply.</p>"))]),
        "opens_at": "2026-03-01 09:00",
        "deadline": "2026-04-30 12:00",
        "time_zone": "Europe/Ljubljana",
        "duration_min_months": "2",
        "duration_max_months": "12",
        "application_url": "https://youth.europa.eu/solidarity_en",
        "min_age": "18",
        "max_age": "30",
        "required_quality_label": "European Solidarity Corps Quality Label",
        "eligibility_note": "",
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    form = nested_form_data(data)
    form.update({name: value for name, value in many.items() if value})
    return form


def test_editor_creates_a_call_under_the_index(
    admin_client: Client, home: Page, index: CallIndexPage, esc: Any
) -> None:
    action = esc.actions.get(slug="solidarity-projects")
    group = CountryGroupFactory(name="Programme countries", countries=["SI", "HR"])
    contact = PersonFactory(name="Lea Kovič")
    conference = ConferencePageFactory(parent=ConferenceIndexPageFactory(parent=home))
    data = call_form(
        programme=esc.pk,
        programme_action=action.pk,
        contact=contact.pk,
        related_conference=conference.pk,
        eligible_country_groups=[group.pk],
        eligible_countries=["XK"],
        eligible_organisation_kinds=["ngo", "youth_centre"],
    )

    response = admin_client.post(add_url(CallPage, index), data)

    assert response.status_code == 302, form_errors(response)
    call = CallPage.objects.get(slug="solidarity-projects-2026")
    assert call.live
    assert call.get_parent().specific == index
    assert call.programme == esc
    assert call.programme_action == action
    assert call.contact == contact
    assert call.related_conference.specific == conference
    assert (call.min_age, call.max_age) == (18, 30)
    assert (call.duration_min_months, call.duration_max_months) == (2, 12)
    assert call.eligible_organisation_kind_codes == ["ngo", "youth_centre"]
    assert list(call.eligible_country_groups.all()) == [group]
    assert [c.code for c in call.all_eligible_countries] == ["HR", "SI", "XK"]
    # Entered in the admin's time zone (Europe/Ljubljana, CET in March).
    assert call.opens_at == datetime.datetime(2026, 3, 1, 8, 0, tzinfo=datetime.UTC)
    assert call.body[0].block_type == "paragraph"


def test_index_page_is_created_under_the_home_page(admin_client: Client, home: Page) -> None:
    data = nested_form_data(
        {
            "title": "Calls",
            "slug": "calls",
            "intro": "Apply now.",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(add_url(CallIndexPage, home), data)

    assert response.status_code == 302
    assert CallIndexPage.objects.child_of(home).live().count() == 1


def test_call_is_refused_outside_a_call_index(
    admin_client: Client, home_pages: dict[str, Page], index: CallIndexPage, esc: Any
) -> None:
    home = Page.objects.get(pk=home_pages["en"].pk)  # fresh: the index was added after
    conferences = ConferenceIndexPageFactory(parent=home)

    for parent in (home, conferences):
        response = admin_client.post(add_url(CallPage, parent), call_form(programme=esc.pk))
        # A disallowed page type is a permission refusal: 403, nothing created.
        assert response.status_code == 403
    assert not CallPage.objects.exists()
    assert not CallPage.can_create_at(home)
    assert not CallPage.can_create_at(conferences)
    assert CallPage.can_create_at(index)
    assert not CallIndexPage.can_create_at(index)
    assert not CallIndexPage.can_create_at(home)  # one per language tree
    assert CallIndexPage.can_create_at(home_pages["sl"])


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"deadline": "2026-02-20 12:00"},
            "deadline",
            "The deadline must be after the opening date.",
        ),
        ({"deadline": "2026-03-01 09:00"}, "deadline", "must be after the opening date"),
        ({"application_url": "youth europa"}, "application_url", "Enter a valid URL"),
        ({"min_age": "31"}, "max_age", "at least the minimum age (31)"),
        ({"min_age": "0"}, "min_age", "greater than or equal to 1"),
        ({"max_age": "121"}, "max_age", "less than or equal to 120"),
        ({"duration_max_months": "1"}, "duration_max_months", "at least the shortest (2"),
        ({"duration_min_months": "0"}, "duration_min_months", "greater than or equal to 1"),
        ({"time_zone": "Europe/Atlantis"}, "time_zone", "Select a valid choice"),
        (
            {"eligible_organisation_kinds": ["ngo", "pirate_ship"]},
            "eligible_organisation_kinds",
            "Unknown kind of organisation: pirate_ship",
        ),
    ],
)
def test_bad_input_is_rejected_on_the_named_field(
    admin_client: Client,
    index: CallIndexPage,
    esc: Any,
    overrides: dict[str, Any],
    field: str,
    message: str,
) -> None:
    response = admin_client.post(add_url(CallPage, index), call_form(programme=esc.pk, **overrides))

    assert response.status_code == 200
    errors = form_errors(response)
    assert any(message in text for text in errors.get(field, [])), errors
    assert not CallPage.objects.exists()


def test_the_action_must_belong_to_the_programme(
    admin_client: Client, index: CallIndexPage, esc: Any
) -> None:
    other = ProgrammeFactory(name="Erasmus+ Youth")
    exchanges = ProgrammeActionFactory(programme=other, name="Youth exchanges")

    response = admin_client.post(
        add_url(CallPage, index), call_form(programme=esc.pk, programme_action=exchanges.pk)
    )

    assert response.status_code == 200
    assert form_errors(response) == {
        "programme_action": [
            "'Youth exchanges' is not an action of European Solidarity Corps (ESC); "
            "choose one of its own."
        ]
    }
    assert not CallPage.objects.exists()


def test_status_follows_the_clock_without_saving(index: CallIndexPage, esc: Any) -> None:
    now = timezone.now()
    closed = CallPageFactory(
        parent=index, programme=esc, opens_at=now - 40 * DAY, deadline=now - DAY
    )
    open_call = CallPageFactory(parent=index, programme=esc)
    upcoming = CallPageFactory(
        parent=index, programme=esc, opens_at=now + DAY, deadline=now + 30 * DAY
    )
    stored = CallPage.objects.values().get(pk=closed.pk)
    revisions = closed.revisions.count()

    assert closed.status == "closed"
    assert open_call.status == "open"
    assert upcoming.status == "upcoming"
    # The database query agrees with the property, and nothing was written to get there.
    assert list(calls_with_status(CallPage.objects.all(), "closed")) == [closed]
    assert list(calls_with_status(CallPage.objects.all(), "open")) == [open_call]
    assert list(calls_with_status(CallPage.objects.all(), "upcoming")) == [upcoming]
    assert list(calls_open(index.locale)) == [open_call]
    assert CallPage.objects.values().get(pk=closed.pk) == stored
    assert closed.revisions.count() == revisions


def test_a_call_closes_when_its_deadline_passes(
    index: CallIndexPage, esc: Any, monkeypatch: Any, graphql
) -> None:
    now = timezone.now()
    call = CallPageFactory(parent=index, programme=esc, opens_at=now - DAY, deadline=now + DAY)
    assert call.status == "open"
    later = now + 2 * DAY
    monkeypatch.setattr(timezone, "now", lambda: later)

    body = graphql("{ calls(status: CLOSED) { items { title status } } }")

    assert "errors" not in body, body
    # The field is the CallStatus enum, the same values as the filter (CHANGELOG.md).
    assert body["data"]["calls"]["items"] == [{"title": call.title, "status": "CLOSED"}]
    call.refresh_from_db()
    assert call.status == "closed"


@pytest.fixture
def call(home: Page, index: CallIndexPage, esc: Any) -> CallPage:
    """A published, open solidarity-projects call with every relation filled in."""
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), title="Volunteering in the city"
    )
    page = CallPageFactory(
        parent=index,
        title="Solidarity projects",
        slug="solidarity-projects",
        summary="Young people run projects in their community.",
        programme=esc,
        programme_action=esc.actions.get(slug="solidarity-projects"),
        contact=PersonFactory(name="Lea Kovič", slug="lea-kovic"),
        eligible_organisation_kinds="ngo,youth_centre",
        required_quality_label="European Solidarity Corps Quality Label",
        eligible_countries=["XK"],
        eligibility_note="Kosovo*: UN resolution 1244/1999.",
        duration_min_months=2,
        duration_max_months=12,
        related_conference=conference,
        body=[{"type": "paragraph", "value": "<p>How to apply.</p>"}],
    )
    page.eligible_country_groups.set(
        [CountryGroupFactory(name="Western Balkans", countries=["AL", "BA"])]
    )
    page.save_revision().publish()
    return page


SLOVENIAN = {
    "Calls": "Razpisi",
    "Solidarity projects": "Solidarnostni projekti",
    "Young people run projects in their community.": "Mladi izvajajo projekte v skupnosti.",
    "European Solidarity Corps Quality Label": "Znak kakovosti Evropske solidarnostne enote",
    "Kosovo*: UN resolution 1244/1999.": "Kosovo*: resolucija ZN 1244/1999.",
    "How to apply.": "Kako se prijaviti.",
}

CALLS_QUERY = """
query ($locale: String, $perPage: Int) {
  calls(locale: $locale, perPage: $perPage) {
    items {
      title slug summary status opensAt deadline timeZone minAge maxAge
      durationMinMonths durationMaxMonths applicationUrl requiredQualityLabel
      requiresQualityLabel eligibleOrganisationKinds eligibilityNote
      programme { name acronym }
      programmeAction { name }
      contact { name }
      eligibleCountryGroups(limit: 5) { name }
      eligibleCountries { code }
      allEligibleCountries { code }
      relatedConference { title }
      relatedProject { title }
      body { field ... on RichTextBlock { value } }
    }
    pagination { total }
  }
}
"""


def test_call_is_translated_to_slovenian_and_published(
    admin_client: Client, call: CallPage, index: CallIndexPage, translate_to
) -> None:
    translate_to(index, "sl", SLOVENIAN)
    slovenian = translate_to(call, "sl", SLOVENIAN)

    slovenian.refresh_from_db()
    assert slovenian.live
    assert slovenian.locale.language_code == "sl"
    assert slovenian.title == "Solidarnostni projekti"
    assert slovenian.required_quality_label == "Znak kakovosti Evropske solidarnostne enote"
    # Dates, ages, kinds and countries are synchronised, not translated.
    assert (slovenian.opens_at, slovenian.deadline) == (call.opens_at, call.deadline)
    assert (slovenian.min_age, slovenian.max_age) == (18, 30)
    assert slovenian.eligible_organisation_kinds == "ngo,youth_centre"
    assert slovenian.status == "open"
    # Translators open it in wagtail-localize's editor.
    assert admin_client.get(f"/admin/pages/{slovenian.pk}/edit/").status_code == 200


def test_call_reads_back_through_graphql_in_both_languages(
    call: CallPage, index: CallIndexPage, esc: Any, translate_to, graphql
) -> None:
    translate_to(
        esc,
        "sl",
        {
            "European Solidarity Corps": "Evropska solidarnostna enota",
            "ESC": "ESE",
            "Solidarity projects": "Solidarnostni projekti",
        },
    )
    translate_to(index, "sl", SLOVENIAN)
    translate_to(call, "sl", SLOVENIAN)

    english = graphql(CALLS_QUERY, {"locale": "en", "perPage": 2})
    slovene = graphql(CALLS_QUERY, {"locale": "sl", "perPage": 2})

    assert "errors" not in english, english
    assert "errors" not in slovene, slovene
    [en] = english["data"]["calls"]["items"]
    [sl] = slovene["data"]["calls"]["items"]
    assert en["title"] == "Solidarity projects"
    assert sl["title"] == "Solidarnostni projekti"
    assert en["programme"] == {"name": "European Solidarity Corps", "acronym": "ESC"}
    assert sl["programme"] == {"name": "Evropska solidarnostna enota", "acronym": "ESE"}
    assert en["programmeAction"] == {"name": "Solidarity projects"}
    assert sl["programmeAction"] == {"name": "Solidarnostni projekti"}
    assert en["status"] == sl["status"] == "OPEN"
    assert sl["opensAt"] == en["opensAt"]
    assert en["opensAt"] == call.opens_at.astimezone(call.zone).isoformat()
    assert en["timeZone"] == "Europe/Ljubljana"
    assert (sl["minAge"], sl["maxAge"]) == (18, 30)
    assert (sl["durationMinMonths"], sl["durationMaxMonths"]) == (2, 12)
    assert sl["eligibleOrganisationKinds"] == ["ngo", "youth_centre"]
    assert sl["requiresQualityLabel"] is True
    assert sl["requiredQualityLabel"] == "Znak kakovosti Evropske solidarnostne enote"
    assert sl["contact"] == {"name": "Lea Kovič"}
    assert sl["eligibleCountryGroups"] == [{"name": "Western Balkans"}]
    assert sl["eligibleCountries"] == [{"code": "XK"}]
    assert [c["code"] for c in sl["allEligibleCountries"]] == ["AL", "BA", "XK"]
    # The conference has no Slovenian version yet: the English one is shown.
    assert sl["relatedConference"] == {"title": "Volunteering in the city"}
    assert sl["relatedProject"] is None
    assert sl["body"] == [{"field": "paragraph", "value": "<p>Kako se prijaviti.</p>"}]
    assert sl["eligibilityNote"] == "Kosovo*: resolucija ZN 1244/1999."


def test_a_draft_related_conference_is_not_shown(call: CallPage, graphql) -> None:
    call.related_conference.unpublish()

    body = graphql('{ call(slug: "solidarity-projects") { title relatedConference { title } } }')

    assert body["data"]["call"] == {"title": "Solidarity projects", "relatedConference": None}


def test_filters_by_status_programme_country_and_deadline(
    call: CallPage, index: CallIndexPage, esc: Any, graphql
) -> None:
    now = timezone.now()
    other = ProgrammeFactory(name="Erasmus+ Youth", slug="erasmus-youth")
    CallPageFactory(
        parent=index,
        title="Youth exchanges",
        programme=other,
        opens_at=now - 60 * DAY,
        deadline=now - 10 * DAY,
        eligible_countries=["SE"],
    )

    def titles(arguments: str) -> list[str]:
        body = graphql(f"{{ calls({arguments}) {{ items {{ title }} }} }}")
        assert "errors" not in body, body
        return [item["title"] for item in body["data"]["calls"]["items"]]

    today = timezone.localdate()
    assert titles("status: OPEN") == ["Solidarity projects"]
    assert titles("status: CLOSED") == ["Youth exchanges"]
    assert titles("status: UPCOMING") == []
    assert titles('programme: "erasmus-youth"') == ["Youth exchanges"]
    assert titles('eligibleCountry: "ba"') == ["Solidarity projects"]  # through a group
    assert titles('eligibleCountry: "SE"') == ["Youth exchanges"]
    assert titles(f'deadlineAfter: "{today.isoformat()}"') == ["Solidarity projects"]
    assert titles(f'deadlineBefore: "{today.isoformat()}"') == ["Youth exchanges"]
    assert titles('status: OPEN, programme: "erasmus-youth"') == []
    assert titles("order: DEADLINE_DESC") == ["Solidarity projects", "Youth exchanges"]
    assert titles("order: DEADLINE") == ["Youth exchanges", "Solidarity projects"]
    assert titles('search: "exchanges"') == ["Youth exchanges"]

    wrong = graphql('{ calls(eligibleCountry: "Sweden") { items { title } } }')
    assert "eligibleCountry" in wrong["errors"][0]["message"]


def test_index_page_lists_its_calls_through_graphql(
    call: CallPage, index: CallIndexPage, esc: Any, graphql
) -> None:
    CallPageFactory(parent=index, title="Later", programme=esc, deadline=call.deadline + DAY)
    CallPageFactory(parent=index, title="Draft", programme=esc, live=False)

    everything = graphql(
        '{ page(urlPath: "/calls/") { ... on CallIndexPage { calls { title } } } }'
    )
    second = graphql(
        '{ page(urlPath: "/calls/") { ... on CallIndexPage { calls(limit: 1, offset: 1) '
        "{ title } } } }"
    )

    assert "errors" not in everything, everything
    assert "errors" not in second, second
    assert everything["data"]["page"]["calls"] == [
        {"title": "Solidarity projects"},
        {"title": "Later"},
    ]
    assert second["data"]["page"]["calls"] == [{"title": "Later"}]


def test_a_list_costs_the_same_number_of_queries_for_more_calls(
    call: CallPage, index: CallIndexPage, esc: Any, graphql
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            body = graphql(CALLS_QUERY, {"locale": "en", "perPage": 4})
        assert "errors" not in body, body
        return len(captured)

    one = queries()
    for _number in range(3):
        page = CallPageFactory(
            parent=index,
            programme=esc,
            programme_action=call.programme_action,
            contact=call.contact,
        )
        page.eligible_country_groups.set(call.eligible_country_groups.all())
        page.save_revision().publish()

    assert queries() == one


def test_admin_lists_calls_with_filters(admin_client: Client, call: CallPage) -> None:
    listing = admin_client.get("/admin/call_pages/")
    open_now = admin_client.get("/admin/call_pages/?status=open")
    closed = admin_client.get("/admin/call_pages/?status=closed")
    editor = admin_client.get(f"/admin/pages/{call.pk}/edit/")

    assert listing.status_code == open_now.status_code == closed.status_code == 200
    assert editor.status_code == 200
    edit_link = f"/admin/pages/{call.pk}/edit/"
    assert edit_link in open_now.content.decode()
    assert edit_link not in closed.content.decode()
    # The kinds are stored as "ngo,youth_centre" and shown as ticked boxes.
    kinds = editor.context["form"]["eligible_organisation_kinds"]
    assert [box.data["value"] for box in kinds.subwidgets if box.data["selected"]] == [
        "ngo",
        "youth_centre",
    ]


def test_demo_content_loads_once(
    home: Page, locales: dict[str, Locale], django_capture_on_commit_callbacks: Any
) -> None:
    from pages.calls.demo import load_demo as load_calls
    from pages.conferences.demo import load_demo as load_conferences

    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            load_conferences(StringIO())
            load_calls(StringIO())

    english = CallPage.objects.filter(locale=locales["en"])
    assert english.count() == 4
    assert CallPage.objects.count() == 12
    assert sorted(call.status for call in english) == ["closed", "closed", "open", "upcoming"]
    conference_call = english.get(slug="conference-volunteering-solidarity-2021")
    assert conference_call.deadline.astimezone(conference_call.zone).date() == datetime.date(
        2021, 4, 16
    )
    assert conference_call.related_conference is not None
    assert CallIndexPage.objects.get(locale=locales["sl"]).title == "Razpisi"
    solidarity = CallPage.objects.get(slug="esc-solidarity-projects", locale=locales["sl"])
    assert solidarity.title == "Evropska solidarnostna enota: solidarnostni projekti"
    assert (solidarity.duration_min_months, solidarity.duration_max_months) == (2, 12)


def test_demo_calls_close_at_noon_brussels_time(
    home: Page, locales: dict[str, Locale], django_capture_on_commit_callbacks: Any
) -> None:
    """European Solidarity Corps calls close at 12:00 Brussels time, not at the hour the demo
    happened to be loaded."""
    from pages.calls.demo import load_demo as load_calls

    with django_capture_on_commit_callbacks(execute=True):
        load_calls(StringIO())

    for call in CallPage.objects.filter(locale=locales["en"], slug__startswith="esc-"):
        assert call.time_zone == "Europe/Brussels"
        deadline = call.deadline.astimezone(call.zone)
        opens = call.opens_at.astimezone(call.zone)
        assert (deadline.hour, deadline.minute) == (12, 0), call.slug
        assert (opens.hour, opens.minute) == (9, 0), call.slug


def listing_cell(html: str, value: datetime.datetime) -> str:
    """The text of the listing cell that shows ``value`` (its <time datetime=…> element)."""
    match = re.search(
        rf'<time datetime="{re.escape(value.isoformat())}">(.*?)</time>\s*<div[^>]*>(.*?)</div>',
        html,
        re.S,
    )
    assert match, f"no cell for {value.isoformat()}"
    return " / ".join(part.strip() for part in match.groups())


@pytest.mark.parametrize(
    ("language", "deadline", "status"),
    [
        ("en", "31 Dec 2046, 12:00 CET / in ", '"w-status w-status--primary">Open<'),
        ("sl", "31. dec. 2046, 12:00 CET / čez ", '"w-status w-status--primary">Odprt<'),
        ("sv", "31 dec 2046 kl. 12:00 CET / om ", '"w-status w-status--primary">Öppen<'),
    ],
)
def test_the_calls_listing_shows_future_dates_as_dates_and_the_status_as_a_badge(
    admin_client: Client, admin_user: Any, call: CallPage, language: str, deadline: str, status: str
) -> None:
    """Not "Just now" for a deadline weeks away, and not English in a Slovenian admin."""
    call.opens_at = timezone.now() - DAY
    call.deadline = datetime.datetime(2046, 12, 31, 11, 0, tzinfo=datetime.UTC)
    call.time_zone = "Europe/Brussels"
    call.save_revision().publish()
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()

    html = admin_client.get("/admin/call_pages/").content.decode()

    assert listing_cell(html, call.deadline.astimezone(call.zone)).startswith(deadline)
    assert status in re.sub(r"\s+", " ", html).replace("> ", ">").replace(" <", "<")


def test_eligible_countries_are_checkboxes_with_a_filter_and_the_ticked_ones_named(
    admin_client: Client, call: CallPage
) -> None:
    call.eligible_countries = ["SI", "XK"]
    call.save_revision().publish()

    html = admin_client.get(f"/admin/pages/{call.pk}/edit/").content.decode()

    picker = re.search(r"<div class=\"cms-country-picker\".*?data-cms-country-none", html, re.S)
    assert picker, "no country picker on the call form"
    assert 'type="search"' in picker.group(0)
    assert re.search(r"data-cms-country-ticked>\s*Kosovo\*, Slovenia\s*<", picker.group(0))
    checked = re.findall(
        r'<input type="checkbox" name="eligible_countries" value="(\w+)"[^>]*checked', html
    )
    assert checked == ["XK", "SI"]  # in the list's (alphabetical) order
