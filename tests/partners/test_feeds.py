"""Calendar, news and sitemap feeds over the demo content, parsed as their readers parse them."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

import pytest
from icalendar import Calendar

from django.test import Client

from wagtail.models import Page

from cms.frontend import frontend_url
from cms.graphql.visibility import public_pages

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def events(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_feeds_spend_the_uncached_budget(client: Client, db: None, settings: Any) -> None:
    settings.CMS_RATE_LIMITS = {
        "anonymous": {"uncached": "1/minute", "requests": "100/minute"},
        "key": {"uncached": "", "requests": ""},
    }
    assert client.get("/feeds/conferences.ics")["RateLimit-Policy"]
    refused = client.get("/feeds/conferences.ics")
    assert refused.status_code == 429
    assert refused["Retry-After"]


def test_sitemap_through_graphql(graphql: Any, home_pages: dict[str, Page]) -> None:
    query = (
        "query($l: String) { sitemap(locale: $l) "
        "{ url locale lastmod alternates { hreflang url } } }"
    )
    entries = graphql(query, {"l": "sl"})["data"]["sitemap"]
    home = frontend_url(home_pages["sl"])
    assert home is not None
    (entry,) = [entry for entry in entries if entry["url"] == home]
    assert entry["locale"] == "sl"
    hreflangs = {alternate["hreflang"]: alternate["url"] for alternate in entry["alternates"]}
    assert hreflangs["x-default"] == hreflangs["en"] == frontend_url(home_pages["en"])
    assert {"en", "sl", "sv"} <= set(hreflangs)
    assert graphql(query, {"l": "xx"})["errors"][0]["message"].startswith("Argument 'locale'")


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_content")
@pytest.mark.xdist_group("feeds_over_the_demo")
class TestOverTheDemo:
    """The feeds of one load of the demo content (each test in its own savepoint)."""

    def test_feeds_over_the_demo(self, client: Client, settings: Any) -> None:
        # Calls: the 2021 conference call's deadline, in Ljubljana time, in Slovenian.
        response = client.get("/feeds/calls.ics", {"locale": "sl"})
        assert "public" in response["Cache-Control"] and response["ETag"]
        calendar = Calendar.from_ical(response.content)
        assert {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")} >= {"Europe/Ljubljana"}
        found = events(response)
        deadlines = {
            str(event["SUMMARY"]): event for uid, event in found.items() if "call-deadline" in uid
        }
        conference_call = deadlines["Rok: Prijave: konferenca Prostovoljstvo in solidarnost 2021"]
        start = conference_call.decoded("DTSTART")
        assert (start.year, start.month, start.day, start.hour, start.minute) == (
            2021,
            4,
            16,
            23,
            59,
        )
        assert str(start.tzinfo) == "Europe/Ljubljana"
        assert conference_call["DTSTART"].params["TZID"] == "Europe/Ljubljana"
        assert "locale=sl" in str(conference_call["URL"])
        assert int(conference_call["SEQUENCE"]) > 0
        assert all(uid.endswith("@testserver") and "-sl@" in uid for uid in found)

        # Filters as in GraphQL: only open calls, only calls open to a country.
        open_calls = events(client.get("/feeds/calls.ics", {"status": "OPEN"}))
        assert open_calls and len(open_calls) < len(events(client.get("/feeds/calls.ics")))
        assert events(client.get("/feeds/calls.ics", {"eligibleCountry": "XK"}))
        assert client.get("/feeds/calls.ics", {"status": "SOON"}).status_code == 400
        assert client.get("/feeds/calls.ics", {"eligibleCountry": "Slovenia"}).status_code == 400
        assert client.get("/feeds/calls.ics", {"locale": "xx"}).status_code == 400

        # Conferences: start and end in the conference's zone.
        conferences = events(client.get("/feeds/conferences.ics", {"locale": "en"}))
        assert conferences
        for event in conferences.values():
            assert event.decoded("DTEND") > event.decoded("DTSTART")
            assert "TZID" in event["DTSTART"].params
        assert client.get("/feeds/conferences.ics", {"upcoming": "maybe"}).status_code == 400

        # News: an Atom document per language.
        atom = client.get("/feeds/news.atom", {"locale": "sl"})
        assert atom.status_code == 200 and "atom" in atom["Content-Type"]
        document = ElementTree.fromstring(atom.content)  # noqa: S314 (our own output)
        entries = document.findall("a:entry", ATOM)
        assert entries
        links = [link.get("href") for e in entries for link in e.findall("a:link", ATOM)]
        assert len(links) == len(entries), atom.content.decode()[:3000]
        assert all("locale=sl" in link for link in links)

        # Sitemap: every public page with a frontend address, with its translations.
        sitemap = client.get("/sitemap.xml")
        assert sitemap.status_code == 200
        root = ElementTree.fromstring(sitemap.content)  # noqa: S314 (our own output)
        locs = {url.findtext("s:loc", namespaces=NS): url for url in root.findall("s:url", NS)}
        expected = {url for page in public_pages(Page.objects.all()) if (url := frontend_url(page))}
        assert set(locs) == expected
        with_alternates = [url for url in locs.values() if url.findall("x:link", NS)]
        assert with_alternates
        for url in with_alternates:
            hreflangs = {link.get("hreflang") for link in url.findall("x:link", NS)}
            assert "x-default" in hreflangs and settings.LANGUAGE_CODE in hreflangs
        assert (
            sum(1 for url in locs.values() if url.findtext("s:lastmod", namespaces=NS))
            > len(locs) // 2
        )

    def test_sequence_rises_when_a_call_changes(self, client: Client) -> None:
        from pages.calls.models import CallPage

        def deadline_sequence(call: CallPage) -> int:
            found = events(client.get("/feeds/calls.ics"))
            return int(
                next(
                    e["SEQUENCE"]
                    for uid, e in found.items()
                    if str(call.translation_key) in uid and "deadline" in uid
                )
            )

        call = CallPage.objects.live().filter(locale__language_code="en").first()
        before = deadline_sequence(call)
        call.save_revision().publish()
        assert deadline_sequence(call) > before

    def test_calendar_filters_match_the_graphql_lists(self, client: Client, graphql: Any) -> None:
        every_call = events(client.get("/feeds/calls.ics"))
        listed = graphql(
            "{ calls(perPage: 100) { items { slug opensAt deadline programme { slug } } } }"
        )
        items = listed["data"]["calls"]["items"]
        programme = next(item["programme"]["slug"] for item in items if item["programme"])
        by_programme = events(client.get("/feeds/calls.ics", {"programme": programme}))
        in_programme = [i for i in items if i["programme"] and i["programme"]["slug"] == programme]
        assert len(by_programme) == sum(
            bool(i["opensAt"]) + bool(i["deadline"]) for i in in_programme
        )
        assert not events(client.get("/feeds/calls.ics", {"programme": "no-such-programme"}))
        deadlines = sorted(item["deadline"][:10] for item in items if item["deadline"])
        middle = deadlines[len(deadlines) // 2]
        after = events(client.get("/feeds/calls.ics", {"deadlineAfter": middle}))
        before = events(client.get("/feeds/calls.ics", {"deadlineBefore": middle}))
        assert after and before and len(after) < len(every_call) and len(before) < len(every_call)
        for found in after.values():
            if "call-deadline" in str(found["UID"]):
                assert found.decoded("DTSTART").date().isoformat() >= middle
        assert client.get("/feeds/calls.ics", {"deadlineAfter": "soon"}).status_code == 400

        every_conference = events(client.get("/feeds/conferences.ics"))
        upcoming = events(client.get("/feeds/conferences.ics", {"upcoming": "true"}))
        over = events(client.get("/feeds/conferences.ics", {"upcoming": "false"}))
        assert set(upcoming) | set(over) == set(every_conference)
        assert not set(upcoming) & set(over)
        assert not events(client.get("/feeds/conferences.ics", {"eligibleCountry": "US"}))
        assert events(client.get("/feeds/conferences.ics", {"eligibleCountry": "SI"}))
        assert (
            client.get("/feeds/conferences.ics", {"eligibleCountry": "Slovenia"}).status_code == 400
        )


def test_a_feed_served_without_feed_view_is_refused() -> None:
    # feed_view applies API keys and rate limits; a bare view would be an open door.
    from django.core.exceptions import ImproperlyConfigured
    from django.http import HttpResponse
    from django.urls import path

    from wagtail import hooks

    from cms.partners.feeds import FEEDS_HOOK, feed_urlpatterns

    def bare(request: Any) -> HttpResponse:
        return HttpResponse("BEGIN:VCALENDAR")

    with (
        hooks.register_temporarily(FEEDS_HOOK, lambda: [path("bare.ics", bare)]),
        pytest.raises(ImproperlyConfigured, match="feed_view"),
    ):
        feed_urlpatterns()
