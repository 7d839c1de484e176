"""Every temporal expression of an article as TIMEX3 reads it: its type (date, time,
duration, set) and its normalised value ("2019-02", "2013-06-28", "2013-06-28T14:00",
"2016-W40", "1999-Q3", "P3W", "XXXX-WXX-7", "PAST_REF"), with the anchor it was resolved
against.

Dates are placed by `normalise` with the tense of their clause (`expressions`); this module
types each expression and writes its value the way TimeML does: a week or a weekend as an
ISO week, a quarter as "Qn", a decade as its first three digits, a time of day after its date
("T14:00", "TAF" for the afternoon), a length of time as a period ("P3W", "PXY" when the count
is vague), a recurrence as its period or its weekday, and what points only at the past,
present or future as a reference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Doc, Span

from ..dates.normalise import (
    anaphoric_unit,
    historic_day,
    is_anaphoric,
    normalise_expression,
)
from ..dates.values import TimeValue
from ..lang.en.calendar import WEEKDAYS
from ..lang.en.numbers import TENS_WORDS, UNIT_AND_TEEN_WORDS
from ..models import Article, TemporalExpression
from ..models import Span as TextSpan
from ..syntax import doc_text
from .expressions import candidate_spans, clause_tense, following, last_day
from .published import published_anchor
from .spans import NAMED_DAY, Part, span_parts

TimexType = Literal["date", "time", "duration", "set"]


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression at [start, end) of the article text."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str | None  # TIMEX3 style; None when it cannot be resolved
    precision: str | None  # year, quarter, season, month, week, day, time, reference;
    # None for a duration or a set
    anchor: str | None  # the ISO date the value was resolved against


_UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D",
               "week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE",
               "century": "CE", "quarter": "Q"}
_SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
_WEEK_WORD = re.compile(r"\bweek(?:end)?s?\b", re.IGNORECASE)
_CLOCK_UNITS = frozenset({"second", "minute", "hour"})
_COUNT_WORDS = {"a": 1, "an": 1, **UNIT_AND_TEEN_WORDS, **TENS_WORDS, "a couple of": 2,
                "couple of": 2, "hundred": 100, "half a": 0.5}
_UNITS = r"(?P<unit>second|minute|hour|day|night|week|weekend|month|year|decade|century|quarter)"
_SPELLED_COUNT = (r"(?:" + "|".join(TENS_WORDS) + r")[\s-](?:" + "|".join(
    word for word, value in UNIT_AND_TEEN_WORDS.items() if value < 10) + r")|" +
    "|".join(sorted((*UNIT_AND_TEEN_WORDS, *TENS_WORDS), key=len, reverse=True)))
"""A count in words: "twenty-four" before "twenty", "fourteen" before "four"."""
_DURATION = re.compile(
    r"\b(?P<count>" + _SPELLED_COUNT + r"|\d+(?:\.\d+)?|a couple of|couple of|half an?|an?|"
    r"hundred|several|a few|few|some|many|more than|nearly|almost|about)?(?:[\s-]+(?:more|"
    r"full|straight|consecutive|long))?[\s-]*" + _UNITS + r"(?:e?s)?\b"
    r"(?P<after>\s+(?:ago|earlier|before|later|after|from now|hence))?", re.IGNORECASE)
_YEAR_NUMBER = re.compile(r"1[5-9]\d\d|20\d\d")
_QUARTER_WORDS = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|"
                            r"half)\b", re.IGNORECASE)
_CENTURIES = re.compile(r"\bcenturies\b", re.IGNORECASE)
_LOCATING = re.compile(r"\b(?:last|this|next|coming|previous|current|past|that|same)\s+"
                       r"(?:day|week|weekend|month|year|quarter|decade|century)\b(?!s)",
                       re.IGNORECASE)
_SET = re.compile(
    r"\b(?:(?P<every>every|each|per|a)\s+(?:(?P<other>other|second)\s+)?(?P<unit>day|night|"
    r"week|month|year|quarter|morning|afternoon|evening|hour|minute|(?P<weekday>monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday))|(?P<adverb>daily|nightly|weekly|"
    r"monthly|quarterly|annually|annual|yearly|hourly))\b", re.IGNORECASE)
_ADVERB_PERIODS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
                   "quarterly": "P1Q", "annually": "P1Y", "annual": "P1Y", "yearly": "P1Y",
                   "hourly": "PT1H"}
_VAGUE = re.compile(r"\b(?:several|few|some|many|recent|past|weeks|months|years|days)\b",
                    re.IGNORECASE)
"""An expression that places a time only roughly ("several weeks ago", "in recent
months"): TIMEX3 gives it a reference to the past or future, not a date."""
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                 "tonight": "NI", "overnight": "NI", "midday": "MI", "noon": "12:00",
                 "midnight": "24:00"}
_PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night|tonight|overnight|midday|"
                          r"noon|midnight)\b", re.IGNORECASE)
_CLOCK = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap])\.?\s?m\b\.?|"
    r"\b(?P<hour24>\d{1,2}):(?P<minute24>\d{2})\b", re.IGNORECASE)
_REFERENCES = (
    (re.compile(r"^(?:the\s+)?(?:present|now|nowadays|currently|current|these days|"
                r"right now|at present|at the moment|at this time|this time)$", re.I),
     "PRESENT_REF"),
    (re.compile(r"^(?:the\s+)?(?:past|recently|recent|lately|previously|formerly|earlier|"
                r"once|in the past|the old days|years past|history)$", re.I), "PAST_REF"),
    (re.compile(r"^(?:the\s+)?(?:future|soon|eventually|later|in the future|one day|"
                r"someday|the coming years|the years ahead)$", re.I), "FUTURE_REF"),
)
_REFERENCE_WORDS = re.compile(r"\b(?:now|currently|recently|nowadays|the future|the past|"
                              r"at present|these days|at the moment)\b", re.IGNORECASE)
_LEADING = re.compile(r"^(?:on|at|in|since|by|until|from|during|for|over|within|after|"
                      r"before|about|around|nearly|almost|more than|less than|than)\s+",
                      re.IGNORECASE)


def _count(word: str | None) -> str:
    """A period's count as TIMEX3 writes it: a number, or X when vague."""
    if word is None:
        return "1"
    lowered = " ".join(word.casefold().split())
    if lowered in _COUNT_WORDS:
        value = _COUNT_WORDS[lowered]
        return f"{value:g}"
    parts = lowered.replace("-", " ").split()
    if len(parts) == 2 and all(part in _COUNT_WORDS for part in parts):
        return f"{_COUNT_WORDS[parts[0]] + _COUNT_WORDS[parts[1]]:g}"  # "twenty four"
    try:
        return f"{float(lowered):g}"
    except ValueError:
        return "X"


def _period(count: str, unit: str) -> str:
    unit = unit.casefold().rstrip("s")
    if unit == "centurie":
        unit = "century"
    code = _UNIT_CODES.get(unit, "X")
    if unit in _CLOCK_UNITS:
        return f"PT{count}{code}"
    return f"P{count}{code}"


def _duration_value(text: str) -> str | None:
    """The period a length of time states ("three years" P3Y, "several weeks" or "more than
    a year" with an X for the count), or None when the text locates a time instead ("three
    years ago", "last week", a bare "day")."""
    match = _DURATION.search(text)
    if match is None:  # "centuries", which the unit's plural pattern does not spell
        return _period("X", "century") if _CENTURIES.search(text) else None
    if match.group("after"):
        return None
    count_word = match.group("count")
    if count_word is None and (_LOCATING.search(text) or
                               not re.search(r"s\b", match.group(0), re.IGNORECASE)):
        return None
    return _period(_count(count_word) if count_word else "X", match.group("unit"))


def _set_value(text: str) -> str | None:
    match = _SET.search(text)
    if match is None:
        return None
    if match.group("adverb"):
        return _ADVERB_PERIODS[match.group("adverb").casefold()]
    if match.group("every").casefold() == "a" and match.group("weekday") is None and \
            not re.search(r"\b(?:times?|once|twice)\b", text, re.IGNORECASE):
        return None  # "a day" alone is a length, "twice a day" a recurrence
    if match.group("weekday"):
        return f"XXXX-WXX-{WEEKDAYS[match.group('weekday').casefold()] + 1}"
    unit = match.group("unit").casefold()
    if unit in ("morning", "afternoon", "evening"):
        return f"XXXX-XX-XXT{_PARTS_OF_DAY[unit]}"
    count = "2" if match.group("other") else "1"
    return _period(count, unit)


_WEEKS_AWAY = re.compile(r"\bweeks\s+(?:ago|earlier|before|later|after|from\s+now|hence)\b",
                         re.IGNORECASE)


def _date_value(value: TimeValue, text: str = "week") -> tuple[str, str]:
    """A normalised date as a TIMEX3 value and its precision: a Monday-to-Sunday range is
    its ISO week and a Saturday-Sunday one the week's weekend when `text` names a week ("last
    week", "this weekend": "June 21-22" stays its first day), three months from a quarter's
    first its quarter, from a season's first its season ("2016-SU"), a ten-year range from
    a year ending in 0 its decade; any other range its start."""
    if value.end is None:
        if value.precision == "day" and _WEEKS_AWAY.search(text):
            iso_year, week, _ = date.fromisoformat(value.value).isocalendar()
            return f"{iso_year:04d}-W{week:02d}", "week"  # "six weeks ago": that week
        return value.value, value.precision
    if value.precision == "day":
        first, last = date.fromisoformat(value.value), date.fromisoformat(value.end)
        iso_year, week, weekday = first.isocalendar()
        named = _WEEK_WORD.search(text) is not None
        if named and weekday == 1 and last - first == timedelta(days=6):
            return f"{iso_year:04d}-W{week:02d}", "week"
        if named and weekday == 6 and last - first == timedelta(days=1):
            return f"{iso_year:04d}-W{week:02d}-WE", "week"
        return value.value, "day"
    if value.precision == "month":
        first_year, first_month = (int(part) for part in value.value.split("-"))
        last_year, last_month = (int(part) for part in value.end.split("-"))
        months = (last_year - first_year) * 12 + last_month - first_month
        if months == 2 and first_month % 3 == 1:
            return f"{first_year:04d}-Q{first_month // 3 + 1}", "quarter"
        if months == 2 and first_month % 3 == 0:  # Mar-May spring ... Dec-Feb winter
            return f"{first_year:04d}-{_SEASON_CODES[first_month]}", "season"
        return value.value, "month"
    if value.precision == "year" and value.value.endswith("0") and \
            int(value.end) - int(value.value) == 9:
        return value.value[:3], "decade"
    if value.precision == "year" and value.value.endswith("00") and \
            int(value.end) - int(value.value) == 99:
        return value.value[:2], "century"
    return value.value, value.precision


def _time_value(text: str, day_value: str | None) -> tuple[str | None, str]:
    """A time of day after its date ("2019-01-04T17:00", "2019-01-04TAF")."""
    clock = _CLOCK.search(text)
    when: str | None = None
    if clock is not None:
        if clock.group("hour24") is not None:
            hour, minute = int(clock.group("hour24")), int(clock.group("minute24"))
        else:
            hour, minute = int(clock.group("hour")) % 12, int(clock.group("minute") or 0)
            if clock.group("half").casefold() == "p":
                hour += 12
        if hour < 25 and minute < 60:
            when = f"{hour:02d}:{minute:02d}"
    else:
        part = _PART_OF_DAY.search(text)
        if part is not None:
            when = _PARTS_OF_DAY[part.group().casefold()]
    if when is None:
        return day_value, "day" if day_value else "time"
    return f"{day_value or 'XXXX-XX-XX'}T{when}", "time"


def _reference(text: str) -> str | None:
    stripped = _LEADING.sub("", " ".join(text.split()))
    for pattern, value in _REFERENCES:
        if pattern.match(stripped):
            return value
    return None


def _is_time(span: Span) -> bool:
    return span.label_ == "TIME" or bool(_CLOCK.search(span.text)) or bool(
        _PART_OF_DAY.search(span.text) and not re.search(r"\b(?:nights|days)\b", span.text))


def _typed(span: Span, anchor: date | None, reference: date | None,
           text: str | None = None) -> tuple[Timex, TimeValue | None]:
    """The expression typed and valued, and its date (for the reference of the next);
    `text` is what it is normalised from when not its own words ("April 25" for the "25"
    of "April 24 and 25")."""
    text = span.text if text is None else text
    if reference is not None and is_anaphoric(text):
        anchor_text: str | None = reference.isoformat()  # "the next day": from the day named
    else:
        anchor_text = anchor.isoformat() if anchor is not None else None
    _, tense = clause_tense(span)
    recurring = _set_value(text)
    if recurring is not None:
        return Timex(span.start_char, span.end_char, span.text, "set", recurring, None, None), None
    counted = _DURATION.search(text)
    normalised = historic_day(text, following(span))
    if normalised is not None:
        return Timex(span.start_char, span.end_char, span.text, "date", normalised.value,
                     "day", None), normalised
    if counted is None or not counted.group("count") or counted.group("after") or \
            _YEAR_NUMBER.fullmatch(counted.group("count")) or _QUARTER_WORDS.search(text):
        normalised = normalise_expression(text, anchor, tense, reference)
    if normalised is None:  # "three years", "the past two weeks", "a two-hour meeting"
        period = _duration_value(text)
        if period is not None and (not _is_time(span) or period.startswith("PT")):
            return Timex(span.start_char, span.end_char, span.text, "duration", period, None,
                         None), None
        normalised = normalise_expression(text, anchor, tense, reference)
    date_value, precision = _date_value(normalised, text) if normalised is not None else \
        (None, None)
    if normalised is not None and normalised.end is not None and anchor is not None and \
            precision in ("day", "month", "year") and _VAGUE.search(text):
        past = normalised.start_date <= anchor
        return Timex(span.start_char, span.end_char, span.text, "date",
                     "PAST_REF" if past else "FUTURE_REF", "reference", anchor_text), normalised
    if _is_time(span):
        day_value = date_value if precision == "day" else None
        if day_value is None and anchor is not None and not re.search(
                r"\b(?:a|an|one|two|three|several|few|\d+)\s+(?:hours?|minutes?)\b", text, re.I):
            day_value = _DAYLESS + anchor.isoformat()  # "at 5 p.m.": the day of the report,
            # unless the sentence names another (see _times_on_their_day)
        value, precision = _time_value(text, day_value)
        return Timex(span.start_char, span.end_char, span.text, "time", value, precision,
                     anchor_text if value else None), normalised
    if date_value is None:
        reference_value = _reference(text)
        return Timex(span.start_char, span.end_char, span.text, "date", reference_value,
                     "reference" if reference_value else None, None), None
    return Timex(span.start_char, span.end_char, span.text, "date", date_value, precision,
                 anchor_text), normalised


_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)


_YEAR_BACK = re.compile(r"^(?:a\s+|the\s+)?year[\s-](?:ago|earlier|before)"
                        r"(?:\s+(?:period|quarter))?$", re.IGNORECASE)
""""a year ago", "the year-earlier period": in a report of quarterly results, the same
quarter a year before."""
_LAST_YEAR = re.compile(r"^last\s+year$", re.IGNORECASE)
_QUARTER_BACK = re.compile(
    r"^(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:(?:year[\s-](?:ago|earlier)\s+)?"
    r"(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year)|"
    r"year[\s-](?:ago|earlier)\s+quarter|last\s+year['\u2019]s\s+(?:quarter|period))$",
    re.IGNORECASE)
""""the quarter a year ago", "last year's quarter", "the corresponding period last year":
the quarter of the report a year before."""
_YEAR_QUARTER = re.compile(r"^(?:the\s+)?(?P<year>1[5-9]\d\d|20\d\d)\s+(?:quarter|period)$",
                           re.IGNORECASE)
""""the 1988 quarter", "the 1989 period": the report's quarter in that year."""
_THAT_QUARTER = re.compile(r"^(?:the\s+)?(?:same|that)\s+(?:quarter|period)$|"
                           r"^(?:the\s+)?(?:latest\s+)?period$", re.IGNORECASE)
""""the latest period", "that quarter": the quarter the report named last."""
_BACKWARD = re.compile(r"\b(?:ago|earlier|before|prior|previous)\b", re.IGNORECASE)
_ENDED = re.compile(r"^(?P<period>.*?\b(?:year|quarter|period|month|week|half|months|weeks|"
                    r"years))\s+(?:that\s+)?(?:ended|ending|ends|through)\s+(?P<day>\S.*)$",
                    re.IGNORECASE)
""""the year ended Sept. 30": a period and the day it ends, two expressions."""
_NOT_TIME = re.compile(r"^\d+(?:[.,]\d+)?$|\byears?[\s-]+old\b|-year-old\b|^\d+s$|"
                       r"^(?:quarterly|annual|annually)$", re.IGNORECASE)
"""What the tagger labels a date but no reader would place: a bare number that is not a
year ("44", "80486"), an age ("six-year-old", "52 years old"), a frequency adjective
("quarterly dividends", "the annual meeting")."""


def _split(doc: Doc, span: Span) -> list[Part]:
    """The expressions of the span: its period and its end day when it is "the year ended
    Sept. 30", the parts of a list or range ("April 24 and 25"), else the span."""
    match = _ENDED.match(span.text)
    if match is None:
        return span_parts(doc, span)
    parts = [doc.char_span(span.start_char + match.start(group),
                           span.start_char + match.end(group), alignment_mode="contract")
             for group in ("period", "day")]
    kept = [part for part in parts if part is not None and len(part)]
    for part in kept:
        part.label_ = span.label_
    return [Part(part, part.text) for part in kept] or [Part(span, span.text)]


def _kept(part: Part) -> bool:
    text = part.text.strip()
    return bool(text) and not (_NOT_TIME.search(text) and not _YEAR_NUMBER.fullmatch(text))


def _joined(doc: Doc, spans: list[Span], text: str) -> list[Part]:
    """Spans in text order, "every" taken into the span it precedes ("every Sunday"), a
    date and a time of day that follow each other merged ("Wednesday afternoon"), a period
    and the day it ended split, a list or range split into its parts, and what is no time
    (a bare number, an age) left out."""
    joined: list[Part] = []
    pieces = [piece for span in spans for piece in _split(doc, span) if _kept(piece)]
    for part in sorted(pieces, key=lambda item: item.span.start_char):
        span = part.span
        before = text[max(0, span.start_char - 8):span.start_char]
        every = _EVERY_BEFORE.search(before)
        if every is not None and span.start > 0:
            wider = doc.char_span(span.start_char - (len(before) - every.start()),
                                  span.end_char, alignment_mode="expand")
            if wider is not None:
                part = Part(wider, wider.text)
                span = wider
        if joined and joined[-1].span.end == span.start and \
                {joined[-1].span.label_, span.label_} == {"DATE", "TIME"}:
            merged = doc[joined[-1].span.start:span.end]
            merged.label_ = "TIME"
            joined[-1] = Part(merged, merged.text)
            continue
        joined.append(part)
    return joined


_DAYLESS = "~"
"""Marks, while the article is read, the value of a time of day that names no day."""


def _times_on_their_day(found: list[Timex], sentences: list[tuple[int, int]]) -> list[Timex]:
    """A time of day that names no day ("at 10:35 a.m.") is on the day its sentence names
    ("... Friday"), else on the day of the report."""
    kept: list[Timex] = []
    for timex in found:
        if timex.value is None or not timex.value.startswith(_DAYLESS):
            kept.append(timex)
            continue
        value = timex.value[len(_DAYLESS):]
        sentence = next(((start, end) for start, end in sentences
                         if start <= timex.start < end), None)
        days = [other.value for other in found if sentence is not None and
                other is not timex and other.type == "date" and other.value and
                _FULL_DAY.fullmatch(other.value) and sentence[0] <= other.start < sentence[1]]
        if days:
            value = days[0] + value[10:]
        kept.append(Timex(timex.start, timex.end, timex.text, timex.type, value,
                          timex.precision, timex.anchor))
    return kept


_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def find_timexes(doc: Doc, anchor: date | None) -> list[Timex]:
    """Every temporal expression of the article with its TIMEX3 type and value, resolved
    against `anchor` (the publication date; None leaves relative dates unresolved)."""
    text = doc_text(doc)
    spans = list(candidate_spans(doc, labels=("DATE", "TIME")))
    taken = [(span.start_char, span.end_char) for span in spans]
    for match in _REFERENCE_WORDS.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
    for match in NAMED_DAY.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        span = doc.char_span(match.start(), match.end(), label="DATE",
                             alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    found: list[Timex] = []
    reference: date | None = None
    named: dict[str, date] = {}  # the last date the text named to the year, month, week
    quarter: str | None = None  # the quarter the text named last, "1989-Q3"
    for part in _joined(doc, spans, text):
        span = part.span
        text = span.text.strip()
        quarterly = quarter is not None or "quarter" in span.sent.text.casefold()
        if anchor is not None and quarterly and (_YEAR_BACK.match(text) or (
                _LAST_YEAR.match(text) and "quarter" in span.sent.text.casefold()) or
                _QUARTER_BACK.match(text)):
            timex = _year_back_quarter(span, anchor, quarter)
        elif anchor is not None and quarterly and (_YEAR_QUARTER.match(text) or (
                quarter is not None and _THAT_QUARTER.match(text))):
            timex = _named_quarter(span, anchor, quarter, _YEAR_QUARTER.match(text))
        else:
            unit = anaphoric_unit(part.text)
            timex, value = _typed(span, anchor, named.get(unit, reference) if unit else
                                  reference, part.text)
            reference = last_day(value, reference)
            _remember(named, value, part.text)
            if timex.precision == "quarter" and timex.value is not None and \
                    not _BACKWARD.search(text):
                quarter = timex.value
        found.append(timex)
    if not any(timex.value and timex.value.startswith(_DAYLESS) for timex in found):
        return found
    return _times_on_their_day(found, [(sent.start_char, sent.end_char) for sent in doc.sents])


_PRECISIONS = {"day": ("day", "week", "month", "year"), "month": ("month", "year"),
               "year": ("year",)}
"""Which units an expression of each precision can be the reference of: "June 1998 ...
later that year" (1998), "in 1988 ... that year" (1988), "on Oct. 23 ... earlier that
day"."""


def _remember(named: dict[str, date], value: TimeValue | None, text: str) -> None:
    """Keep `value` as the reference of later "that year", "that month", "that day" when it
    names a single period of its own (not one placed from a date before)."""
    if value is None or value.end is not None or anaphoric_unit(text):
        return
    for unit in _PRECISIONS.get(value.precision, ()):
        named[unit] = value.start_date


def _named_quarter(span: Span, anchor: date, quarter: str | None,
                   year: re.Match[str] | None) -> Timex:
    """"the 1988 quarter" (the report's quarter in 1988), "the latest period" (the quarter
    named last): the quarter named last, else the latest full one, in the year given."""
    if quarter is None:
        quarter, _ = _date_value(normalise_expression("the quarter", anchor))
    year_number, number = quarter.split("-Q")
    if year is not None:
        year_number = year.group("year")
    return Timex(span.start_char, span.end_char, span.text, "date",
                 f"{int(year_number):04d}-Q{number}", "quarter", anchor.isoformat())


def _year_back_quarter(span: Span, anchor: date, quarter: str | None) -> Timex:
    """"a year earlier" beside a quarter's results: that quarter a year before (the quarter
    named last, else the latest full one)."""
    if quarter is None:
        latest, _ = _date_value(normalise_expression("the quarter", anchor))
        quarter = latest
    year_number, number = quarter.split("-Q")
    value = f"{int(year_number) - 1:04d}-Q{number}"
    return Timex(span.start_char, span.end_char, span.text, "date", value, "quarter",
                 anchor.isoformat())


def story_dates(articles: Sequence[Article], docs: Sequence[Doc]
                ) -> tuple[TemporalExpression, ...]:
    """Every temporal expression of every article, each resolved against its article's
    publication date (the story's `dates`)."""
    found: list[TemporalExpression] = []
    for article, doc in zip(articles, docs, strict=True):
        for timex in find_timexes(doc, published_anchor(article.published)):
            found.append(TemporalExpression(
                TextSpan(article.id, timex.start, timex.end, article.text[timex.start:timex.end]),
                timex.type, timex.value, timex.precision, timex.anchor))
    return tuple(found)
