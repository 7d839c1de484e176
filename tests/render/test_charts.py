"""The report's drawn charts: timeline and citation graph geometry, and the SVG macros."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from importlib import resources

import pytest

from consilience.models import Article, Citation, Copy, Span, TimelineEntry
from consilience.render.charts import (
    CG_LABEL_MAX,
    CG_LEFT_X,
    CG_RIGHT_X,
    TL_PLOT_LEFT,
    TL_PLOT_RIGHT,
    CitationGraph,
    TimelineChart,
    citation_graph,
    parse_date,
    timeline_chart,
)
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


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-05-03", "2024-05-03"),
    ("2024-05", "2024-05-01"),
    ("2024", "2024-01-01"),
    ("2024-05-03T23:30:00-05:00", "2024-05-03"),
    ("2024-W18", "2024-04-29"),
    ("2024-05-03T25:00", "2024-05-03"),
    ("next week", None),
    ("2024-13", None),
    ("", None),
    (None, None),
])
def test_parse_date_reads_iso_values_at_any_precision(value: str | None,
                                                      expected: str | None) -> None:
    day = parse_date(value)
    assert (day.isoformat() if day else None) == expected


# --- timeline --------------------------------------------------------------------------------


def test_rows_follow_date_order_then_text() -> None:
    chart = chart_of([entry("2024-05-09", "Later"), entry("2024-05-01", "beta"),
                      entry("2024-05-01", "Alpha"), entry("2024-04-20", "Earliest")])
    assert [mark.full_text for mark in chart.marks] == ["Earliest", "Alpha", "beta", "Later"]
    ys = [mark.y for mark in chart.marks]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    xs = [mark.x for mark in chart.marks]
    assert xs[0] < xs[1] == xs[2] < xs[3]


def test_marks_lie_in_the_plot_on_a_linear_scale() -> None:
    chart = chart_of([entry("2024-05-01", "a"), entry("2024-05-02", "b"),
                      entry("2024-05-05", "c", end="2024-05-20")],
                     [article("a1", published="2024-04-25"), article("a2", published="2024-06-01")])
    for mark in chart.marks:
        for x in (mark.x, mark.x_end):
            if x is not None:
                assert TL_PLOT_LEFT <= x <= TL_PLOT_RIGHT <= chart.width
    first, second, third = (mark.x for mark in chart.marks)
    assert third - second == pytest.approx(3 * (second - first), abs=0.3)
    assert chart.height > chart.marks[-1].y


def test_a_range_draws_a_bar_to_its_end() -> None:
    chart = chart_of([entry("2024-05", "Month-long talks", end="2024-06"),
                      entry("2024-05-10", "Backwards", end="2024-05-01"),
                      entry("2024-05-20", "Point")])
    ranged, backwards, point = chart.marks
    assert ranged.x_end is not None and ranged.x_end > ranged.x
    assert ranged.date_label == "2024-05 – 2024-06"
    assert backwards.x_end is None and point.x_end is None
    bars = parse_svg(render_timeline(chart)).iter(f"{SVG}rect")
    widths = [float(bar.get("width", "0")) for bar in bars if "tl-bar" in classes(bar)]
    assert widths == [pytest.approx(ranged.x_end - ranged.x, abs=0.2)]


def test_scheduled_and_reported_events_are_drawn_differently() -> None:
    chart = chart_of([entry("2024-05-01", "Talks held"),
                      entry("2024-06-01", "Summit", scheduled=True)])
    assert [mark.scheduled for mark in chart.marks] == [False, True]
    root = parse_svg(render_timeline(chart))
    groups = [group for group in root.iter(f"{SVG}g") if "tl-mark" in classes(group)]
    assert [sorted(classes(group)) for group in groups] == [["past", "tl-mark"],
                                                             ["scheduled", "tl-mark"]]
    assert [group.get("data-date") for group in groups] == ["2024-05-01", "2024-06-01"]
    past, scheduled = groups
    assert past.find(f".//{SVG}circle") is not None and past.find(f".//{SVG}polygon") is None
    assert scheduled.find(f".//{SVG}polygon") is not None
    assert scheduled.find(f".//{SVG}circle") is None
    legend = text_of(root)
    for words in ("reported event", "scheduled / expected"):
        assert words in legend


def test_undated_and_unreadable_dates_are_counted_not_drawn() -> None:
    chart = chart_of([entry("2024-05-03T10:00:00+09:00", "Kept"), entry(None, "No date"),
                      entry("next week", "Vague"), entry("2024-13", "No such month"),
                      entry("2024-W18", "Week")])
    assert chart.undated == 3
    assert [(mark.date, mark.full_text) for mark in chart.marks] == [
        ("2024-04-29", "Week"), ("2024-05-03", "Kept")]
    assert chart.marks[1].date_label == "2024-05-03"
    assert "3 undated events" in text_of(parse_svg(render_timeline(chart)))


def test_nothing_to_draw_gives_none() -> None:
    assert timeline_chart([], [article("a1", published="2024-05-01")], anchor) is None
    assert timeline_chart([entry(None, "x"), entry("soon", "y")], [], anchor) is None


def test_a_single_date_does_not_collapse_the_scale() -> None:
    alone = chart_of([entry("2024-05-03", "Only event")])
    (mark,) = alone.marks
    assert TL_PLOT_LEFT < mark.x < TL_PLOT_RIGHT
    assert alone.band is None
    assert len(alone.ticks) >= 2
    same_day = chart_of([entry("2024-05-03", "Only event")],
                        [article("a1", published="2024-05-03T08:00:00Z")])
    assert same_day.band is not None
    start, end = same_day.band
    assert end - start >= 2.9 and start <= same_day.marks[0].x <= end


def test_over_the_limit_the_most_reported_entries_are_kept_in_date_order() -> None:
    entries = [entry(f"2024-05-0{day}", f"day {day}", articles=[f"a{n}" for n in range(count)])
               for day, count in ((1, 1), (2, 3), (3, 2), (4, 3), (5, 1))]
    chart = chart_of(entries, limit=3)
    assert [mark.full_text for mark in chart.marks] == ["day 2", "day 3", "day 4"]
    assert [mark.articles for mark in chart.marks] == [3, 2, 3]
    assert chart.hidden == 2
    assert "2 more dated events not shown" in text_of(parse_svg(render_timeline(chart)))
    ties = [entry(f"2024-05-0{day}", f"tie {day}", articles=("a1", "a2")) for day in (4, 2, 3)]
    assert [mark.full_text for mark in chart_of(ties, limit=2).marks] == ["tie 2", "tie 3"]


@pytest.mark.parametrize(("first", "last", "label"), [
    ("2024-05-01", "2024-05-02", r"\d{1,2} [A-Z][a-z]{2}( \d{4})?"),
    ("2024-05-01", "2024-05-20", r"\d{1,2} [A-Z][a-z]{2}( \d{4})?"),
    ("2024-01-10", "2024-06-20", r"[A-Z][a-z]{2}( \d{4})?"),
    ("2022-03-01", "2024-06-01", r"([A-Z][a-z]{2}( \d{4})?|\d{4})"),
    ("1985-01-01", "2024-06-01", r"\d{4}"),
    ("1700", "2024", r"\d{4}"),
])
def test_ticks_are_few_increasing_and_labelled(first: str, last: str, label: str) -> None:
    chart = chart_of([entry(first, "first"), entry(last, "last")])
    xs = [x for x, _ in chart.ticks]
    assert 2 <= len(xs) <= 8
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert all(TL_PLOT_LEFT <= x <= TL_PLOT_RIGHT for x in xs)
    labels = [text for _, text in chart.ticks]
    assert all(re.fullmatch(label, text) for text in labels), labels
    assert len(set(labels)) == len(labels)
    assert re.search(r"\d{4}", labels[0]), "the first tick names the year"


def test_the_band_spans_the_reporting_period() -> None:
    articles = [article("a1", published="2024-05-03"), article("a2", published="2024-05-07T12:00Z"),
                article("a3")]
    chart = chart_of([entry("2024-05-03", "first"), entry("2024-05-07", "last"),
                      entry("2024-05-20", "later")], articles)
    assert chart.band == (chart.marks[0].x, chart.marks[1].x)
    rects = [rect for rect in parse_svg(render_timeline(chart)).iter(f"{SVG}rect")
             if "tl-band" in classes(rect)]
    assert float(rects[0].get("x", "0")) == chart.marks[0].x
    assert "reporting period" in text_of(parse_svg(render_timeline(chart)))


def test_marks_link_to_their_first_span() -> None:
    chart = chart_of([entry("2024-05-01", "Linked", spans=[span("a2", 40), span("a1", 3)]),
                      entry("2024-05-02", "Unlinked")])
    assert [mark.href for mark in chart.marks] == ["#span-a2-40", None]
    root = parse_svg(render_timeline(chart))
    links = list(root.iter(f"{SVG}a"))
    assert [(link.get("href"), link.get("class")) for link in links] == [
        ("#span-a2-40", "cite-link")]
    assert text_of(links[0]) == "Linked"


def test_long_text_is_shortened_and_kept_whole_in_the_title() -> None:
    long = "word " * 60 + "END"
    chart = chart_of([entry("2024-05-01", long)])
    (mark,) = chart.marks
    assert len(mark.text) <= 100 and mark.text.endswith("…")
    assert mark.full_text == " ".join(long.split())
    titles = [title.text or "" for title in parse_svg(render_timeline(chart)).iter(f"{SVG}title")]
    assert any(title.endswith("END [1 article]") for title in titles)


# --- citation graph --------------------------------------------------------------------------


def test_edges_count_citations_per_outlet_and_source() -> None:
    articles = [article("a1", "Reuters"), article("a2", "reuters"), article("a3", "BBC")]
    citations = [Citation("a1", "the ministry", "told", None),
                 Citation("a2", "The Ministry", "according-to", span("a2", 7)),
                 Citation("a1", "the ministry", "told", span("a1", 1)),
                 Citation("a3", "witnesses", "reported", None)]
    graph = graph_of(citations, articles)
    assert [node.full_label for node in graph.outlets] == ["Reuters", "BBC"]
    assert [node.full_label for node in graph.sources] == ["the ministry", "witnesses"]
    by_pair = {(edge.outlet_label, edge.source_label): edge for edge in graph.edges}
    ministry = by_pair["Reuters", "the ministry"]
    assert (ministry.count, ministry.kinds, ministry.href) == (
        3, ("according-to", "told"), "#span-a2-7")
    assert ministry.weight == 3
    assert by_pair["BBC", "witnesses"].href is None
    ids = {node.id: node for node in graph.outlets + graph.sources}
    for edge in graph.edges:
        assert (edge.x1, edge.y1) == (CG_LEFT_X, ids[edge.source_node].y)
        assert (edge.x2, edge.y2) == (CG_RIGHT_X, ids[edge.target_node].y)


def test_outlet_labels_fall_back_to_title_then_position() -> None:
    articles = [article("x", title="A very long headline about the summit in Geneva today"),
                article("y"), article("z", outlet="  Le   Monde ")]
    citations = [Citation(article_id, "the UN", "cited", None) for article_id in "xyz"]
    labels = {node.full_label for node in graph_of(citations, articles).outlets}
    assert labels == {"A very long headline about…", "article 2", "Le Monde"}
    assert all(len(label) <= 30 for label in labels)


def test_nodes_are_ordered_to_keep_crossings_few() -> None:
    articles = [article(name.lower(), name) for name in ("A", "B", "C", "D")]
    citations = [Citation("a", "S3", "cited", None),
                 Citation("b", "S1", "cited", None), Citation("b", "S2", "cited", None),
                 Citation("c", "S1", "cited", None),
                 Citation("d", "S2", "cited", None), Citation("d", "S1", "cited", None)]
    graph = graph_of(citations, articles)
    assert [node.label for node in graph.sources] == ["S1", "S2", "S3"]
    assert [node.degree for node in graph.sources] == [3, 2, 1]
    # barycentres: C 0, B 0.5, D 0.5 (tie, by name), A 2
    assert [node.label for node in graph.outlets] == ["C", "B", "D", "A"]
    for column in (graph.outlets, graph.sources):
        assert [node.y for node in column] == sorted(node.y for node in column)
    assert {node.x for node in graph.outlets} == {CG_LEFT_X}
    assert {node.x for node in graph.sources} == {CG_RIGHT_X}
    assert graph.height > max(node.y for node in graph.outlets + graph.sources)


def test_copies_join_outlets_with_a_dashed_curve() -> None:
    articles = [article("a1", "Reuters"), article("a2", "Daily Echo"), article("a3", "Reuters"),
                article("a4", "Gazette")]
    copies = [Copy("a2", "a1", 0.4), Copy("a2", "a3", 0.8), Copy("a3", "a1", 0.9),
              Copy("a4", "a1", 1.7)]
    graph = graph_of([Citation("a1", "the army", "told", None)], articles, copies)
    assert {node.label for node in graph.outlets} == {"Reuters", "Daily Echo", "Gazette"}
    y = {node.label: node.y for node in graph.outlets}
    found = {(edge.y1, edge.y2): edge.overlap for edge in graph.copies}
    assert found == {(y["Daily Echo"], y["Reuters"]): 0.8, (y["Gazette"], y["Reuters"]): 1.0}
    for edge in graph.copies:
        assert re.fullmatch(r"M [\d. ]+ C [\d. ]+", edge.path_d)
        numbers = [float(number) for number in edge.path_d.split()[1:] if number != "C"]
        assert numbers[:2] == [CG_LEFT_X, edge.y1] and numbers[-2:] == [CG_LEFT_X, edge.y2]
        assert min(numbers[::2]) < CG_LEFT_X
    paths = [path for path in parse_svg(render_graph(graph)).iter(f"{SVG}path")]
    assert [classes(path) for path in paths] == [{"copy-edge"}, {"copy-edge"}]
    assert "copied passages" in text_of(parse_svg(render_graph(graph)))


def test_copies_alone_make_a_graph_and_nothing_makes_none() -> None:
    articles = [article("a1", "Reuters"), article("a2", "Echo"), article("a3", "Reuters")]
    graph = graph_of([], articles, [Copy("a2", "a1", 0.5)])
    assert (len(graph.outlets), graph.sources, graph.edges) == (2, (), ())
    assert citation_graph([], articles, [], anchor) is None
    assert citation_graph([], articles, [Copy("a3", "a1", 0.9)], anchor) is None
    assert citation_graph([Citation("a1", "  ", "other", None)], articles, [], anchor) is None


def test_over_the_limit_the_most_cited_sources_are_kept() -> None:
    articles = [article("a1", "Reuters"), article("a2", "AP")]
    citations = [Citation("a1", f"S{number}", "cited", None)
                 for number, times in ((1, 5), (2, 4), (3, 3), (4, 2), (5, 1))
                 for _ in range(times)]
    citations.append(Citation("a2", "S5", "cited", None))
    graph = graph_of(citations, articles, limit=3)
    assert [node.label for node in graph.sources] == ["S1", "S2", "S3"]
    assert graph.hidden == 2
    assert [node.label for node in graph.outlets] == ["Reuters"]
    assert sorted((edge.count, edge.weight) for edge in graph.edges) == [(3, 3), (4, 3), (5, 4)]
    assert "2 less cited sources not shown" in text_of(parse_svg(render_graph(graph)))


def test_edge_weights_bucket_counts() -> None:
    articles = [article("a1", "Reuters")]
    citations = [Citation("a1", f"S{times}", "cited", None)
                 for times in (1, 2, 4, 9) for _ in range(times)]
    weights = {edge.source_label: edge.weight for edge in graph_of(citations, articles).edges}
    assert weights == {"S1": 1, "S2": 2, "S4": 3, "S9": 4}
    lines = parse_svg(render_graph(graph_of(citations, articles))).iter(f"{SVG}line")
    assert {"w1", "w2", "w3", "w4"} <= set().union(*(classes(line) for line in lines))


def test_node_labels_are_shortened_with_the_full_text_in_a_title() -> None:
    long = "a senior diplomat who asked not to be named because of the sensitivity"
    graph = graph_of([Citation("a1", long, "told", span())], [article("a1", "Reuters")])
    (node,) = graph.sources
    assert len(node.label) <= CG_LABEL_MAX and node.label.endswith("…")
    assert node.full_label == long
    root = parse_svg(render_graph(graph))
    assert any((title.text or "").startswith(long) for title in root.iter(f"{SVG}title"))
    links = list(root.iter(f"{SVG}a"))
    assert [link.get("href") for link in links] == ["#span-a1-0"]


# --- the SVG ---------------------------------------------------------------------------------


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


def test_a_distant_date_gets_an_edge_zone_and_the_reporting_weeks_keep_the_width():
    articles = [article("a1", published="2025-06-21"), article("a2", published="2025-06-23")]
    entries = [entry("1951", "treaty signed"), entry("2025-06-10", "talks called off"),
               entry("2025-06-20", "report"), entry("2025-07-01", "meeting was due"),
               entry("2031", "far target")]
    chart = chart_of(entries, articles)
    x = {mark.full_text: mark.x for mark in chart.marks}
    assert [label for _, label in chart.breaks] == ["earlier", "later"]
    earlier, later = (position for position, _ in chart.breaks)
    assert x["treaty signed"] < earlier < x["talks called off"] < x["report"] \
        < x["meeting was due"] < later < x["far target"]
    # the three weeks of the story take most of the plot, not a sliver at one edge
    assert x["meeting was due"] - x["talks called off"] > 0.05 * (
        chart.plot_right - chart.plot_left)
    assert all(earlier < tick < later for tick, _ in chart.ticks)
    assert "tl-break" in render_timeline(chart)


def test_dates_near_the_reporting_period_keep_a_plain_linear_axis():
    articles = [article("a1", published="2025-06-21")]
    chart = chart_of([entry("2025-05-01", "a"), entry("2025-07-01", "b")], articles)
    assert chart.breaks == ()
