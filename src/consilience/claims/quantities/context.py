"""What the characters around a number say it is not: a date, a year, a time, a name, a list
marker, an address, or part of a URL, e-mail address or phone number.

Decisions:

* Years are skipped: a bare four-digit 1800-2100 figure without a unit, scale or currency
  ("in 1951", "fiscal year 2027", and also "2000 troops"). So are day numbers next to a month
  ("July 1", "1st of July", "June 24-25"), times ("10:30", "3 pm"), numbers that name
  something ("Article 5", "Boeing 737", "G7"), list numbering ("1. ") and street numbers.
* These checks read the raw text: the product's extractor works without a parse. A reader
  that lets spaCy's DATE and TIME entities decide was measured and not kept
  (`benchmarks/quantities_from_doc.py`, `benchmarks/quantities.py`).

Every check reads a bounded slice around the number, so its cost does not grow with the text.
"""

from __future__ import annotations

import re

from ...lang.en.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES
from ...lang.en.numbers import ISO_CURRENCY_CODES
from ...lang.en.quantity_words import (
    NAME_PREFIXES,
)
from .candidate import Candidate
from .figures import SPACE

_MONTHS = "|".join(name.capitalize() for name in MONTH_NAMES)
_NOT_ACRONYMS = frozenset(ISO_CURRENCY_CODES) | frozenset(
    name.upper() for name in MONTH_ABBREVIATIONS | {"may"}) | frozenset({"I", "A", "RS"})
"""Upper-case words that are not the name of a model or a series before a figure."""

TIME_SUFFIX = re.compile(
    SPACE + r"?(?:[ap]\.m\.|(?:am|pm|GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT|JST|IST"
    r"|AD|BC|BCE|CE)(?![A-Za-z0-9])|o'clock|(?i:local" + SPACE + r"time))"
)
"""A clock time or era after a figure ("3 pm", "10 GMT", "300 BC")."""
MONTH_BEFORE = re.compile(r"(?<![A-Za-z])(?:" + _MONTHS + r")\.?,?" + SPACE + r"+(?:the"
                          + SPACE + r"+)?\Z")
"""A month name right before a day number ("July 1", "June the 3")."""
MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?" + SPACE + r"*(?:of" + SPACE + r"+)?(?:" + _MONTHS
                         + r")(?![a-z])")
"""A month name right after a day number ("1 July", "3rd of June")."""
ADDRESS_AFTER = re.compile(
    SPACE + r"+(?:[A-Z][a-z]+" + SPACE + r"+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard"
    r"|Lane|Drive|Place|Square)\b"
)
"""A street name after a house number ("10 Downing Street")."""
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z][A-Za-z&.]*)" + SPACE + r"\Z")
_PHONE = re.compile(
    r"\+[0-9]{1,3}(?:[ .-]?\(?[0-9]{1,4}\)?){2,6}|\([0-9]{3}\)" + SPACE + r"?[0-9]{3}[-. ][0-9]{4}"
)
_NON_SPACE = re.compile(r"\S+")


def previous_word(text: str, position: int) -> str:
    """The word right before `position` (one space between), or ""."""
    match = _WORD_BEFORE.search(text[max(0, position - 16):position])
    return match.group("w") if match else ""


def sentence_initial(text: str, position: int) -> bool:
    """Whether only quotes, brackets or spaces lie between `position` and a sentence start."""
    index = position - 1
    floor = max(0, position - 10)
    while index >= floor and text[index] in " \t\u00a0\"'“‘([":
        index -= 1
    return index < 0 or text[index] in ".!?:\n" or index < floor


def is_list_number(text: str, start: int, end: int) -> bool:
    """A list marker: a figure alone at the start of a line followed by "." or ")"."""
    index = start - 1
    while index >= 0 and index >= start - 8 and text[index] in " \t(":
        index -= 1
    at_line_start = index < 0 or text[index] == "\n"
    return at_line_start and text[end:end + 2] in (". ", ") ", ".\t", ")\t")


def name_before(text: str, position: int) -> bool:
    """A figure that names something: "Article 5", "Boeing 737", "COP 28"."""
    word = previous_word(text, position)
    if not word:
        return False
    bare = word.rstrip(".")
    if bare.lower() in NAME_PREFIXES and (bare[0].isupper() or bare.lower() in ("no", "nos")):
        return True
    return bare.isupper() and 1 <= len(bare) <= 5 and bare.isalpha() and (
        bare not in _NOT_ACRONYMS)


def next_to_month(text: str, start: int, end: int) -> bool:
    """Whether a month name stands right before `start` or right after `end`."""
    return bool(MONTH_BEFORE.search(text[max(0, start - 16):start])
                or MONTH_AFTER.match(text[end:end + 24]))


def date_or_year(text: str, candidate: Candidate) -> str:
    """"date" for a day number next to a month, "year" for a bare year, else ""."""
    value = candidate.base
    plain = candidate.kind in ("count", "ordinal") and candidate.currency is None
    if not plain or candidate.scaled or value != int(value):
        return ""
    if (1 <= value <= 31 and "." not in candidate.plain and "," not in candidate.plain
            and next_to_month(text, candidate.start, candidate.core_end)):
        return "date"
    if (candidate.kind == "count" and len(candidate.plain) == 4 and candidate.plain.isdigit()
            and 1800 <= value <= 2100):
        return "year"
    return ""


def masked(text: str) -> list[int]:
    """Prefix counts of characters inside URLs, e-mail addresses, handles and phone numbers
    (empty when there are none): a number is masked when the count grows across it."""
    spans: list[tuple[int, int]] = []
    for match in _NON_SPACE.finditer(text):
        token = match.group()
        if "@" in token or "://" in token or token.startswith(("www.", "#")):
            spans.append(match.span())
    spans.extend(match.span() for match in _PHONE.finditer(text))
    if not spans:
        return []
    marks = bytearray(len(text) + 1)
    for first, last in spans:
        marks[first:last] = b"\x01" * (last - first)
    counts = [0] * (len(text) + 1)
    running = 0
    for index, mark in enumerate(marks[:-1]):
        running += mark
        counts[index + 1] = running
    return counts
