"""The citation graph's geometry: nodes, edges, copies, their order and labels
(`render/citation_geometry.py`)."""

from __future__ import annotations

import re

from consilience.models import Citation, Copy
from consilience.render.charts import CG_LABEL_MAX, CG_LEFT_X, CG_RIGHT_X, citation_graph

from .chart_helpers import (
    SVG,
    anchor,
    article,
    classes,
    graph_of,
    parse_svg,
    render_graph,
    span,
    text_of,
)


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
