"""Geometry of the report's timeline chart: one row per dated entry, Gantt-like, on a time axis
that also covers the reporting period (the articles' publication dates, shaded).

Only numbers and plain text are made here, never markup: the macros in
`templates/charts.html.j2` draw the SVG from these records, so every piece of article text goes
through the template's autoescaping. Coordinates are in the units of the SVG's viewBox: the
width is fixed (WIDTH) and the height grows with the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..isodates import iso_start_day
from ..models import Article, Span, TimelineEntry
from .chart_scale import FocusScale, TimeScale, axis_ticks, focus_scale
from .chart_text import CHAR_WIDTH, WIDTH, clean_text, fit_label

TL_DATE_X = 6.0
"""Date labels start here, left-aligned, in the column before the plot."""
TL_PLOT_LEFT = 176.0
TL_PLOT_RIGHT = WIDTH - 16.0
TL_TOP = 30.0
"""The axis line; tick labels sit above it, rows below it."""
TL_ROW = 22.0
TL_DATE_MAX = 11
"""Characters of one date in the label column: "2024-05-03", "2024-W18-3"."""
TL_LEGEND = 34.0
TL_TEXT_GAP = 9.0
TL_TEXT_MAX = 100
TL_TEXT_MIN = 16
TL_MIN_BAND = 3.0


@dataclass(frozen=True, slots=True)
class TimelineMark:
    """One dated entry, one row: a mark at `x` (a bar to `x_end` for a range), the date label
    in the left column and the text beside the mark, at `text_x` anchored at its `text_anchor`
    end (to the right of the mark when it fits there, else to its left)."""

    x: float
    y: float
    x_end: float | None
    date_label: str
    text: str
    full_text: str
    scheduled: bool
    href: str | None
    articles: int
    date: str
    """The start day, ISO: the `data-date` of the mark."""
    text_x: float
    text_anchor: Literal["start", "end"]


@dataclass(frozen=True, slots=True)
class TimelineChart:
    """`ticks` are (x, label); `band` the reporting period as (x from, x to); `undated` the
    entries with no date this chart can place, `hidden` the dated ones left out over the
    limit. The plot runs from `plot_left` to `plot_right`, the rows from `top` to `bottom`."""

    width: float
    height: float
    marks: tuple[TimelineMark, ...]
    ticks: tuple[tuple[float, str], ...]
    band: tuple[float, float] | None
    undated: int
    hidden: int
    plot_left: float = TL_PLOT_LEFT
    plot_right: float = TL_PLOT_RIGHT
    top: float = TL_TOP
    bottom: float = TL_TOP
    legend_y: float = TL_TOP
    date_x: float = TL_DATE_X
    row: float = TL_ROW
    breaks: tuple[tuple[float, str], ...] = ()
    """(x, "earlier" / "later") where the axis leaves the focus on the reporting period."""


@dataclass(frozen=True, slots=True)
class _Dated:
    entry: TimelineEntry
    start: date
    end: date | None
    articles: int


def _dated(entry: TimelineEntry) -> _Dated | None:
    start = iso_start_day(entry.date)
    if start is None:
        return None
    end = iso_start_day(entry.end)
    if end is not None and end <= start:
        end = None
    return _Dated(entry, start, end, len(set(entry.articles)))


def _keep(dated: list[_Dated], limit: int) -> list[_Dated]:
    """The `limit` entries reported by most articles (ties: the earliest), in date order and
    then by text."""
    if len(dated) > limit:
        dated = sorted(dated, key=lambda item: (-item.articles, item.start))[:limit]
    return sorted(dated, key=lambda item: (item.start, item.end or item.start,
                                           item.entry.text.casefold(), item.entry.text))


def _date_label(entry: TimelineEntry, end: date | None) -> str:
    """The entry's own date ("2024-05-03", "2024-05 – 2024-06"), a date-time cut to its day,
    short enough for the label column."""
    start = fit_label(clean_text(entry.date).split("T")[0], TL_DATE_MAX)
    if end is None:
        return start
    return f"{start} – {fit_label(clean_text(entry.end).split('T')[0], TL_DATE_MAX)}"


def _text_side(x: float, x_end: float | None,
               full: int) -> tuple[float, Literal["start", "end"], int]:
    """Where the text goes: right of the mark (or bar) when the whole text fits there or that
    side has more room, else left of it; with how many characters fit."""
    right_x = (x_end if x_end is not None else x) + TL_TEXT_GAP
    room_right = WIDTH - 4.0 - right_x
    room_left = x - TL_TEXT_GAP - TL_PLOT_LEFT
    fits_right = min(TL_TEXT_MAX, max(TL_TEXT_MIN, int(room_right / CHAR_WIDTH)))
    if full * CHAR_WIDTH <= room_right or room_right >= room_left:
        return round(right_x, 1), "start", fits_right
    fits_left = min(TL_TEXT_MAX, max(TL_TEXT_MIN, int(room_left / CHAR_WIDTH)))
    return round(x - TL_TEXT_GAP, 1), "end", fits_left


def _mark(item: _Dated, row: int, scale: TimeScale, anchor: Callable[[Span], str]) -> TimelineMark:
    x = scale(item.start)
    x_end = scale(item.end) if item.end is not None else None
    full = clean_text(item.entry.text)
    text_x, text_anchor, fits = _text_side(x, x_end, len(full))
    spans = item.entry.spans
    return TimelineMark(
        x=x, y=round(TL_TOP + (row + 0.5) * TL_ROW, 1), x_end=x_end,
        date_label=_date_label(item.entry, item.end), text=fit_label(full, fits), full_text=full,
        scheduled=item.entry.scheduled, href="#" + anchor(spans[0]) if spans else None,
        articles=item.articles, date=item.start.isoformat(), text_x=text_x,
        text_anchor=text_anchor)


def _band(published: list[date], scale: TimeScale) -> tuple[float, float] | None:
    """From the first to the last article's publication, at least TL_MIN_BAND wide."""
    if not published:
        return None
    start, end = scale(min(published)), scale(max(published))
    if end - start < TL_MIN_BAND:
        middle = (start + end) / 2
        start, end = round(middle - TL_MIN_BAND / 2, 1), round(middle + TL_MIN_BAND / 2, 1)
    return start, end


def timeline_chart(entries: Sequence[TimelineEntry], articles: Sequence[Article],
                   anchor: Callable[[Span], str], limit: int = 60) -> TimelineChart | None:
    """The timeline as a Gantt-like chart: one row per dated entry in date order on a linear
    time scale that also covers the articles' publication dates (the shaded reporting period).

    `anchor` names the element of a span in the page, for the link from a mark to its source.
    Over `limit` dated entries, those reported by most articles are kept. None when no entry
    has a date this chart can place.
    """
    dated = [item for item in map(_dated, entries) if item is not None]
    if not dated:
        return None
    kept = _keep(dated, max(limit, 1))
    published = [day for day in (iso_start_day(article.published) for article in articles)
                 if day is not None]
    days = [item.start for item in kept] + [item.end for item in kept if item.end] + published
    scale = focus_scale(days, published, TL_PLOT_LEFT, TL_PLOT_RIGHT)
    marks = tuple(_mark(item, row, scale, anchor) for row, item in enumerate(kept))
    bottom = TL_TOP + len(marks) * TL_ROW
    return TimelineChart(
        width=WIDTH, height=bottom + TL_LEGEND, marks=marks, ticks=tuple(axis_ticks(scale)),
        band=_band(published, scale), undated=len(entries) - len(dated),
        hidden=len(dated) - len(kept), bottom=bottom, legend_y=bottom + TL_LEGEND / 2,
        breaks=scale.breaks() if isinstance(scale, FocusScale) else ())
