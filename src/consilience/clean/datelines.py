"""Recognise a line that only states when an article was published or updated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as date_parser

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DATE = re.compile(
    rf"""(?ix)
    (?P<date>
        \d{{4}}-\d{{2}}-\d{{2}}(?:[T\s]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?
      | {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
      | \d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}
      | \d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}
      | \d{{1,2}}/\d{{1,2}}/\d{{2}}\b
      | {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?
    )"""
)
_TIME = re.compile(r"(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?")
_FILLER = re.compile(
    rf"""(?ix)^(?:
        published|updated?|posted|last\s+updated|last\s+modified|modified|date|dated|first\s+published
      | released?|filed|issued|created
      | on|at|the|by|and|\|| - |[-–—,:;()\[\]|/•·]|{_WEEKDAY}
      | gmt|utc|et|pt|ct|mt|[a-z]{{1,2}}[sd]t|ist|jst|cet|cest|bst|hkt|sgt|[+-]\d{{2}}:?\d{{2}}
    )$"""
)
_UPDATED = re.compile(r"(?i)\b(updated?|modified)\b")
_LABEL = re.compile(r"(?i)\b(published|updated?|posted|modified|released?|filed|issued)\b")
# Zones that name one offset; "EST" or "IST" are left out, as they are ambiguous.
_ZONE = re.compile(r"(?<![\w:])(?:[+-]\d{2}:?\d{2}|GMT|UTC|Z)\b")
_SHORT_YEAR = re.compile(r"^(\d{1,2}/\d{1,2}/)(\d{2})$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A date-only line: `value` is ISO 8601 (None when the year is missing)."""

    value: str | None
    updated: bool


def _iso(date_text: str, time_text: str | None) -> str | None:
    short_year = _SHORT_YEAR.match(date_text)
    if short_year:  # 12/16/08: month first, as on the US sites that write the year short
        date_text = f"{short_year.group(1)}20{short_year.group(2)}"
    if not re.search(r"\d{4}", date_text):
        return None
    try:
        parsed = date_parser.parse(f"{date_text} {time_text or ''}".strip(),
                                   default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    return _format(parsed, with_time=bool(time_text or "T" in date_text or ":" in date_text))


def _format(parsed: datetime, with_time: bool) -> str:
    """ISO 8601 as the output schema has it: a four-digit year (strftime writes the year 999
    as "999"), minutes, and a zone of whole minutes."""
    day = f"{parsed.year:04d}-{parsed.month:02d}-{parsed.day:02d}"
    if parsed.tzinfo is None and not with_time:
        return day
    stamp = f"{day}T{parsed.hour:02d}:{parsed.minute:02d}"
    offset = parsed.utcoffset()
    if offset is None:
        return stamp
    minutes = round(offset.total_seconds() / 60)
    if minutes == 0:
        return stamp + "Z"
    sign = "+" if minutes > 0 else "-"
    return f"{stamp}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _valid(value: str) -> bool:
    """A date given as 2025, 2025-06 or 2025-06-21 that exists (not 2025-02-30 or 2025-13)."""
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _only_filler(rest: str) -> bool:
    leftover = [token for token in re.split(r"\s+|(?<=[,|:])|(?=[,|:])", rest) if token]
    return all(_FILLER.match(token) for token in leftover)


def _time_only(text: str) -> Dateline | None:
    """'Updated at 11:45 p.m. ET': a labelled time stamp without a date."""
    time_match = _TIME.search(text)
    if time_match is None or _LABEL.search(text) is None:
        return None
    rest = text[: time_match.start()] + " " + text[time_match.end():]
    if not _only_filler(rest):
        return None
    return Dateline(None, updated=bool(_UPDATED.search(text)))


def parse_dateline(text: str) -> Dateline | None:
    """The date of a line that says nothing but a date (and time, labels, zone), else None."""
    if len(text) > 80:
        return None
    date_match = _DATE.search(text)
    if date_match is None:
        return _time_only(text)
    time_match = _TIME.search(text[: date_match.start()] + " " * len(date_match.group(0))
                              + text[date_match.end():])
    rest = text[: date_match.start()] + " " + text[date_match.end():]
    if time_match is not None:
        rest = _TIME.sub(" ", rest, count=1)
    zone = _ZONE.search(rest) if time_match else None
    if not _only_filler(_ZONE.sub(" ", rest)):
        return None
    time_text = time_match.group(0) if time_match else None
    if time_text and zone:
        time_text = f"{time_text} {zone.group(0)}"
    return Dateline(_iso(date_match.group("date"), time_text),
                    updated=bool(_UPDATED.search(text)))


def normalise_date(value: str | None) -> str | None:
    """A metadata date in any common form as ISO 8601 (date, or date and time), else None."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value if _valid(value) else None
    dateline = parse_dateline(value)
    if dateline is not None and dateline.value is not None:
        return dateline.value
    try:
        parsed = date_parser.parse(value, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1900:
        return None
    return _format(parsed, with_time=True)
