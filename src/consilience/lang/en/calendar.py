"""Names of months and weekdays, with their abbreviations, and other words of dates and
times that say nothing about what a text is about."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

MONTHS: Final[Mapping[str, int]] = MappingProxyType({
    name: number for number, names in enumerate((
        ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
        ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
        ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1)
    for name in names})
"""Month name or abbreviation (lower case) -> month number, 1 to 12."""

MONTH_ABBREVIATIONS: Final = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                                        "sept", "oct", "nov", "dec"})
"""The abbreviated month names of MONTHS ("may" is a full name)."""
MONTH_NAMES: Final = tuple(sorted(MONTHS, key=lambda name: (-len(name), name)))
"""Every month name and abbreviation, longest first: ready for a regular-expression
alternation ("September" before "Sept" before "Sep")."""

WEEKDAYS: Final[Mapping[str, int]] = MappingProxyType({
    name: number for number, names in enumerate((
        ("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "wednesday"),
        ("thu", "thur", "thurs", "thursday"), ("fri", "friday"), ("sat", "saturday"),
        ("sun", "sunday")), start=0)
    for name in names})
"""Weekday name or abbreviation (lower case) -> weekday number, Monday 0 to Sunday 6."""

TIME_WORDS: Final = frozenset({
    "am", "pm", "gmt", "utc", "edt", "est", "pdt", "pst", "cet", "cest", "bst", "update",
    "updated",
})
"""Words of clock times, time zones and update stamps ("9 am EDT", "Updated")."""

CALENDAR_WORDS: Final = frozenset(MONTHS) | frozenset(WEEKDAYS) | TIME_WORDS
"""Every word of a date or time stamp: what two texts sharing it do not share in content."""
