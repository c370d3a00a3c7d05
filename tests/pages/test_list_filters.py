"""Who may apply (calls by organisation kind and age) and date ranges on conferences and news."""

import datetime
from typing import Any

import pytest

from wagtail.models import Page

from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.conferences.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def titles(body: dict[str, Any], field: str) -> list[str]:
    assert "errors" not in body, body["errors"]
    return [item["title"] for item in body["data"][field]["items"]]


@pytest.fixture
def calls(home: Page) -> None:
    index = CallIndexPageFactory(parent=home)
    CallPageFactory(
        parent=index,
        title="Towns",
        eligible_organisation_kinds="municipality,ngo",
        min_age=None,
        max_age=None,
    )
    CallPageFactory(parent=index, title="NGOs only", eligible_organisation_kinds="ngo")
    CallPageFactory(parent=index, title="Young people", min_age=18, max_age=30)
    CallPageFactory(parent=index, title="Over 26", min_age=26, max_age=None)
    # A draft open to towns is never listed.
    CallPageFactory(parent=index, title="Draft", eligible_organisation_kinds="municipality")
    Page.objects.filter(title="Draft").update(live=False)


def test_calls_a_municipality_may_apply_to(graphql: Any, calls: None) -> None:
    body = graphql("{ calls(eligibleOrganisationKind: MUNICIPALITY) { items { title } } }")
    assert titles(body, "calls") == ["Towns"]

    body = graphql("{ calls(eligibleOrganisationKind: NGO, order: TITLE) { items { title } } }")
    assert titles(body, "calls") == ["NGOs only", "Towns"]


def test_calls_a_25_year_old_may_apply_to(graphql: Any, calls: None) -> None:
    body = graphql("{ calls(age: 25, order: TITLE) { items { title } } }")
    # "Towns" has no age limit; "Over 26" starts at 26; the others run 18 to 30.
    assert titles(body, "calls") == ["NGOs only", "Towns", "Young people"]

    body = graphql("{ calls(age: 31, order: TITLE) { items { title } } }")
    assert titles(body, "calls") == ["Over 26", "Towns"]


@pytest.mark.parametrize("age", [-1, 121, 2**31 - 1])
def test_an_impossible_age_is_refused_by_name(graphql: Any, calls: None, age: int) -> None:
    body = graphql("query($age: Int) { calls(age: $age) { items { title } } }", {"age": age})
    assert body["_status"] < 500
    assert "Argument 'age'" in body["errors"][0]["message"]


def test_an_unknown_organisation_kind_is_refused(graphql: Any, calls: None) -> None:
    body = graphql("{ calls(eligibleOrganisationKind: CASTLE) { items { title } } }")
    assert body["_status"] < 500
    assert "CASTLE" in body["errors"][0]["message"]


def test_a_deadline_range_ending_before_it_starts_is_refused(
    graphql: Any, client: Any, calls: None
) -> None:
    body = graphql(
        '{ calls(deadlineAfter: "2021-06-01", deadlineBefore: "2021-05-01") { items { title } } }'
    )
    assert body["_status"] < 500
    assert "'deadlineBefore'" in body["errors"][0]["message"]
    response = client.get(
        "/feeds/calls.ics", {"deadlineAfter": "2021-06-01", "deadlineBefore": "2021-05-01"}
    )
    assert response.status_code == 400
    assert "Parameter 'deadlineBefore'" in response.content.decode()


@pytest.fixture
def conferences(home: Page) -> None:
    index = ConferenceIndexPageFactory(parent=home)
    for title, day in (("Spring", 11), ("Summer", 20)):
        ConferencePageFactory(
            parent=index,
            title=title,
            starts_at=datetime.datetime(2021, 5 if title == "Spring" else 6, day, 7, tzinfo=UTC),
            ends_at=datetime.datetime(2021, 5 if title == "Spring" else 6, day, 15, tzinfo=UTC),
        )


def test_conferences_starting_in_a_range(graphql: Any, conferences: None) -> None:
    query = "query($a: Date, $b: Date) { conferences(startsAfter: $a, startsBefore: $b) %s }"
    fields = "{ items { title } }"
    assert titles(graphql(query % fields, {"a": "2021-05-11"}), "conferences") == [
        "Spring",
        "Summer",
    ]
    assert titles(graphql(query % fields, {"a": "2021-05-12"}), "conferences") == ["Summer"]
    assert titles(graphql(query % fields, {"b": "2021-05-11"}), "conferences") == ["Spring"]


def test_a_range_ending_before_it_starts_is_refused(graphql: Any, conferences: None) -> None:
    body = graphql(
        '{ conferences(startsAfter: "2021-06-01", startsBefore: "2021-05-01") { items { title } } }'
    )
    assert body["_status"] < 500
    assert "'startsBefore'" in body["errors"][0]["message"]


def test_a_date_that_is_not_one_is_refused(graphql: Any, conferences: None) -> None:
    body = graphql('{ conferences(startsAfter: "11 May") { items { title } } }')
    assert body["_status"] == 400
    assert "Date cannot represent value: '11 May'" in body["errors"][0]["message"]
    body = graphql(
        "query($a: Date) { conferences(startsAfter: $a) { items { title } } }", {"a": "x"}
    )
    assert body["_status"] == 400
    assert "$a" in body["errors"][0]["message"]


def test_news_published_after_a_day(graphql: Any, home: Page) -> None:
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, title="Visit", date=datetime.date(2021, 10, 5))
    NewsPageFactory(parent=index, title="Older", date=datetime.date(2021, 9, 1))
    body = graphql('{ news(publishedAfter: "2021-10-01") { items { title } } }')
    assert titles(body, "news") == ["Visit"]
    body = graphql('{ news(publishedBefore: "2021-10-01") { items { title } } }')
    assert titles(body, "news") == ["Older"]
