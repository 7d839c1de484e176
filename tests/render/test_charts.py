"""The report's drawn charts as SVG (`templates/charts.html.j2`, `charts.css`): valid, without
inline style or handlers, with hostile article text escaped and shown as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from importlib import resources

from consilience.models import Citation, Span
from consilience.render.charts import timeline_chart

from .chart_helpers import (
    BREAKOUT,
    SCRIPT,
    SVG,
    article,
    chart_of,
    classes,
    entry,
    graph_of,
    hostile_story,
    parse_svg,
    render_graph,
    render_timeline,
    span,
    text_of,
)


def test_rendered_charts_are_valid_svg_without_inline_style_or_handlers() -> None:
    chart, graph = hostile_story()
    for svg in (render_timeline(chart), render_graph(graph)):
        assert not re.search(r"\sstyle\s*=", svg)
        assert "|safe" not in svg and "javascript:" not in svg
        parse_svg(svg)


def test_hostile_text_is_escaped_and_shown_as_text() -> None:
    chart, graph = hostile_story()
    for svg in (render_timeline(chart), render_graph(graph)):
        assert "<script" not in svg and "<img" not in svg
        root = parse_svg(svg)
        tags = {element.tag.removeprefix(SVG) for element in root.iter()}
        assert not tags & {"script", "img", "foreignObject", "iframe"}
        shown = text_of(root)
        assert SCRIPT in shown and BREAKOUT in shown
    graph_root = ET.fromstring(render_graph(graph))
    labels = [element.text for element in graph_root.iter(f"{SVG}text")
              if "cg-label" in classes(element)]
    assert f"Outlet {SCRIPT}" in labels and BREAKOUT in labels


def test_an_href_is_escaped_in_its_attribute() -> None:
    def hostile(span: Span) -> str:
        return 'x" onmouseover="alert(1)'

    chart = timeline_chart([entry("2024-05-01", "Talks", spans=[span()])], [], hostile)
    assert chart is not None
    (link,) = parse_svg(render_timeline(chart)).iter(f"{SVG}a")
    assert link.get("href") == '#x" onmouseover="alert(1)'
    assert set(link.attrib) == {"href", "class"}


def test_unprintable_characters_are_dropped_so_the_svg_still_parses() -> None:
    chart = chart_of([entry("2024-05-01", "bad\x00 \x0bchar\x1f here\ud800")])
    assert chart.marks[0].full_text == "bad char here"
    graph = graph_of([Citation("a1", "src\x07", "told", None)], [article("a1", "out\x1b")])
    assert [node.label for node in graph.outlets + graph.sources] == ["out", "src"]
    parse_svg(render_timeline(chart))
    parse_svg(render_graph(graph))


def test_every_drawing_class_has_a_rule_and_the_css_loads_nothing() -> None:
    css = resources.files("consilience.render").joinpath("templates/charts.css").read_text(
        encoding="utf-8")
    assert not re.search(r"url\(|@import|https?:", css)
    chart, graph = hostile_story()
    used: set[str] = set()
    for svg in (render_timeline(chart), render_graph(graph)):
        for element in ET.fromstring(svg).iter():
            used |= classes(element)
    structural = {"chart-legend", "tl-axis", "cg-copies", "cg-edges", "cite-link", "past"}
    missing = {name for name in used - structural if not re.search(rf"\.{name}\b", css)}
    assert not missing
