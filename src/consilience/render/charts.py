"""Geometry for the two drawn charts of the HTML report: the timeline and the citation graph.

Only numbers and plain text are made here, never markup. The macros in
`templates/charts.html.j2` draw the SVG from these records, so every piece of article text
goes through the template's autoescaping. The one piece of geometry built as a string is the
`d` of a copy edge's path, and it holds only numbers and path commands.

Coordinates are in the units of the SVG's viewBox: `width` is fixed (960) and `height` grows
with the rows. The SVG scales to its container, so these are proportions, not pixels.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Literal

from dateutil.parser import isoparse

from ..models import Article, Citation, Copy, Span, TimelineEntry

WIDTH = 960.0
CHAR_WIDTH = 6.2
"""Roughly the advance of one character at the charts' 11-unit font size, used to fit text."""

# Timeline layout.
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
TL_ZONE_SHARE = 0.12
"""Share of the plot width given to each edge zone of days outside the focus."""
TL_ZONE_GAP = 8.0
FOCUS_DAYS = 120
"""The focus is the reporting period with this many days on either side..."""
FOCUS_SPREAD = 3
"""...used when the days drawn span more than this many times the focus."""
MIN_TICKS, MAX_TICKS = 2, 8

# Citation graph layout.
CG_LEFT_X = 230.0
CG_RIGHT_X = 730.0
CG_TOP = 34.0
"""Column headings sit above this, rows below it."""
CG_ROW = 26.0
CG_LEGEND = 34.0
CG_LABEL_GAP = 10.0
CG_LABEL_MAX = 34
CG_OUTLET_FROM_TITLE = 30

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


# --- text ------------------------------------------------------------------------------------


def clean_text(text: str | None) -> str:
    """`text` on one line, without characters a document cannot hold (controls, lone
    surrogates): what a label shows. Escaping is the template's job, not this one's."""
    if not text:
        return ""
    return _SPACE.sub(" ", _UNPRINTABLE.sub("", text)).strip()


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, "…" included, at a word boundary when one is
    near the cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    if space > 0.6 * limit:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


# --- dates -----------------------------------------------------------------------------------


def parse_date(value: str | None) -> date | None:
    """The day an ISO value starts on: "2024" is 1 January, "2024-05" the 1st of May, "2024-W18"
    the Monday of that week, a date-time its own calendar day (not moved to UTC). None for
    anything else ("next week", "2024-13")."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        return isoparse(text).date()
    except (ValueError, OverflowError, IndexError):
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Scale:
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
class _FocusScale(_Scale):
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
            return round(self.left + share * (self.zone - TL_ZONE_GAP), 1)
        if ordinal > self.high:
            share = (ordinal - self.high) / max(self.after - self.high, 1.0)
            return round(inner_right + TL_ZONE_GAP + share * (self.zone - TL_ZONE_GAP), 1)
        share = (ordinal - self.low) / (self.high - self.low)
        return round(inner_left + share * (inner_right - inner_left), 1)

    def breaks(self) -> tuple[tuple[float, str], ...]:
        """(x, label) of each axis break: where the earlier and later zones meet the focus."""
        found = []
        if self.before < self.low:
            found.append((round(self.left + self.zone - TL_ZONE_GAP / 2, 1), "earlier"))
        if self.after > self.high:
            found.append((round(self.right - self.zone + TL_ZONE_GAP / 2, 1), "later"))
        return tuple(found)


def _focus_scale(days: Sequence[date], published: Sequence[date], left: float,
                 right: float) -> _Scale:
    """The reporting period and FOCUS_DAYS around it on a linear scale, with earlier and later
    days in edge zones, when the days span much more than that; else a plain linear scale."""
    plain = _time_scale(days, left, right)
    if not published:
        return plain
    low = min(published).toordinal() - FOCUS_DAYS
    high = max(published).toordinal() + FOCUS_DAYS
    first, last = min(days).toordinal(), max(days).toordinal()
    if last - first <= FOCUS_SPREAD * (high - low):
        return plain
    low, high = max(low, first - 1), min(high, last + 1)
    zone = (right - left) * TL_ZONE_SHARE
    return _FocusScale(low, high, left, right, before=min(first, low), after=max(last, high),
                       zone=zone)


def _time_scale(days: Sequence[date], left: float, right: float) -> _Scale:
    """A scale over `days`, padded a little at both ends; a single day gets three either side
    so that the domain never has zero width."""
    low, high = min(days).toordinal(), max(days).toordinal()
    pad = max(1.0, 0.04 * (high - low)) if high > low else 3.0
    first, last = float(date.min.toordinal()), float(date.max.toordinal())
    return _Scale(max(first, low - pad), min(last, high + pad), left, right)


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


def _ticks(scale: _Scale) -> list[tuple[float, str]]:
    unit, dates = _tick_dates(scale.low, scale.high)
    always_year = unit == "month" and len(dates) > 1 and (
        dates[-1].year * 12 + dates[-1].month) - (dates[0].year * 12 + dates[0].month) >= 12
    return [(scale(tick), _tick_label(unit, tick, dates[index - 1] if index else None,
                                      always_year)) for index, tick in enumerate(dates)]


# --- timeline --------------------------------------------------------------------------------


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
    start = parse_date(entry.date)
    if start is None:
        return None
    end = parse_date(entry.end)
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
    start = shorten(clean_text(entry.date).split("T")[0], TL_DATE_MAX)
    if end is None:
        return start
    return f"{start} – {shorten(clean_text(entry.end).split('T')[0], TL_DATE_MAX)}"


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


def _mark(item: _Dated, row: int, scale: _Scale, anchor: Callable[[Span], str]) -> TimelineMark:
    x = scale(item.start)
    x_end = scale(item.end) if item.end is not None else None
    full = clean_text(item.entry.text)
    text_x, text_anchor, fits = _text_side(x, x_end, len(full))
    spans = item.entry.spans
    return TimelineMark(
        x=x, y=round(TL_TOP + (row + 0.5) * TL_ROW, 1), x_end=x_end,
        date_label=_date_label(item.entry, item.end), text=shorten(full, fits), full_text=full,
        scheduled=item.entry.scheduled, href="#" + anchor(spans[0]) if spans else None,
        articles=item.articles, date=item.start.isoformat(), text_x=text_x,
        text_anchor=text_anchor)


def _band(published: list[date], scale: _Scale) -> tuple[float, float] | None:
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
    published = [day for day in (parse_date(article.published) for article in articles)
                 if day is not None]
    days = [item.start for item in kept] + [item.end for item in kept if item.end] + published
    scale = _focus_scale(days, published, TL_PLOT_LEFT, TL_PLOT_RIGHT)
    marks = tuple(_mark(item, row, scale, anchor) for row, item in enumerate(kept))
    bottom = TL_TOP + len(marks) * TL_ROW
    return TimelineChart(
        width=WIDTH, height=bottom + TL_LEGEND, marks=marks, ticks=tuple(_ticks(scale)),
        band=_band(published, scale), undated=len(entries) - len(dated),
        hidden=len(dated) - len(kept), bottom=bottom, legend_y=bottom + TL_LEGEND / 2,
        breaks=scale.breaks() if isinstance(scale, _FocusScale) else ())


# --- citation graph --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GraphNode:
    """An outlet (left column) or a cited source (right column). `degree` counts the nodes of
    the other column it is joined to; `label_x` is where its label is anchored (the label ends
    there for an outlet, starts there for a source) and `r` the radius of its dot."""

    id: str
    label: str
    full_label: str
    x: float
    y: float
    side: Literal["outlet", "source"]
    degree: int
    label_x: float = 0.0
    r: float = 4.0


@dataclass(frozen=True, slots=True)
class GraphEdge:
    """The citations of one source by one outlet's articles: `count` of them, their `kinds`,
    `href` the first one's span in the page; `weight` 1–4 buckets `count` for the stroke."""

    source_node: str
    target_node: str
    x1: float
    y1: float
    x2: float
    y2: float
    count: int
    kinds: tuple[str, ...]
    href: str | None
    weight: int
    outlet_label: str = ""
    source_label: str = ""


@dataclass(frozen=True, slots=True)
class CopyEdge:
    """Passages of one outlet's article repeated in another's: a curve `path_d` between the
    two outlet dots that bows out to the left; `overlap` (0 to 1) is the copier's share of
    copied words. `copier` and `original` are the two outlets' full labels."""

    x1: float
    y1: float
    x2: float
    y2: float
    overlap: float
    path_d: str
    copier: str = ""
    original: str = ""


@dataclass(frozen=True, slots=True)
class CitationGraph:
    """Outlets on the left, the sources they cite on the right; `hidden` counts the sources
    left out over the limit."""

    width: float
    height: float
    outlets: tuple[GraphNode, ...]
    sources: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    copies: tuple[CopyEdge, ...]
    hidden: int
    top: float = CG_TOP
    legend_y: float = CG_TOP
    left_x: float = CG_LEFT_X
    right_x: float = CG_RIGHT_X


@dataclass(slots=True)
class _Link:
    """The citations from one outlet to one source, as they are gathered."""

    count: int = 0
    kinds: set[str] = field(default_factory=set)
    span: Span | None = None


class _Names:
    """Labels met under one key each (case and spacing ignored); the first spelling is kept."""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}

    def add(self, label: str) -> str:
        key = label.casefold()
        self.labels.setdefault(key, label)
        return key


def _outlet_labels(articles: Sequence[Article]) -> dict[str, str]:
    """Each article's node label: its outlet, else its title cut short, else "article N"."""
    return {article.id: clean_text(article.outlet)
            or shorten(clean_text(article.title), CG_OUTLET_FROM_TITLE) or f"article {number}"
            for number, article in enumerate(articles, start=1)}


def _weight(count: int) -> int:
    """1, 2, 3–4 and 5 or more citations: stroke classes w1 to w4."""
    return 1 if count <= 1 else 2 if count == 2 else 3 if count <= 4 else 4


def _gather(citations: Sequence[Citation], label_of: Callable[[str], str], outlets: _Names,
            sources: _Names) -> dict[tuple[str, str], _Link]:
    links: dict[tuple[str, str], _Link] = {}
    for citation in citations:
        source = clean_text(citation.source)
        if not source:
            continue
        key = (outlets.add(label_of(citation.article)), sources.add(source))
        link = links.setdefault(key, _Link())
        link.count += 1
        link.kinds.add(citation.kind)
        if link.span is None:
            link.span = citation.span
    return links


def _keep_sources(links: dict[tuple[str, str], _Link], limit: int) -> tuple[list[str], int]:
    """The source keys to draw, most cited first when over `limit`, and how many were left
    out; ordered by how many outlets cite them (most first), then by name."""
    cited: dict[str, int] = {}
    outlets: dict[str, int] = {}
    for (_, source), link in links.items():
        cited[source] = cited.get(source, 0) + link.count
        outlets[source] = outlets.get(source, 0) + 1
    keys = sorted(cited, key=lambda key: (-cited[key], -outlets[key], key))
    kept = keys[:limit]
    return sorted(kept, key=lambda key: (-outlets[key], key)), len(keys) - len(kept)


def _order_outlets(keys: set[str], links: dict[tuple[str, str], _Link],
                   source_rank: dict[str, int]) -> list[str]:
    """Outlets by the mean rank of the sources they cite (their barycentre), which keeps edges
    short and crossings few; outlets that cite nothing drawn go last. Ties by name."""
    ranks: dict[str, list[int]] = {key: [] for key in keys}
    for (outlet, source) in links:
        if source in source_rank:
            ranks[outlet].append(source_rank[source])

    def barycentre(key: str) -> float:
        return sum(ranks[key]) / len(ranks[key]) if ranks[key] else math.inf

    return sorted(keys, key=lambda key: (barycentre(key), key))


def _column(keys: list[str], names: _Names, rows: int, side: Literal["outlet", "source"],
            degrees: dict[str, int]) -> list[GraphNode]:
    """One column of nodes, centred against the longer column."""
    x = CG_LEFT_X if side == "outlet" else CG_RIGHT_X
    label_x = x - CG_LABEL_GAP if side == "outlet" else x + CG_LABEL_GAP
    offset = (rows - len(keys)) * CG_ROW / 2
    prefix = "o" if side == "outlet" else "s"
    return [GraphNode(
        id=f"{prefix}{index}", label=shorten(names.labels[key], CG_LABEL_MAX),
        full_label=names.labels[key], x=x, y=round(CG_TOP + offset + (index + 0.5) * CG_ROW, 1),
        side=side, degree=degrees.get(key, 0), label_x=label_x,
        r=3.5 + min(degrees.get(key, 0), 5) * 0.5) for index, key in enumerate(keys)]


def _copy_path(x: float, y1: float, y2: float) -> str:
    """A cubic curve from (x, y1) to (x, y2) bowing left, further for nodes further apart."""
    bow = min(150.0, 16.0 + 0.4 * abs(y2 - y1))
    lift = 0.3 * (y2 - y1)
    return (f"M {x:.1f} {y1:.1f} C {x - bow:.1f} {y1 + lift:.1f} "
            f"{x - bow:.1f} {y2 - lift:.1f} {x:.1f} {y2:.1f}")


def _copy_pairs(copies: Sequence[Copy], label_of: Callable[[str], str],
                outlets: _Names) -> dict[frozenset[str], tuple[str, str, float]]:
    """(copier, original, overlap) per pair of distinct outlet nodes, the largest overlap when
    several articles of the two outlets copy each other."""
    pairs: dict[frozenset[str], tuple[str, str, float]] = {}
    for copy in copies:
        copier, original = outlets.add(label_of(copy.article)), outlets.add(
            label_of(copy.of_article))
        if copier == original:
            continue
        overlap = min(1.0, max(0.0, copy.overlap))
        pair = frozenset((copier, original))
        if pair not in pairs or overlap > pairs[pair][2]:
            pairs[pair] = (copier, original, overlap)
    return pairs


def citation_graph(citations: Sequence[Citation], articles: Sequence[Article],
                   copies: Sequence[Copy], anchor: Callable[[Span], str],
                   limit: int = 40) -> CitationGraph | None:
    """Who cites whom: outlets (of the citing articles) on the left joined to the sources they
    cite on the right, and dashed curves between outlets whose articles share copied passages.

    Sources are ordered by how many outlets cite them and outlets by the mean position of
    their sources, to keep crossings few. Over `limit` sources, the most cited are kept.
    `anchor` names the element of a span in the page. None when there is nothing to draw.
    """
    known = _outlet_labels(articles)

    def label_of(article_id: str) -> str:
        return known.get(article_id) or clean_text(article_id) or "article ?"

    outlet_names, source_names = _Names(), _Names()
    links = _gather(citations, label_of, outlet_names, source_names)
    pairs = _copy_pairs(copies, label_of, outlet_names)
    source_keys, hidden = _keep_sources(links, max(limit, 1))
    rank = {key: index for index, key in enumerate(source_keys)}
    links = {key: link for key, link in links.items() if key[1] in rank}
    if not links and not pairs:
        return None
    outlet_keys = _order_outlets({outlet for outlet, _ in links}.union(*pairs), links, rank)
    outlet_degree = {key: sum(1 for outlet, _ in links if outlet == key) for key in outlet_keys}
    source_degree = {key: sum(1 for _, source in links if source == key) for key in source_keys}
    rows = max(len(outlet_keys), len(source_keys))
    outlets = _column(outlet_keys, outlet_names, rows, "outlet", outlet_degree)
    sources = _column(source_keys, source_names, rows, "source", source_degree)
    by_outlet = dict(zip(outlet_keys, outlets, strict=True))
    by_source = dict(zip(source_keys, sources, strict=True))
    edges = sorted((GraphEdge(
        source_node=by_outlet[outlet].id, target_node=by_source[source].id, x1=CG_LEFT_X,
        y1=by_outlet[outlet].y, x2=CG_RIGHT_X, y2=by_source[source].y, count=link.count,
        kinds=tuple(sorted(link.kinds)), href="#" + anchor(link.span) if link.span else None,
        weight=_weight(link.count), outlet_label=by_outlet[outlet].full_label,
        source_label=by_source[source].full_label)
        for (outlet, source), link in links.items()),
        key=lambda edge: (edge.weight, edge.y1, edge.y2))
    copy_edges = sorted((CopyEdge(
        x1=CG_LEFT_X, y1=by_outlet[copier].y, x2=CG_LEFT_X, y2=by_outlet[original].y,
        overlap=overlap, path_d=_copy_path(CG_LEFT_X, by_outlet[copier].y, by_outlet[original].y),
        copier=by_outlet[copier].full_label, original=by_outlet[original].full_label)
        for copier, original, overlap in pairs.values()), key=lambda edge: (edge.y1, edge.y2))
    bottom = CG_TOP + rows * CG_ROW
    return CitationGraph(
        width=WIDTH, height=bottom + CG_LEGEND, outlets=tuple(outlets), sources=tuple(sources),
        edges=tuple(edges), copies=tuple(copy_edges), hidden=hidden,
        legend_y=bottom + CG_LEGEND / 2)
