"""Partners page through a list: each page holds the right items, in the asked order."""

import datetime

import pytest

from django.utils import timezone

from wagtail.models import Page

from cms.translation import translate

pytestmark = pytest.mark.django_db

PAGE = """query ($page: Int, $order: CallOrder, $locale: String) {
  calls(page: $page, perPage: 2, order: $order, locale: $locale) {
    items { title locale }
    pagination { total count perPage currentPage totalPages }
  }
}"""
TITLES = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]


@pytest.fixture
def calls(home: Page) -> list[Page]:
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory

    index = CallIndexPageFactory(parent=home)
    now = timezone.now()
    made = []
    # Deadlines run the other way round from the titles, so the two orders differ.
    for days, title in enumerate(reversed(TITLES), start=1):
        call = CallPageFactory(
            parent=index,
            title=title,
            opens_at=now - datetime.timedelta(days=1),
            deadline=now + datetime.timedelta(days=days),
        )
        call.save_revision().publish()
        made.append(call)
    return made


def titles(body: dict) -> list[str]:
    return [item["title"] for item in body["data"]["calls"]["items"]]


def test_pages_follow_the_asked_order_without_gaps_or_repeats(graphql, calls) -> None:
    by_deadline = [titles(graphql(PAGE, {"page": page})) for page in (1, 2, 3)]
    by_title = [titles(graphql(PAGE, {"page": page, "order": "TITLE"})) for page in (1, 2, 3)]

    assert by_deadline == [["Echo", "Delta"], ["Charlie", "Bravo"], ["Alpha"]]
    assert by_title == [["Alpha", "Bravo"], ["Charlie", "Delta"], ["Echo"]]


def test_pagination_describes_the_page(graphql, calls) -> None:
    last = graphql(PAGE, {"page": 3})["data"]["calls"]
    beyond = graphql(PAGE, {"page": 4})["data"]["calls"]

    assert last["pagination"] == {
        "total": 5,
        "count": 1,
        "perPage": 2,
        "currentPage": 3,
        "totalPages": 3,
    }
    assert beyond == {
        "items": [],
        "pagination": {"total": 5, "count": 0, "perPage": 2, "currentPage": 4, "totalPages": 3},
    }


def test_a_page_mixes_translations_and_fallbacks_in_order(
    graphql, calls, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        translate(calls[0].get_parent().specific, "sl")
        translate(calls[1], "sl", {"Delta": "Delta (sl)"})

    first = graphql(PAGE, {"page": 1, "locale": "sl"})["data"]["calls"]["items"]

    assert first == [{"title": "Echo", "locale": "en"}, {"title": "Delta (sl)", "locale": "sl"}]


@pytest.mark.parametrize("order", ["START", "START_DESC"])
def test_items_without_the_sorted_value_come_last_in_both_directions(
    graphql, home: Page, order: str
) -> None:
    from pages.projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    index = ProjectIndexPageFactory(parent=home)
    for title, start in [
        ("Undated", None),
        ("Earlier", datetime.date(2017, 1, 1)),
        ("Later", datetime.date(2019, 1, 1)),
    ]:
        ProjectPageFactory(parent=index, title=title, start_date=start).save_revision().publish()

    body = graphql(
        "query ($order: ProjectOrder) { projects(order: $order) { items { title } } }",
        {"order": order},
    )

    dated = ["Earlier", "Later"] if order == "START" else ["Later", "Earlier"]
    assert [item["title"] for item in body["data"]["projects"]["items"]] == [*dated, "Undated"]
