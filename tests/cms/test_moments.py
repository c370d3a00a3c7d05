"""Moments in the admin: the reader's language, the event's own time zone, never English."""

import datetime
import zoneinfo

import pytest

from django.utils import translation

from cms.moments import format_moment, relative_moment, time_until

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
# 31 December 2026, 12:00 in Brussels (winter time: CET, UTC+1).
NOON = datetime.datetime(2026, 12, 31, 11, 0, tzinfo=datetime.UTC)
NOW = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "31 Dec 2026, 12:00 CET"),
        ("sl", "31. dec. 2026, 12:00 CET"),
        ("sv", "31 dec 2026 kl. 12:00 CET"),
    ],
)
def test_a_moment_is_written_in_the_readers_language_and_the_events_time_zone(
    language: str, expected: str
) -> None:
    with translation.override(language):
        assert format_moment(NOON, BRUSSELS) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "4\xa0weeks, 2\xa0days"),
        ("sl", "4\xa0tedne, 2\xa0dneva"),
        ("sv", "4\xa0veckor, 2\xa0dagar"),
    ],
)
def test_the_time_left_is_wholly_in_the_readers_language(language: str, expected: str) -> None:
    with translation.override(language):
        assert time_until(NOON, NOW) == expected


@pytest.mark.parametrize(
    ("language", "future", "past"),
    [
        ("en", "in 4\xa0weeks", "1\xa0hour ago"),
        ("sl", "čez 4\xa0tedne", "1\xa0uro nazaj"),
        ("sv", "om 4\xa0veckor", "för 1\xa0timme sedan"),
    ],
)
def test_a_moment_says_how_far_off_it_is_forwards_and_backwards(
    language: str, future: str, past: str
) -> None:
    with translation.override(language):
        assert relative_moment(NOON, NOW) == future
        assert relative_moment(NOW - datetime.timedelta(minutes=70), NOW) == past
