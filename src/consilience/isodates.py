"""ISO 8601 dates and date-times read once, for every stage.

Article metadata, datelines and stored values carry dates as ISO strings at different
precisions ("2024", "2024-05", "2024-05-03", "2024-05-03T09:30:00Z"). Three questions are
asked of them, each answered here and nowhere else:

- `parse_iso`: the calendar day of a value that names one (date or date-time), else None;
- `parse_iso_moment`: the date-time of a value (a bare date is its midnight), keeping its zone;
- `iso_start_day`: the first day of a value at any precision ("2024" is 1 January, "2024-W18"
  the Monday of that week), for placing coarse values on a time axis.

None is returned for anything unreadable: dates come from untrusted input, so a bad one is a
missing one, never an exception.
"""

from __future__ import annotations

from datetime import date, datetime

from dateutil.parser import isoparse

__all__ = ["iso_start_day", "parse_iso", "parse_iso_moment"]

_DAY_LENGTH = len("YYYY-MM-DD")


def parse_iso(value: str | None) -> date | None:
    """The calendar day `value` starts with ("2024-05-03" or "2024-05-03T23:30:00-05:00" both
    give 3 May: the day as written, not moved to UTC); None when it names no day ("2024-05",
    "2024-13-01", "", None)."""
    if not value or len(value) < _DAY_LENGTH:
        return None
    try:
        return date.fromisoformat(value[:_DAY_LENGTH])
    except ValueError:
        return None


def parse_iso_moment(value: str | None) -> datetime | None:
    """The date-time `value` names, with its zone when it has one ("Z" is UTC) and naive
    otherwise; a bare date is its midnight. None when unreadable."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def iso_start_day(value: str | None) -> date | None:
    """The day an ISO value at any precision starts on: "2024" is 1 January, "2024-05" the 1st
    of May, "2024-W18" the Monday of that week, a date-time its own calendar day (not moved to
    UTC). None for anything else ("next week", "2024-13")."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        return isoparse(text).date()
    except (ValueError, OverflowError, IndexError):
        pass
    return parse_iso(text)
