"""The report file in a real headless Chromium: it renders, works offline and quietly, a
citation reveals its source words, and hostile article text never runs."""

from __future__ import annotations

import pytest

from consilience import AnalyzeConfig
from consilience.models import Article
from consilience.pipeline import analyze_articles
from consilience.render import render
from consilience.render.html import render_html

from ..browser import PageWatch, artifacts_dir, overflow_message, sideways_overflow


@pytest.fixture(scope="module")
def report_file(example_analysis, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "story.html"
    path.write_text(render(example_analysis.story, "html", example_analysis.model),
                    encoding="utf-8")
    return path


@pytest.fixture
def open_page(browser):
    contexts = []

    def opener(url: str, width: int = 1280, height: int = 900, bypass_csp: bool = False):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      bypass_csp=bypass_csp)
        contexts.append(context)
        page = context.new_page()
        watch = PageWatch()
        watch.attach(page)
        page.goto(url)
        return page, watch

    yield opener
    for context in contexts:
        context.close()


def test_the_seed_report_renders_its_sections_offline_and_without_errors(report_file,
                                                                         open_page):
    page, watch = open_page(report_file.as_uri())
    assert page.locator("#brief .brief-item").count() >= 5
    assert page.locator("#fact-matrix tbody tr").count() >= 10
    first_row_cells = page.locator("#fact-matrix tbody tr").first.locator("td")
    assert first_row_cells.count() == 2 + page.locator("details.article").count()
    assert page.locator(".conflict").count() >= 1
    assert page.locator(".conflict mark.diff").count() >= 1
    assert page.locator("svg.timeline-chart .tl-mark").count() >= 5
    assert page.locator("#brief").is_visible() and page.locator("svg.timeline-chart").is_visible()
    page.screenshot(path=str(artifacts_dir() / "report-seed.png"), full_page=True)
    assert watch.console_errors == [] and watch.page_errors == []
    assert watch.requests == [report_file.as_uri()]


def test_clicking_a_citation_shows_its_words_and_outlet_and_marks_them_in_the_article(
        report_file, open_page):
    page, watch = open_page(report_file.as_uri())
    citation = page.locator("#brief a.cite").first
    anchor = citation.get_attribute("href")[1:]
    citation.click()
    popover = page.locator("#popover")
    assert popover.is_visible()
    quote = popover.locator(".pop-quote").inner_text()
    assert len(quote) > 20
    assert citation.get_attribute("title") in popover.locator(".pop-head").inner_text()
    page.screenshot(path=str(artifacts_dir() / "report-seed-citation.png"))
    popover.locator("a.pop-goto").click()
    marks = page.locator(f'mark[data-s~="{anchor}"]')
    assert marks.count() >= 1
    assert marks.first.is_visible() and marks.first.evaluate("m => m.classList.contains('active')")
    marked = "".join(marks.nth(i).inner_text() for i in range(marks.count()))
    assert " ".join(marked.split()).startswith(quote.rstrip("…").rstrip())
    box = marks.first.bounding_box()
    assert box is not None and 0 <= box["y"] <= page.viewport_size["height"]
    assert page.locator("#popover").is_hidden()
    assert watch.console_errors == [] and watch.page_errors == []


def test_the_matrix_sorts_by_support_both_ways(report_file, open_page):
    page, _ = open_page(report_file.as_uri())

    def supports() -> list[int]:
        return [int(value) for value in page.locator("#fact-matrix tbody tr").evaluate_all(
            "rows => rows.map(r => r.dataset.support)")]

    assert supports() == sorted(supports(), reverse=True)
    button = page.locator("#fact-matrix button[data-sort=support]")
    button.click()
    assert supports() == sorted(supports())
    button.click()
    assert supports() == sorted(supports(), reverse=True)


def test_on_a_phone_the_page_does_not_scroll_sideways(report_file, open_page, browser):
    page, watch = open_page(report_file.as_uri(), width=390, height=844)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(artifacts_dir() / "report-seed-phone.png"))
    assert width <= 390, overflow_message(page, browser)
    assert sideways_overflow(page) == []
    assert watch.console_errors == []


WIDE_FONTS = ('* { font-family: "DejaVu Sans Mono", monospace !important;'
              ' letter-spacing: 3px !important; }  .chart text { font-size: 16px !important; }')
"""Text far wider than any system-ui face: text metrics differ from machine to machine (the
fonts installed, the browser's version), and the page must not depend on them; a chart label
then runs past the room `render/charts.py` fitted it to."""


def test_on_a_phone_the_page_does_not_scroll_sideways_whatever_the_font(report_file, open_page,
                                                                        browser):
    page, _ = open_page(report_file.as_uri(), width=390, height=844, bypass_csp=True)
    page.add_style_tag(content=WIDE_FONTS)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, overflow_message(page, browser)


def test_on_a_phone_the_charts_keep_a_legible_size_and_scroll_inside_their_box(report_file,
                                                                              open_page):
    page, _ = open_page(report_file.as_uri(), width=390, height=844)
    for selector in ("svg.timeline-chart", "svg.citation-graph"):
        chart = page.locator(selector)
        box, scroller = chart.bounding_box(), page.locator(f".chart-scroll:has({selector})")
        assert box is not None and box["width"] >= 48 * 16 * 0.99, selector
        assert scroller.evaluate("e => e.clientWidth") <= 390
        assert scroller.evaluate("e => getComputedStyle(e).overflowX") == "auto"


def test_hostile_article_text_renders_as_text_and_runs_nothing(open_page, tmp_path, nlp):
    payload = ('<script>window.__pwned = 1</script> The council said the bridge will reopen. '
               '"><img src=x onerror="window.__pwned = 2"> Officials confirmed it on Monday.')
    articles = [Article("a-1", "one.txt", payload, title="<script>window.__pwned=3</script>",
                        outlet='"><img src=x onerror=window.__pwned=4>', published="2024-03-04"),
                Article("a-2", "two.txt", payload.replace("Monday", "Tuesday"),
                        title="Bridge", published="2024-03-05")]
    analysis = analyze_articles(articles, AnalyzeConfig(use_cache=False))
    path = tmp_path / "hostile.html"
    path.write_text(render_html(analysis.story, analysis.model), encoding="utf-8")
    page, watch = open_page(path.as_uri())
    for details in page.locator("details").all():
        details.evaluate("d => d.open = true")
    for citation in page.locator("a.cite").all()[:5]:
        citation.click()
        assert page.locator("#popover").is_visible()
        page.keyboard.press("Escape")
        assert page.locator("#popover").is_hidden()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0
    assert page.locator("details.article .article-text").first.inner_text().startswith(
        "<script>window.__pwned = 1</script>")
    assert watch.console_errors == [] and watch.page_errors == []
    assert watch.requests == [path.as_uri()]


def test_single_source_facts_are_folded_until_asked_for(report_file, open_page):
    page, watch = open_page(report_file.as_uri())
    rows = page.locator("#fact-matrix tbody tr")
    folded = page.locator("#fact-matrix tbody tr.folded")
    assert folded.count() > 0 and rows.count() > folded.count()
    assert all(row.is_visible() for row in page.locator(
        "#fact-matrix tbody tr:not(.folded)").all()[:5])
    assert not folded.first.is_visible()
    page.locator("#show-single").check()
    assert folded.first.is_visible()
    assert "single-source" in (folded.first.get_attribute("class") or "")
    assert watch.console_errors == [] and watch.page_errors == []
