"""Geometry of the report's citation graph: outlets on the left joined to the sources they cite
on the right, and curves between outlets whose articles share copied passages.

Only numbers and plain text are made here, never markup: the macros in
`templates/charts.html.j2` draw the SVG from these records, so every piece of article text goes
through the template's autoescaping. The one piece of geometry built as a string is the `d` of
a copy edge's path, and it holds only numbers and path commands. Coordinates are in the units
of the SVG's viewBox: the width is fixed (WIDTH) and the height grows with the rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..models import Article, Citation, Copy, Span
from .chart_text import WIDTH, clean_text, fit_label

CG_LEFT_X = 230.0
CG_RIGHT_X = 730.0
CG_TOP = 34.0
"""Column headings sit above this, rows below it."""
CG_ROW = 26.0
CG_LEGEND = 34.0
CG_LABEL_GAP = 10.0
CG_LABEL_MAX = 34
CG_OUTLET_FROM_TITLE = 30


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
            or fit_label(clean_text(article.title), CG_OUTLET_FROM_TITLE) or f"article {number}"
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
        id=f"{prefix}{index}", label=fit_label(names.labels[key], CG_LABEL_MAX),
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
