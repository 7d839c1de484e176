"""The span grammar of temporal expressions: where the tagger's one span holds several
expressions ("April 24 and 25", "between 1985 and 1987", "Sept. 14 to Thursday", "1994, 1995
and 1997", "the first nine months of 1997", "more than four hours Friday"), its parts, each
with the text it is normalised from ("25" of "April 24 and 25" is "April 25").

One date stays one span: "Saturday, April 25" (a weekday and its date), "April 25, 1990"
and "June, 1990" (a day or month and its year), "June 21-22" (a range written in digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..lang.en.calendar import MONTH_NAMES, WEEKDAYS
from ..lang.en.holidays import EASTER_HOLIDAYS, FIXED_HOLIDAYS, NAMED_ONLY, WEEKDAY_HOLIDAYS

_MONTH = r"(?:" + "|".join(re.escape(name) for name in MONTH_NAMES) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_HOLIDAY_NAMES = r"(?:" + "|".join(
    re.escape(name).replace("'", "['\u2019]?") for name in sorted(
        {*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS}, key=len, reverse=True)) + r")"


def _capitalised(name: str) -> set[str]:
    """A name as a text capitalises it ("Thanksgiving Day", "Fourth of July", "D-Day")."""
    words = [word if word in ("of", "de") else word[:1].upper() + word[1:]
             for word in name.split()]
    written = " ".join(words)
    return {written, re.sub(r"-(\w)", lambda match: "-" + match.group(1).upper(), written)}


NAMED_DAY = re.compile(r"(?<![\w/-])(?:" + "|".join(
    re.escape(form).replace("'", "['\u2019]?") for form in sorted(
        {form for name in (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS, *NAMED_ONLY)
         for form in _capitalised(name)}, key=len, reverse=True)) + r")(?![\w/-])")
"""A holiday or a historic day by its name, capitalised as a name ("Thanksgiving Day",
"Easter", "9/11"), which the tagger does not always label."""
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in (
        ("year", rf"{_YEAR}"),
        ("month_day", rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+"
                      rf"(?:of\s+)?{_MONTH}"),
        ("month", rf"{_MONTH}(?:\s+(?:of\s+)?{_YEAR})?|{_MONTH}['\u2019]s"),
        ("weekday", rf"(?:last\s+|next\s+|this\s+)?{_WEEKDAY}(?:['\u2019]s)?"),
        ("day_word", r"today|yesterday|tomorrow"),
        ("holiday", _HOLIDAY_NAMES),
        ("day_number", r"\d{1,2}(?:st|nd|rd|th)?"),
    ))
"""What one part of a list or range may be, each in full."""
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through|thru|until|till)\s+",
                        re.IGNORECASE)
_LEADING = re.compile(r"^(?:between|from)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"(?:\s*,|\s+(?:and|or))+$", re.IGNORECASE)
"""A list the tagger cut before its last item ("1994, 1995 and")."""
_PERIOD_OF = re.compile(
    r"^(?P<period>(?:the\s+)?(?:first|last|past|next|final)\s+\S+\s+(?:days|weeks|months|"
    r"years|quarters))\s+of\s+(?P<date>(?:the\s+year|" + _YEAR + r"))$", re.IGNORECASE)
""""the first nine months of 1997": a length of time and the year it lies in."""
_LENGTH_THEN_DAY = re.compile(
    r"^(?P<period>.*\b(?:seconds?|minutes?|hours?|days?|weeks?))\s+(?P<date>(?:on\s+)?"
    r"(?:" + _WEEKDAY + r"|today|yesterday|tomorrow))$", re.IGNORECASE)
""""more than four hours Friday": a length of time and the day it was spent."""
_DAY_THEN_LENGTH = re.compile(
    r"^(?P<date>" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*" + _YEAR + r")?),\s+"
    r"(?P<period>(?:about\s+|nearly\s+|some\s+|almost\s+)?(?:\w+|\d+)\s+(?:days?|weeks?|"
    r"months?|years?|hours?))$", re.IGNORECASE)
""""June 17, two days (after ...)": a day and a length of time."""


@dataclass(frozen=True, slots=True)
class Part:
    """One expression of a span: where it lies and the text to normalise it from."""

    span: Span
    text: str


def _kind(text: str) -> str | None:
    for kind, pattern in _KINDS:
        if pattern.fullmatch(text):
            return kind
    return None


def _pieces(text: str) -> list[tuple[int, int]]:
    """[start, end) of each piece of `text` between list and range separators."""
    pieces, start = [], 0
    for match in _SEPARATOR.finditer(text):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    return [(start, end) for start, end in pieces if end > start]


def _one_date(first: str, second: str, between: str) -> bool:
    """Two pieces that write one date: "Saturday, April 25", "April 25, 1990"."""
    if "," not in between or between.strip(" ,"):
        return False
    return (first == "weekday" and second in ("month_day", "month")) or \
        (first in ("month_day", "month") and second == "year")


def _list_parts(doc: Doc, span: Span) -> list[Part] | None:
    text = _TRAILING.sub("", span.text)
    leading = _LEADING.match(text)
    offset = leading.end() if leading else 0
    pieces = [(offset + start, offset + end) for start, end in _pieces(text[offset:])]
    if len(pieces) < 2:
        return None
    kinds = [_kind(text[start:end]) for start, end in pieces]
    if None in kinds:
        return None
    groups: list[list[int]] = [[0]]  # pieces joined into one date
    for index in range(1, len(pieces)):
        between = text[pieces[index - 1][1]:pieces[index][0]]
        if _one_date(kinds[groups[-1][-1]], kinds[index], between) and len(groups[-1]) == 1:
            groups[-1].append(index)
        else:
            groups.append([index])
    if len(groups) < 2:
        return None
    parts: list[Part] = []
    previous_month: str | None = None
    for group in groups:
        start, end = pieces[group[0]][0], pieces[group[-1]][1]
        if re.search(r"['\u2019]s$", text[start:end]):
            end -= 2  # "December's figures": the month
        piece = text[start:end]
        kind = kinds[group[0]]
        normalised = piece
        if kind == "day_number":
            if previous_month is None:
                return None  # "4 and 5" of something else
            normalised = f"{previous_month} {piece}"
        elif kind == "month_day":
            previous_month = re.search(_MONTH, piece, re.IGNORECASE).group()  # type: ignore[union-attr]
        part = doc.char_span(span.start_char + start, span.start_char + end,
                             label=span.label_, alignment_mode="contract")
        if part is None or not len(part):
            return None
        parts.append(Part(part, normalised))
    return parts


def _two_parts(doc: Doc, span: Span, pattern: re.Pattern[str]) -> list[Part] | None:
    match = pattern.match(span.text)
    if match is None:
        return None
    parts = []
    for group in sorted(("period", "date"), key=match.start):
        part = doc.char_span(span.start_char + match.start(group),
                             span.start_char + match.end(group), label=span.label_,
                             alignment_mode="contract")
        if part is None or not len(part):
            return None
        parts.append(Part(part, part.text))
    return parts


def span_parts(doc: Doc, span: Span) -> list[Part]:
    """The expressions one tagged span holds, in text order (the span itself when it holds
    one)."""
    return (_list_parts(doc, span) or _two_parts(doc, span, _PERIOD_OF) or
            _two_parts(doc, span, _LENGTH_THEN_DAY) or _two_parts(doc, span, _DAY_THEN_LENGTH)
            or [Part(span, span.text)])
