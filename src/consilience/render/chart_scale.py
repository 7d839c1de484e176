"""The time axis of the timeline chart: days to x, with the story's weeks in focus, and ticks.

A plain linear scale covers the days drawn; when they span far more than the reporting period,
a focus scale keeps the reporting period (and FOCUS_DAYS around it) linear and squeezes the
days before and after it into narrow zones at the edges. Ticks fall on days, months or years,
whichever step gives a readable number of them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice

ZONE_SHARE = 0.12
"""Share of the plot width given to each edge zone of days outside the focus."""
ZONE_GAP = 8.0
FOCUS_DAYS = 120
"""The focus is the reporting period with this many days on either side..."""
FOCUS_SPREAD = 3
"""...used when the days drawn span more than this many times the focus."""
MIN_TICKS, MAX_TICKS = 2, 8

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class TimeScale:
    """A linear map from days (proleptic ordinals) to x."""

    low: float
    high: float
    left: float
    right: float

    def __call__(self, day: date | float) -> float:
        ordinal = day.toordinal() if isinstance(day, date) else day
        share = (ordinal - self.low) / (self.high - self.low)
        return round(self.left + share * (self.right - self.left), 1)


@dataclass(frozen=True, slots=True)
class FocusScale(TimeScale):
    """A linear scale over a focus window (`low` to `high`), with the days before and after it
    squeezed into narrow zones at the edges, in order: one event decades back must not crush
    the weeks the story is about against one edge."""

    before: float = 0.0  # first day of the earlier zone (its left edge), or `low` when none
    after: float = 0.0  # last day of the later zone (its right edge), or `high` when none
    zone: float = 0.0  # width of each zone in x

    def __call__(self, day: date | float) -> float:
        ordinal = day.toordinal() if isinstance(day, date) else day
        inner_left = self.left + (self.zone if self.before < self.low else 0.0)
        inner_right = self.right - (self.zone if self.after > self.high else 0.0)
        if ordinal < self.low:
            share = (ordinal - self.before) / max(self.low - self.before, 1.0)
            return round(self.left + share * (self.zone - ZONE_GAP), 1)
        if ordinal > self.high:
            share = (ordinal - self.high) / max(self.after - self.high, 1.0)
            return round(inner_right + ZONE_GAP + share * (self.zone - ZONE_GAP), 1)
        share = (ordinal - self.low) / (self.high - self.low)
        return round(inner_left + share * (inner_right - inner_left), 1)

    def breaks(self) -> tuple[tuple[float, str], ...]:
        """(x, label) of each axis break: where the earlier and later zones meet the focus."""
        found = []
        if self.before < self.low:
            found.append((round(self.left + self.zone - ZONE_GAP / 2, 1), "earlier"))
        if self.after > self.high:
            found.append((round(self.right - self.zone + ZONE_GAP / 2, 1), "later"))
        return tuple(found)


def focus_scale(days: Sequence[date], published: Sequence[date], left: float,
                 right: float) -> TimeScale:
    """The reporting period and FOCUS_DAYS around it on a linear scale, with earlier and later
    days in edge zones, when the days span much more than that; else a plain linear scale."""
    plain = time_scale(days, left, right)
    if not published:
        return plain
    low = min(published).toordinal() - FOCUS_DAYS
    high = max(published).toordinal() + FOCUS_DAYS
    first, last = min(days).toordinal(), max(days).toordinal()
    if last - first <= FOCUS_SPREAD * (high - low):
        return plain
    low, high = max(low, first - 1), min(high, last + 1)
    zone = (right - left) * ZONE_SHARE
    return FocusScale(low, high, left, right, before=min(first, low), after=max(last, high),
                       zone=zone)


def time_scale(days: Sequence[date], left: float, right: float) -> TimeScale:
    """A scale over `days`, padded a little at both ends; a single day gets three either side
    so that the domain never has zero width."""
    low, high = min(days).toordinal(), max(days).toordinal()
    pad = max(1.0, 0.04 * (high - low)) if high > low else 3.0
    first, last = float(date.min.toordinal()), float(date.max.toordinal())
    return TimeScale(max(first, low - pad), min(last, high + pad), left, right)


def _day_ticks(low: float, high: float, step: int) -> Iterator[date]:
    """Every `step` days; weekly steps fall on Mondays."""
    ordinal = math.ceil(low)
    if step >= 7:
        ordinal += (7 - date.fromordinal(ordinal).weekday()) % 7
    while ordinal <= high:
        yield date.fromordinal(ordinal)
        ordinal += step


def _month_ticks(low: float, high: float, step: int) -> Iterator[date]:
    """The first of every `step`-th month (January, then every `step` months)."""
    start = date.fromordinal(math.ceil(low))
    index = start.year * 12 + start.month - 1
    while index // 12 <= 9999:
        tick = date(index // 12, index % 12 + 1, 1)
        if tick.toordinal() > high:
            return
        if tick.toordinal() >= low and (tick.month - 1) % step == 0:
            yield tick
        index += 1


def _year_ticks(low: float, high: float, step: int) -> Iterator[date]:
    """1 January of every year that is a multiple of `step`."""
    year = -(-date.fromordinal(math.ceil(low)).year // step) * step
    while 1 <= year <= 9999 and date(year, 1, 1).toordinal() <= high:
        if date(year, 1, 1).toordinal() >= low:
            yield date(year, 1, 1)
        year += step


_TICK_STEPS: tuple[tuple[str, int], ...] = (
    *(("day", step) for step in (1, 2, 3, 7, 14)),
    *(("month", step) for step in (1, 2, 3, 6)),
    *(("year", step) for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)),
)
_TICKERS: dict[str, Callable[[float, float, int], Iterator[date]]] = {
    "day": _day_ticks, "month": _month_ticks, "year": _year_ticks}


def _tick_dates(low: float, high: float) -> tuple[str, list[date]]:
    """The finest step of days, months or years that gives at most MAX_TICKS ticks in the
    domain (each step is at most about 2.5 times the previous one, so that is usually 4 to 8)."""
    for unit, step in _TICK_STEPS:
        ticks = list(islice(_TICKERS[unit](low, high, step), MAX_TICKS + 1))
        if MIN_TICKS <= len(ticks) <= MAX_TICKS:
            return unit, ticks
        if len(ticks) < MIN_TICKS:
            break
    return "day", [date.fromordinal(math.ceil(low)), date.fromordinal(math.floor(high))]


def _tick_label(unit: str, tick: date, previous: date | None, always_year: bool) -> str:
    """"3 May", "Jun", "2024": the year added on the first tick, where it changes, and on
    every tick when a month name could come round twice."""
    year = f" {tick.year}" if always_year or previous is None or previous.year != tick.year else ""
    if unit == "day":
        return f"{tick.day} {_MONTHS[tick.month - 1]}{year}"
    if unit == "month":
        return _MONTHS[tick.month - 1] + year
    return str(tick.year)


def axis_ticks(scale: TimeScale) -> list[tuple[float, str]]:
    """(x, label) of each tick of the axis over the scale's domain."""
    unit, dates = _tick_dates(scale.low, scale.high)
    always_year = unit == "month" and len(dates) > 1 and (
        dates[-1].year * 12 + dates[-1].month) - (dates[0].year * 12 + dates[0].month) >= 12
    return [(scale(tick), _tick_label(unit, tick, dates[index - 1] if index else None,
                                      always_year)) for index, tick in enumerate(dates)]

