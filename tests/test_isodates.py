"""ISO dates read once: the day a value names, its date-time, the first day of a coarse value."""

from __future__ import annotations

from datetime import UTC, date, datetime

from consilience.isodates import iso_start_day, parse_iso, parse_iso_moment


def test_parse_iso_is_the_calendar_day_as_written():
    assert parse_iso("2024-05-03") == date(2024, 5, 3)
    assert parse_iso("2024-05-03T23:30:00-05:00") == date(2024, 5, 3)


def test_parse_iso_is_none_without_a_whole_day():
    for value in (None, "", "2024", "2024-05", "2024-13-01", "next week"):
        assert parse_iso(value) is None


def test_parse_iso_moment_keeps_the_zone_and_reads_z_as_utc():
    assert parse_iso_moment("2024-05-03T09:30:00Z") == datetime(2024, 5, 3, 9, 30, tzinfo=UTC)
    assert parse_iso_moment("2024-05-03") == datetime(2024, 5, 3)
    assert parse_iso_moment("yesterday") is None and parse_iso_moment(None) is None


def test_iso_start_day_places_coarse_values():
    assert iso_start_day("2024") == date(2024, 1, 1)
    assert iso_start_day("2024-05") == date(2024, 5, 1)
    assert iso_start_day("2024-W18") == date(2024, 4, 29)
    assert iso_start_day("2024-13") is None and iso_start_day(" ") is None
