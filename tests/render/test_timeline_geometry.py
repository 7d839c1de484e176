"""The timeline chart's geometry: rows, the time axis, its ticks and edge zones, marks and
their links (`render/timeline_geometry.py`, `render/chart_scale.py`)."""

from __future__ import annotations

import re

import pytest

from consilience.render.charts import TL_PLOT_LEFT, TL_PLOT_RIGHT, parse_date, timeline_chart

from .chart_helpers import (
    SVG,
    anchor,
    article,
    chart_of,
    classes,
    entry,
    parse_svg,
    render_timeline,
    span,
    text_of,
)


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
