"""Temporal expressions to absolute dates against an anchor (the article's date) and a tense.

"on Friday" is the last Friday for something that happened and the next one for something
scheduled; "July 9" with no year is the July 9 nearest the anchor in the direction the tense
points; "last month", "next week", "several weeks ago" become a month or a range of days.
Returns None when the text states no date this module can place, or a date that cannot exist.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from dateutil.easter import easter

from ..lang.en.calendar import MONTHS, WEEKDAYS
from ..lang.en.holidays import (
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    HISTORIC_DAYS,
    HISTORIC_EVENT_WORDS,
    NAMED_ONLY,
    WEEKDAY_HOLIDAYS,
)
from ..lang.en.numbers import TENS_WORDS, UNIT_AND_TEEN_WORDS
from .values import (
    TimeValue,
    day,
    day_range,
    month,
    shift_months,
    valid_day,
    week_of,
    year,
)

Tense = Literal["past", "present", "future"]

_NUMBERS = {"a": 1, "an": 1, **UNIT_AND_TEEN_WORDS, "a couple of": 2, "couple of": 2}
_VAGUE = {"several": (3, 6), "a few": (2, 4), "few": (2, 4), "some": (2, 6), "many": (4, 10)}

_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>\d{4})"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(pattern, re.IGNORECASE)) for
                                                 name, pattern in (
    ("iso", r"\b(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?\b"),
    ("numeric", r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{2}|\d{4})\b"),
    ("month_range", rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|through)\s*"
                    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,?\s+{_Y})?\b"),
    ("month_day", rf"\b{_M}\s+{_D}(?:\s*,?\s+{_Y})?\b"),
    ("day_month", rf"\b{_D}\s+(?:of\s+)?{_M}(?:\s*,?\s+{_Y})?\b"),
    ("month_year", rf"\b{_M}\s+(?:of\s+)?{_Y}\b"),
    ("fiscal", r"\b(?:fiscal(?:\s+year)?|FY)\s*'?(?P<year>\d{4}|\d{2})\b"),
    ("decade", r"\b(?:the\s+)?(?P<year>\d{3})0s\b"),
    ("year", r"(?<![\d$€£.,-])\b(?P<year>1[5-9]\d\d|20\d\d|21\d\d)\b(?![\d%-])"),
)]
_RELATIVE_UNIT = re.compile(
    r"\b(?:(?P<count>\d+|(?:" + "|".join(TENS_WORDS) + r")(?:[\s-]+(?:" +
    "|".join(word for word, value in UNIT_AND_TEEN_WORDS.items() if value < 10) + r"))?|"
    r"a couple of|couple of|a few|few|several|some|many|an?|" +
    "|".join(sorted(UNIT_AND_TEEN_WORDS, key=len, reverse=True)) + r")[\s-]+)?"
    r"(?P<unit>day|week|month|year)"
    r"(?P<plural>s)?\s+"
    r"(?P<direction>ago|earlier|before|later|after|from now|hence)\b", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:earlier|later)\b", re.IGNORECASE)
"""An offset that compares ("weeks earlier than planned") rather than locates a time."""
_RECENT = re.compile(r"\b(?:in\s+)?(?:recent|past|last|previous)\s+(?P<unit>day|week|month|year)s"
                     r"\b", re.IGNORECASE)
_LAST_NEXT = re.compile(r"\b(?P<which>last|past|previous|this|next|coming|current)\s+"
                        r"(?P<unit>week|month|year|weekend)\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(rf"^(?:(?:in|during|since|by|until|from|early|late|mid|the\s+end\s+of|"
                         rf"the\s+beginning\s+of|-)\s*)*(?P<which>last|this|next|past|coming)?\s*"
                         rf"{_M}(?:\s+(?P<this>this|last|next)\s+year)?$", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?P<which>last|this|next|coming|past)?\s*(?P<weekday>" +
                      "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b\.?",
                      re.IGNORECASE)
_QUARTER = re.compile(
    r"\b(?:the\s+)?(?:(?P<year_before>\d{4})\s+|(?P<which_before>this|last|next)\s+year'?s\s+|"
    r"(?P<ago>year[\s-](?:ago|earlier))\s+)?"
    r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])[\s-]*"
    r"(?P<part>quarter|half)?(?:\s+of)?\s*(?:(?P<which>this|last|next|the)\s+year|"
    r"(?:fiscal\s+)?(?P<year>\d{4}))?\b", re.IGNORECASE)
_THE_QUARTER = re.compile(
    r"^(?:the\s+)?(?:(?P<which>latest|last|past|previous|preceding|current|this|next|coming|"
    r"year[\s-]ago|year[\s-]earlier|same)\s+)?(?:fiscal\s+|calendar\s+)?quarter$",
    re.IGNORECASE)
"""A quarter named by where it lies ("the latest quarter", "the year-ago quarter"); bare
"the quarter" of a report is its latest full quarter."""
_SEASON = re.compile(r"\b(?:(?P<which>last|this|next|past|coming|previous)\s+)?(?P<season>spring|"
                     r"summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(?P<year>\d{4})\b)?",
                     re.IGNORECASE)
_SEASON_STARTS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
"""The month each season begins (northern meteorological seasons: three months each)."""
_ORDINALS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3,
             "3rd": 3, "q3": 3, "fourth": 4, "4th": 4, "q4": 4}
_ANAPHORIC = re.compile(
    r"^(?:on\s+|by\s+|until\s+|in\s+|(?:earlier|later)\s+(?:in\s+|on\s+)?)?"
    r"(?:(?P<side>the\s+(?:next|following|previous|preceding|same)|that(?:\s+same)?|"
    r"the\s+(?:day|week|month|year)\s+(?:before|after))\b\s*(?P<unit>day|morning|afternoon|"
    r"evening|night|week|month|year)?)$", re.IGNORECASE)
"""A time placed from a date the text has just named ("On Monday ... the next day"), not
from the article's date."""
_STEPS = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0,
          "before": -1, "after": 1}
_MODIFIERS = re.compile(r"^(?:(?:earlier|later)\s+in|early|late|later|earlier|mid-?|"
                        r"the\s+middle\s+of|the\s+end\s+of|the\s+start\s+of|"
                        r"the\s+beginning\s+of)\s*(?=\S)", re.IGNORECASE)
"""Words that narrow a period without moving it ("late yesterday", "mid-1996", "the end of
the month"): the period is what is placed."""
_CURRENT_PERIOD = re.compile(
    r"^(?:the\s+)?(?:full\s+|current\s+|whole\s+|entire\s+)?(?:fiscal\s+|calendar\s+)?"
    r"(?P<unit>year|month|week|weekend)(?:[\s-]end|'s\s+end)?$|"
    r"^(?P<unit_end>year)[\s-]end$")
"""A period named as the report's own ("the year", "the fiscal year", "year-end", "the
week", "the weekend"): the one around the anchor."""
_DAY_WORD = re.compile(r"\b(?:yesterday|today|tomorrow|tonight)\b")
_BELOW_HUNDRED = (r"(?:(?:" + "|".join(TENS_WORDS) + r")(?:[\s-]+(?:" +
                  "|".join(word for word, value in UNIT_AND_TEEN_WORDS.items() if value < 10) +
                  r"))?|" + "|".join(UNIT_AND_TEEN_WORDS) + r")")
_TENS_AND_TEENS = (r"(?:(?:" + "|".join(TENS_WORDS) + r")(?:[\s-]+(?:" +
                   "|".join(word for word, value in UNIT_AND_TEEN_WORDS.items() if value < 10) +
                   r"))?|" + "|".join(word for word, value in UNIT_AND_TEEN_WORDS.items()
                                     if value >= 10) + r")")
"""The last two digits of a spelled year: "ninety-six", "twelve", not "one" ("twenty-one
days" is no year)."""
_SPELLED_YEAR = re.compile(
    r"\b(?:(?P<century>nineteen|eighteen|twenty)[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?"
    r"(?P<rest>" + _TENS_AND_TEENS + r")|(?P<thousand>two[\s-]+thousand)(?:[\s-]+(?:and[\s-]+)?"
    r"(?P<after>" + _BELOW_HUNDRED + r"))?)\b", re.IGNORECASE)
"""A year in words, as transcribed speech writes it ("nineteen ninety-six", "the year two
thousand")."""
_PAST_MONTH_AHEAD = 2
"""How many months ahead a month named without its year may lie in a past-tense clause
before it is taken for last year's: news names the month just past or just ahead, rarely
one eleven months back."""
_SIMPLE = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
           "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
           "the day after tomorrow": 2}


def _count(word: str | None) -> int | tuple[int, int]:
    if word is None:  # "weeks earlier": some, unsaid
        return _VAGUE["several"]
    word = word.casefold()
    if word.isdigit():
        return int(word)
    return _VAGUE.get(word) or _NUMBERS.get(word) or _spelled_number(word) or 1


def _full_year(two_or_four: str, anchor: date | None) -> int:
    value = int(two_or_four)
    if len(two_or_four) == 4:
        return value
    pivot = (anchor.year if anchor else date.today().year) % 100 + 10
    return 2000 + value if value <= pivot else 1900 + value


def _nearest_year(month_number: int, day_number: int, anchor: date, tense: Tense | None
                  ) -> date | None:
    """The year for a date written without one: the anchor's, unless the tense points the
    other way (a past event after the anchor was last year's; a scheduled one before it,
    next year's). Without a tense, the occurrence nearest the anchor."""
    candidates = [valid_day(anchor.year + offset, month_number, day_number)
                  for offset in (-1, 0, 1)]
    options = [option for option in candidates if option is not None]
    if not options:
        return None
    slack = timedelta(days=7)
    nearest = min(options, key=lambda option: abs((option - anchor).days))
    chosen = nearest
    if tense == "past":
        before = [option for option in options if option <= anchor + slack]
        chosen = max(before) if before else nearest
    elif tense == "future":
        after = [option for option in options if option >= anchor - slack]
        chosen = min(after) if after else nearest
    # News does not name a day half a year away without its year: a tense that points that
    # far (often a mis-read one: "the upcoming vote was linked to ...") yields to the nearest.
    if abs((chosen - anchor).days) > 183 and abs((nearest - anchor).days) <= 92:
        return nearest
    return chosen


def _absolute(text: str, anchor: date | None, tense: Tense | None) -> TimeValue | None:
    for name, pattern in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        if name == "iso":
            if groups["day"]:
                found = valid_day(int(groups["year"]), int(groups["month"]), int(groups["day"]))
                return day(found) if found else None
            return month(int(groups["year"]), int(groups["month"])) \
                if 1 <= int(groups["month"]) <= 12 else None
        if name == "numeric":
            first, second = int(groups["a"]), int(groups["b"])
            month_number, day_number = (first, second) if first <= 12 else (second, first)
            found = valid_day(_full_year(groups["year"], anchor), month_number, day_number)
            return day(found) if found else None
        if name in ("month_day", "day_month", "month_range"):
            month_number = MONTHS[groups["month"].casefold()]
            day_number = int(groups["day"])
            if groups.get("year"):
                found = valid_day(int(groups["year"]), month_number, day_number)
            elif anchor is not None:
                found = _nearest_year(month_number, day_number, anchor, tense)
            else:
                return None
            if found is None:
                return None
            if name == "month_range":
                last = valid_day(found.year, month_number, int(groups["day2"]))
                return day_range(found, last) if last and last >= found else None
            return day(found)
        if name == "month_year":
            return month(int(groups["year"]), MONTHS[groups["month"].casefold()])
        if name == "fiscal":
            return year(_full_year(groups["year"], anchor))
        if name == "decade":
            start = int(groups["year"]) * 10
            return year(start) if start < 1000 else _decade(start)
        if name == "year":
            return year(int(groups["year"]))
    return None


def _season(text: str, anchor: date | None, tense: Tense | None) -> TimeValue | None:
    """A season as its three months: "summer 2016", "last summer" (the latest one over
    before the anchor), "next winter", "this spring" (the anchor's year's; with a past
    tense, the latest begun)."""
    match = _SEASON.search(text)
    if match is None:
        return None
    first_month = _SEASON_STARTS[match.group("season").casefold()]
    if match.group("year"):
        start_year = int(match.group("year"))
    elif anchor is None:
        return None
    else:
        which = (match.group("which") or "this").casefold()
        start_year = anchor.year - (1 if first_month == 12 and anchor.month <= 2 else 0)
        starts = date(start_year, first_month, 1)
        ends_year, ends_month = shift_months(starts, 3)
        if which in ("last", "past", "previous"):
            if date(ends_year, ends_month, 1) > anchor:
                start_year -= 1
        elif which in ("next", "coming"):
            if starts <= anchor:
                start_year += 1
        elif tense == "past" and starts > anchor:
            start_year -= 1
    last_year, last_month = shift_months(date(start_year, first_month, 1), 2)
    return TimeValue(f"{start_year:04d}-{first_month:02d}", "month",
                     f"{last_year:04d}-{last_month:02d}")


_HOLIDAY = re.compile(
    r"^(?:on\s+|by\s+|until\s+|since\s+|before\s+|after\s+|at\s+|for\s+|over\s+)?"
    r"(?:the\s+)?(?:(?P<which>last|next|this|coming|past)\s+)?(?P<name>.+?)"
    r"(?:\s+(?P<year>\d{4}))?(?:\s+(?P<week>week)|\s+(?:weekend|holiday|holidays|season|"
    r"period))?$",
    re.IGNORECASE)


def _holiday_in(name: str, year_number: int) -> date | None:
    if name in FIXED_HOLIDAYS:
        return valid_day(year_number, *FIXED_HOLIDAYS[name])
    if name in EASTER_HOLIDAYS:
        return easter(year_number) + timedelta(days=EASTER_HOLIDAYS[name])
    if name in WEEKDAY_HOLIDAYS:
        month_number, weekday, which = WEEKDAY_HOLIDAYS[name]
        if which == 0:  # Election Day: the Tuesday after the first Monday
            first = date(year_number, month_number, 1)
            monday = first + timedelta(days=(0 - first.weekday()) % 7)
            return monday + timedelta(days=1)
        if which > 0:
            first = date(year_number, month_number, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (which - 1))
        last = date(year_number + month_number // 12, month_number % 12 + 1, 1) - \
            timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    return None


def holiday(text: str, anchor: date | None, tense: Tense | None = None) -> TimeValue | None:
    """A named holiday ("Christmas", "Thanksgiving Day", "last Easter", "Election Day 2016")
    as its day: in the year written, else the one before or after the anchor as "last",
    "next" or the tense say, else the nearest."""
    match = _HOLIDAY.match(" ".join(text.split()))
    if match is None:
        return None
    name = match.group("name").casefold().replace("\u2019", "'")
    if _holiday_in(name, 2000) is None:
        return None
    if match.group("year"):
        found = _holiday_in(name, int(match.group("year")))
        return _holiday_value(found, match.group("week"))
    if anchor is None:
        return None
    options = [option for option in (_holiday_in(name, anchor.year + offset)
                                     for offset in (-1, 0, 1)) if option is not None]
    which = (match.group("which") or "").casefold()
    slack = timedelta(days=7)  # "as Easter week began": a holiday days away is this year's
    if which in ("last", "past") or (not which and tense == "past"):
        chosen = max((option for option in options if option <= anchor + slack), default=None)
    elif which in ("next", "coming") or (not which and tense == "future"):
        chosen = min((option for option in options if option >= anchor - slack), default=None)
    else:
        chosen = min(options, key=lambda option: abs((option - anchor).days))
    return _holiday_value(chosen, match.group("week"))


def _holiday_value(found: date | None, week: str | None) -> TimeValue | None:
    """The holiday's day, or its week ("Easter week")."""
    if found is None:
        return None
    return week_of(found) if week else day(found)


def historic_day(text: str, following: str = "") -> TimeValue | None:
    """A date that names an event of history: "Sept. 11" before "attacks" (2001-09-11),
    "9/11" and "D-Day" alone; `following` is the text after the expression."""
    name = re.sub(r"^(?:the\s+|on\s+|since\s+|after\s+|before\s+)+", "",
                  " ".join(text.casefold().split()))
    name = re.sub(r"['\u2019]s$", "", name)
    if name not in HISTORIC_DAYS:
        return None
    next_word = re.match(r"\W*(\w+)", following)
    if name in NAMED_ONLY or (next_word is not None and
                              next_word.group(1).casefold() in HISTORIC_EVENT_WORDS):
        found = date.fromisoformat(HISTORIC_DAYS[name])
        return day(found)
    return None


def is_anaphoric(text: str) -> bool:
    """Whether `text` places a time from a date named just before ("the next day", "that
    week", "the day before") rather than from the article's date."""
    return _ANAPHORIC.match(" ".join(text.split())) is not None


def anaphoric_unit(text: str) -> str | None:
    """The unit a time placed from a date named before is counted in ("later that year":
    year, "the next morning": day), None when `text` is not such a time."""
    match = _ANAPHORIC.match(" ".join(text.split()))
    if match is None:
        return None
    side = match.group("side").casefold().split()
    unit = side[1] if side[-1] in ("before", "after") else (match.group("unit") or "day")
    unit = unit.casefold()
    return "day" if unit in ("morning", "afternoon", "evening", "night") else unit


def _anaphoric(text: str, reference: date) -> TimeValue | None:
    match = _ANAPHORIC.match(" ".join(text.split()))
    if match is None:
        return None
    side = match.group("side").casefold().replace("that same", "that").split()
    if side[-1] in ("before", "after"):  # "the day before", "the year after"
        unit, step = side[1], _STEPS[side[-1]]
    else:  # "the next day", "that week", "the following morning"
        unit, step = (match.group("unit") or "day").casefold(), _STEPS[side[-1]]
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return day(reference + timedelta(days=step))
    if unit == "week":
        return week_of(reference, step)
    if unit == "month":
        return month(*shift_months(reference, step))
    return year(reference.year + step)


def _spelled_number(words: str) -> int:
    total = 0
    for word in re.split(r"[\s-]+", words.casefold()):
        total += TENS_WORDS.get(word, 0) + UNIT_AND_TEEN_WORDS.get(word, 0)
    return total


def _years_in_digits(text: str) -> str:
    """`text` with years written in words put in digits ("nineteen ninety-six" is 1996)."""
    def digits(match: re.Match[str]) -> str:
        if match.group("thousand"):
            return str(2000 + (_spelled_number(match.group("after"))
                               if match.group("after") else 0))
        century = UNIT_AND_TEEN_WORDS[match.group("century").casefold()] if \
            match.group("century").casefold() != "twenty" else 20
        return str(century * 100 + _spelled_number(match.group("rest")))
    return _SPELLED_YEAR.sub(digits, text)


def _decade(start: int) -> TimeValue:
    return TimeValue(f"{start:04d}", "year", f"{start + 9:04d}")


def _relative(text: str, anchor: date, tense: Tense | None) -> TimeValue | None:
    lowered = " ".join(text.casefold().split())
    lowered = re.sub(r"^(?:on|at|in|since|by|until|from|during|around|about)\s+", "", lowered)
    lowered = _MODIFIERS.sub("", lowered)
    if lowered in _SIMPLE:
        return day(anchor + timedelta(days=_SIMPLE[lowered]))
    if re.fullmatch(r"(?:the\s+)?year[\s-](?:ago|earlier)", lowered):
        return year(anchor.year - 1)  # "the year-ago results"
    current = _CURRENT_PERIOD.match(lowered)
    if current is not None:
        unit = current.group("unit") or current.group("unit_end")
        if unit == "year":
            return year(anchor.year)
        if unit == "month":
            return month(anchor.year, anchor.month)
        if unit == "week":
            return week_of(anchor)
        return _last_next("this", "weekend", anchor, tense)
    day_word = _DAY_WORD.search(lowered)
    if day_word is not None:  # "mid-afternoon yesterday", "5 p.m. today"
        return day(anchor + timedelta(days=_SIMPLE[day_word.group()]))
    lowered = re.sub(r"^the\s+", "", lowered)
    match = _RELATIVE_UNIT.search(lowered)
    if match and (match.group("count") or match.group("plural")):
        return _units_away(match, anchor)
    match = _RECENT.search(lowered)
    if match:
        span = {"day": 7, "week": 28, "month": 92, "year": 730}[match.group("unit")]
        return day_range(anchor - timedelta(days=span), anchor)
    match = _MONTH_ONLY.match(lowered)
    if match:
        return _month_only(match, anchor, tense)
    match = _LAST_NEXT.search(lowered)
    if match:
        return _last_next(match.group("which"), match.group("unit"), anchor, tense)
    match = _WEEKDAY.search(lowered)
    if match:
        return _weekday(match.group("which"), WEEKDAYS[match.group("weekday")], anchor, tense)
    return None


def _units_away(match: re.Match[str], anchor: date) -> TimeValue:
    count = _count(match.group("count"))
    sign = -1 if match.group("direction") in ("ago", "earlier", "before") else 1
    unit = match.group("unit")
    low, high = (count, count) if isinstance(count, int) else count
    if unit in ("day", "week"):
        days = 1 if unit == "day" else 7
        first = anchor + timedelta(days=sign * low * days)
        last = anchor + timedelta(days=sign * high * days)
        return day_range(min(first, last), max(first, last)) if low != high else day(first)
    if unit == "month":
        if low != high:  # "several months ago": the months it may be, as a range of days
            first_year, first_month = shift_months(anchor, sign * high)
            return TimeValue(f"{first_year:04d}-{first_month:02d}", "month",
                             "{:04d}-{:02d}".format(*shift_months(anchor, sign * low)))
        return month(*shift_months(anchor, sign * low))
    if low != high:
        return TimeValue(f"{anchor.year + sign * high:04d}", "year",
                         f"{anchor.year + sign * low:04d}")
    return year(anchor.year + sign * low)


def _last_next(which: str, unit: str, anchor: date, tense: Tense | None) -> TimeValue:
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
            "coming": 1}[which]
    if unit == "week":
        return week_of(anchor, step)
    if unit == "weekend":
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7 + 7 * max(step, 0))
        if step < 0 or (step == 0 and tense == "past" and anchor.weekday() < 5):
            saturday -= timedelta(days=7)
        return day_range(saturday, saturday + timedelta(days=1))
    if unit == "month":
        return month(*shift_months(anchor, step))
    return year(anchor.year + step)


def _month_only(match: re.Match[str], anchor: date, tense: Tense | None) -> TimeValue:
    month_number = MONTHS[match.group("month").casefold()]
    which = match.group("which") or match.group("this")
    if which in ("this",):
        return month(anchor.year, month_number)
    if which in ("last", "past"):
        year_number = anchor.year if month_number < anchor.month else anchor.year - 1
        if match.group("this") == "last":
            year_number = anchor.year - 1
        return month(year_number, month_number)
    if which in ("next", "coming"):
        year_number = anchor.year if month_number > anchor.month else anchor.year + 1
        if match.group("this") == "next":
            year_number = anchor.year + 1
        return month(year_number, month_number)
    if tense == "future":
        return month(anchor.year if month_number >= anchor.month else anchor.year + 1,
                     month_number)
    if tense == "past":
        ahead = (month_number - anchor.month) % 12
        if 0 < ahead <= _PAST_MONTH_AHEAD:
            # "told oil companies of a cutback in September" in an August report: a month
            # just ahead is this one's, not one nearly a year back
            return month(*shift_months(anchor, ahead))
        return month(anchor.year if month_number <= anchor.month else anchor.year - 1,
                     month_number)
    # no tense to go by ("worth $5 million in October" of a January report): the nearest
    months_away = {offset: abs((anchor.year + offset) * 12 + month_number
                               - anchor.year * 12 - anchor.month) for offset in (-1, 0, 1)}
    return month(anchor.year + min(months_away, key=months_away.__getitem__), month_number)


def _weekday(which: str | None, weekday: int, anchor: date, tense: Tense | None) -> TimeValue:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if which in ("last", "past"):
        return day(anchor - timedelta(days=back or 7))
    if which in ("next", "coming"):
        return day(anchor + timedelta(days=ahead or 7))
    if tense == "future":
        return day(anchor + timedelta(days=ahead))
    if tense == "past" or which is None:
        return day(anchor - timedelta(days=back))
    return day(anchor + timedelta(days=ahead))  # "this Friday" in the present: the coming one


def _quarter_of(day_in: date, step: int = 0) -> TimeValue:
    """The quarter `step` quarters away from the one holding `day_in`, as its months."""
    index = day_in.year * 4 + (day_in.month - 1) // 3 + step
    year_number, number = divmod(index, 4)
    first = number * 3 + 1
    return TimeValue(f"{year_number:04d}-{first:02d}", "month",
                     f"{year_number:04d}-{first + 2:02d}")


def _quarter(text: str, anchor: date | None, tense: Tense | None = None
             ) -> TimeValue | None:
    """"the third quarter of this year", "Q2 2024", "third-quarter", "the 1988 second
    quarter", "next year's first quarter", "the year-ago third quarter", "the first half of
    2025", "the latest quarter": months. A quarter named without its year is the latest one
    begun by the anchor (the next one for what is to come); "the quarter" alone is the
    latest full one, as a report of results means it."""
    named = _THE_QUARTER.match(re.sub(r"['\u2019]s$", "", text.strip()))
    if named is not None:
        if anchor is None:
            return None
        which = (named.group("which") or "").casefold().replace("-", " ")
        step = {"current": 0, "this": 0, "next": 1, "coming": 1, "year ago": -5,
                "year earlier": -5, "same": -1}.get(which, -1)
        return _quarter_of(anchor, step)
    match = _QUARTER.search(text)
    if match is None or not (match.group("part") or match.group("ordinal").lower()
                             .startswith("q")):
        return None
    number = _ORDINALS[match.group("ordinal").casefold()]
    size = 6 if (match.group("part") or "").casefold() == "half" else 3
    if number * size > 12:
        return None
    first = (number - 1) * size + 1
    explicit = match.group("year") or match.group("year_before")
    which = (match.group("which") or match.group("which_before") or "").casefold()
    if explicit:
        year_number = int(explicit)
    elif anchor is None:
        return None
    elif which in ("last", "next", "this", "the"):
        year_number = anchor.year + {"last": -1, "next": 1}.get(which, 0)
    else:
        year_number = anchor.year
        begun = date(year_number, first, 1) <= anchor
        if tense == "future" and begun and \
                (anchor.month - (first + size - 1)) > 6:  # long over: next year's
            year_number += 1
        elif not begun and tense != "future":
            year_number -= 1
        if match.group("ago"):
            year_number -= 1
    return TimeValue(f"{year_number:04d}-{first:02d}", "month",
                     f"{year_number:04d}-{first + size - 1:02d}")


def normalise_expression(text: str, anchor: date | None, tense: Tense | None = None,
                         reference: date | None = None) -> TimeValue | None:
    """The absolute date a temporal expression states, seen from `anchor` with `tense` (or,
    for "the next day", "that week" and the like, from `reference`, the day the text named
    last, when given); None also when that date falls outside the calendar of years 1 to
    9999 ("last week" of an article dated 0001-01-01 makes date arithmetic raise
    OverflowError, "next month" of 9999-12-31 gives the year 10000, which no date and no
    output date can hold)."""
    try:
        found = _anaphoric(text, reference or anchor) if (reference or anchor) and \
            is_anaphoric(text) else None
        found = found or holiday(text, anchor, tense) or _normalise(text, anchor, tense)
    except OverflowError:
        return None
    if found is None or not all(_in_calendar(part) for part in (found.value, found.end)):
        return None
    return found


def _in_calendar(value: str | None) -> bool:
    """An ISO value ("2025", "2025-06", "2025-06-21") whose year is 0001 to 9999."""
    if value is None:
        return True
    year_text = value.split("-")[0]
    return len(year_text) == 4 and year_text != "0000"


_CENTURY = re.compile(r"\b(?P<number>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b", re.IGNORECASE)
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}
_SHORT_DECADE = re.compile(r"(?:\b(?P<word>" + "|".join(_DECADE_WORDS) + r")|['\u2019]"
                           r"(?P<digit>[2-9])0s)\b", re.IGNORECASE)
""""the nineties", "the '80s": the decade of that name nearest the anchor."""


def _century_or_decade(text: str, anchor: date | None) -> TimeValue | None:
    """"the 20th century" as the years 1900 to 1999; "the nineties" and "the '80s" as
    the decade of that name nearest the anchor."""
    century = _CENTURY.search(text)
    if century is not None and 0 < int(century.group("number")) <= 99:
        start = (int(century.group("number")) - 1) * 100
        return TimeValue(f"{start:04d}", "year", f"{start + 99:04d}") if start else None
    decade = _SHORT_DECADE.search(text)
    if decade is None or anchor is None:
        return None
    tens = _DECADE_WORDS[decade.group("word").casefold()] if decade.group("word") else \
        int(decade.group("digit"))
    starts = [anchor.year // 100 * 100 + offset + tens * 10 for offset in (-100, 0)]
    return _decade(min(starts, key=lambda start: max(start - anchor.year,
                                                     anchor.year - start - 9, 0)))


_WEEK_OF = re.compile(r"^(?:the\s+)?week\s+(?:of|beginning|starting)\s+(?P<day>\S.*)$",
                      re.IGNORECASE)
""""the week of March 6": the week that holds the day."""


def _normalise(text: str, anchor: date | None, tense: Tense | None) -> TimeValue | None:
    text = _years_in_digits(_MODIFIERS.sub("", " ".join(text.split())))
    if not text:
        return None
    period = _century_or_decade(text, anchor)
    if period is not None:
        return period
    week = _WEEK_OF.match(text)
    if week is not None:
        held = _normalise(week.group("day"), anchor, tense)
        if held is not None and held.precision == "day" and held.end is None:
            return week_of(held.start_date)
    quarter = _quarter(text, anchor, tense)
    if quarter is not None:
        return quarter
    season = _season(text, anchor, tense)
    if season is not None:
        return season
    if anchor is not None:
        relative = _relative(text, anchor, tense)
        if relative is not None and not _PATTERNS[-1][1].search(text):
            named = _absolute(text, anchor, tense) if _COMPARED.search(text) or \
                _WEEKDAY.search(text) else None
            if named is not None and named.precision == "day":
                # "January 1, weeks earlier (than planned)", "Saturday, April 25": the day
                # it names
                return named
            return relative
        month_only = _MONTH_ONLY.match(text.casefold())
        if month_only and not re.search(r"\d", text):
            return _month_only(month_only, anchor, tense)
    absolute = _absolute(text, anchor, tense)
    if absolute is not None:
        return absolute
    if anchor is not None:
        return _relative(text, anchor, tense)
    return None
