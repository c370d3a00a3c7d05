"""agenda(locale:, from:, to:, eligibleCountry:): dated entries of every content type, in order,
public ones only, bounded."""

import datetime
from typing import Any

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.conferences.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.projects.factories import (
    ProjectEventFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
)
from snippets.countries.factories import CountryGroupFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC

QUERY = """
query($from: Date, $to: Date, $country: String, $limit: Int) {
  agenda(from: $from, to: $to, eligibleCountry: $country, limit: $limit) {
    truncated
    items {
      ... on AgendaEntry { date kind title url page { slug } }
      ... on CallAgendaEntry { at }
      ... on ConferenceAgendaEntry { dayNumber dayCount }
      ... on ProjectAgendaEntry { place endDate country { code } }
    }
  }
}
"""


def agenda(graphql: Any, **variables: Any) -> dict[str, Any]:
    body = graphql(QUERY, {"from": "2021-05-01", "to": "2021-05-31", **variables})
    assert "errors" not in body, body["errors"]
    return body["data"]["agenda"]


@pytest.fixture
def content(home: Page) -> dict[str, Page]:
    calls = CallIndexPageFactory(parent=home)
    group = CountryGroupFactory(name="Programme countries", countries=["SI", "HR"])
    esc = CallPageFactory(
        parent=calls,
        title="ESC call",
        slug="esc-call",
        opens_at=datetime.datetime(2021, 5, 3, 8, tzinfo=UTC),
        # 23:30 UTC on 10 May is 11 May in Ljubljana: the call's own day counts.
        deadline=datetime.datetime(2021, 5, 10, 23, 30, tzinfo=UTC),
        time_zone="Europe/Ljubljana",
    )
    esc.eligible_country_groups.set([group])
    esc.save_revision().publish()
    only_italy = CallPageFactory(
        parent=calls,
        title="Italian call",
        opens_at=datetime.datetime(2021, 4, 1, 8, tzinfo=UTC),
        deadline=datetime.datetime(2021, 5, 20, 12, tzinfo=UTC),
        eligible_countries=["IT"],
    )
    draft = CallPageFactory(
        parent=calls,
        title="Draft call",
        opens_at=datetime.datetime(2021, 5, 4, 8, tzinfo=UTC),
        deadline=datetime.datetime(2021, 5, 6, 8, tzinfo=UTC),
    )
    Page.objects.filter(pk=draft.pk).update(live=False)
    conferences = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(parent=conferences, title="Cities conference")
    private = ConferencePageFactory(parent=conferences, title="Private conference")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    projects = ProjectIndexPageFactory(parent=home)
    project = ProjectPageFactory(parent=projects, title="SHELTER")
    ProjectEventFactory(
        project=project,
        title="Partner meeting",
        start_date=datetime.date(2021, 5, 11),
        place="Canepina",
        country="IT",
    )
    project.save_revision().publish()
    unpublished = ProjectPageFactory(parent=projects, title="Unpublished project")
    ProjectEventFactory(
        project=unpublished, title="Secret meeting", start_date=datetime.date(2021, 5, 2)
    )
    unpublished.save_revision().publish()
    unpublished.unpublish()
    return {"esc": esc, "italy": only_italy, "conference": conference, "project": project}


def test_entries_of_every_type_in_date_order(graphql: Any, content: Any) -> None:
    items = agenda(graphql)["items"]
    assert [(item["date"], item["kind"], item["title"]) for item in items] == [
        ("2021-05-03", "call_opening", "ESC call"),
        ("2021-05-11", "call_deadline", "ESC call"),
        ("2021-05-11", "conference_day", "Cities conference"),
        ("2021-05-11", "project_event", "Partner meeting"),
        ("2021-05-12", "conference_day", "Cities conference"),
        ("2021-05-20", "call_deadline", "Italian call"),
    ]
    deadline, day_one, event = items[1], items[2], items[3]
    assert deadline["at"] == "2021-05-11T01:30:00+02:00"
    assert deadline["url"].endswith("call.html?slug=esc-call&locale=en")
    assert (day_one["dayNumber"], day_one["dayCount"]) == (1, 2)
    assert event["page"]["slug"] == content["project"].slug
    assert (event["place"], event["country"]["code"]) == ("Canepina", "IT")


def test_drafts_private_and_unpublished_content_never_appear(graphql: Any, content: Any) -> None:
    titles = {item["title"] for item in agenda(graphql, limit=200)["items"]}
    assert not titles & {"Draft call", "Private conference", "Secret meeting"}


def test_eligible_country_narrows_calls_and_conferences(graphql: Any, content: Any) -> None:
    items = agenda(graphql, country="si")["items"]
    assert [(item["kind"], item["title"]) for item in items] == [
        ("call_opening", "ESC call"),
        ("call_deadline", "ESC call"),
        # The factory's conference lists no country; the project event has no eligibility.
        ("project_event", "Partner meeting"),
    ]


def test_the_limit_cuts_in_date_order_and_says_so(graphql: Any, content: Any) -> None:
    result = agenda(graphql, limit=2)
    assert [item["date"] for item in result["items"]] == ["2021-05-03", "2021-05-11"]
    assert result["truncated"] is True
    assert agenda(graphql, limit=50)["truncated"] is False


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"from": "2021-01-01", "to": "2023-01-01"}, "'from' and 'to'"),
        ({"from": "2021-05-31", "to": "2021-05-01"}, "'to'"),
        ({"from": "9999-12-31", "to": "9999-12-31"}, "'from'"),
        ({"limit": 0}, "'limit'"),
        ({"limit": 100000}, "'limit'"),
        ({"country": "Slovenia"}, "'eligibleCountry'"),
    ],
)
def test_hostile_arguments_get_an_error_naming_them(
    graphql: Any, content: Any, variables: dict[str, Any], named: str
) -> None:
    body = graphql(QUERY, {"from": "2021-05-01", "to": "2021-05-31", **variables})
    assert body["_status"] < 500
    assert named in body["errors"][0]["message"]


def test_statements_do_not_grow_with_entries(graphql: Any, home: Page, settings: Any) -> None:
    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    calls = CallIndexPageFactory(parent=home)
    conferences = ConferenceIndexPageFactory(parent=home)
    projects = ProjectIndexPageFactory(parent=home)
    counts = {}
    made = 0
    for size in (10, 100):
        for n in range(made, size):
            CallPageFactory(
                parent=calls,
                opens_at=datetime.datetime(2021, 4, 1, tzinfo=UTC),
                deadline=datetime.datetime(2021, 5, 1 + n % 28, 12, tzinfo=UTC),
            )
            if n % 10 == 0:
                ConferencePageFactory(parent=conferences)
                project = ProjectPageFactory(parent=projects)
                ProjectEventFactory(project=project, start_date=datetime.date(2021, 5, 2))
                project.save_revision().publish()
        made = size
        graphql(QUERY, {"from": "2021-05-01", "to": "2021-05-31", "limit": 200})
        with CaptureQueriesContext(connection) as captured:
            result = agenda(graphql, limit=200)
        counts[size] = len(captured.captured_queries)
        assert len(result["items"]) == size + (size // 10) * 3
    assert counts[10] == counts[100], counts


def test_truncated_when_one_type_alone_has_more_than_the_limit(graphql: Any, home: Page) -> None:
    projects = ProjectIndexPageFactory(parent=home)
    project = ProjectPageFactory(parent=projects, title="SHELTER")
    for day in (2, 3, 4):
        ProjectEventFactory(project=project, start_date=datetime.date(2021, 5, day))
    project.save_revision().publish()
    result = agenda(graphql, limit=2)
    assert len(result["items"]) == 2
    assert result["truncated"] is True


def test_deadlines_just_outside_the_window_do_not_use_up_the_limit(
    graphql: Any, home: Page
) -> None:
    calls = CallIndexPageFactory(parent=home)
    # The day before `from` in UTC: inside the database's margin, outside the window.
    for n in range(3):
        CallPageFactory(
            parent=calls,
            title=f"Closed call {n}",
            opens_at=datetime.datetime(2021, 3, 1, tzinfo=UTC),
            deadline=datetime.datetime(2021, 4, 30, 12, n, tzinfo=UTC),
            time_zone="UTC",
        )
    CallPageFactory(
        parent=calls,
        title="Open call",
        opens_at=datetime.datetime(2021, 3, 1, tzinfo=UTC),
        deadline=datetime.datetime(2021, 5, 20, 12, tzinfo=UTC),
        time_zone="UTC",
    )
    result = agenda(graphql, limit=2)
    assert [item["title"] for item in result["items"]] == ["Open call"]
    assert result["truncated"] is False


def test_conferences_ending_just_before_the_window_do_not_use_up_the_limit(
    graphql: Any, home: Page
) -> None:
    conferences = ConferenceIndexPageFactory(parent=home)
    # Ends on 30 April in UTC: inside the database's margin, outside the window.
    for n in range(3):
        ConferencePageFactory(
            parent=conferences,
            title=f"Past conference {n}",
            starts_at=datetime.datetime(2021, 4, 29, 9, n, tzinfo=UTC),
            ends_at=datetime.datetime(2021, 4, 30, 17, tzinfo=UTC),
            time_zone="UTC",
        )
    ConferencePageFactory(
        parent=conferences,
        title="May conference",
        starts_at=datetime.datetime(2021, 5, 20, 9, tzinfo=UTC),
        ends_at=datetime.datetime(2021, 5, 20, 17, tzinfo=UTC),
        time_zone="UTC",
    )
    result = agenda(graphql, limit=2)
    assert [item["title"] for item in result["items"]] == ["May conference"]
    assert result["truncated"] is False
