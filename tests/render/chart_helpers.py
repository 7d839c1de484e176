"""Builders and readers shared by the chart tests: entries, articles, citations, the charts
made from them, and their SVG as the templates draw it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from consilience.models import Article, Citation, Copy, Span, TimelineEntry
from consilience.render.charts import CitationGraph, TimelineChart, citation_graph, timeline_chart
from consilience.render.templating import environment

SVG = "{http://www.w3.org/2000/svg}"
SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'


def anchor(span: Span) -> str:
    return f"span-{span.article}-{span.start}"


def span(article: str = "a1", start: int = 0) -> Span:
    return Span(article, start, start + 4, "text")


def article(id: str, outlet: str | None = None, published: str | None = None,
            title: str | None = None) -> Article:
    return Article(id=id, source=f"{id}.txt", text="Some text of the article.", outlet=outlet,
                   published=published, title=title)


def entry(date: str | None, text: str, articles: Sequence[str] = ("a1",),
          spans: Sequence[Span] = (), end: str | None = None,
          scheduled: bool = False) -> TimelineEntry:
    return TimelineEntry(date=date, text=text, articles=tuple(articles), spans=tuple(spans),
                         end=end, scheduled=scheduled)


def chart_of(entries: Sequence[TimelineEntry], articles: Sequence[Article] = (),
             limit: int = 60) -> TimelineChart:
    chart = timeline_chart(entries, articles, anchor, limit=limit)
    assert chart is not None
    return chart


def graph_of(citations: Sequence[Citation], articles: Sequence[Article],
             copies: Sequence[Copy] = (), limit: int = 40) -> CitationGraph:
    graph = citation_graph(citations, articles, copies, anchor, limit=limit)
    assert graph is not None
    return graph


def render_timeline(chart: TimelineChart) -> str:
    return environment().from_string(
        '{% import "charts.html.j2" as charts %}{{ charts.timeline_svg(chart) }}').render(
        chart=chart)


def render_graph(graph: CitationGraph) -> str:
    return environment().from_string(
        '{% import "charts.html.j2" as charts %}{{ charts.citation_svg(graph) }}').render(
        graph=graph)


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def text_of(root: ET.Element) -> str:
    return " ".join("".join(root.itertext()).split())


def parse_svg(svg: str) -> ET.Element:
    """The macro output as XML, checked for what every chart must have and must not have."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("aria-label")
    assert root.get("width") == "100%"
    assert root.get("preserveAspectRatio") == "xMinYMin meet"
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox", ""))
    first = root.find(f"{SVG}title")
    assert first is not None and first.text == root.get("aria-label")
    for element in root.iter():
        assert element.tag.startswith(SVG), element.tag
        for name, value in element.attrib.items():
            assert name != "style" and not name.lower().startswith("on"), name
            assert "http:" not in value and "https:" not in value
    return root


def hostile_story() -> tuple[TimelineChart, CitationGraph]:
    articles = [article("a1", outlet=f"Outlet {SCRIPT}", published="2024-05-02"),
                article("a2", outlet=BREAKOUT, published="2024-05-04")]
    chart = chart_of([entry("2024-05-01", f"Talks {SCRIPT}", spans=[span()]),
                      entry("2024-05-03", f"Vote {BREAKOUT}", scheduled=True)], articles)
    graph = graph_of([Citation("a1", f"Source {SCRIPT}", "told", span()),
                      Citation("a2", BREAKOUT, "cited", None)], articles,
                     [Copy("a2", "a1", 0.5)])
    return chart, graph
