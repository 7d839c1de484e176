"""The served story page in a real headless Chromium, against a real `consilience serve`
process: the list leads to the story, the report's components render and work, nothing is
loaded from anywhere but the server, and hostile article text runs nothing."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from consilience import AnalyzeConfig
from consilience.store import Store
from consilience.stream import ingest

from ..browser import PageWatch, artifacts_dir, overflow_message
from ..serving import free_port, start, stop, wait_until_serving

HOSTILE = """<script>window.__pwned = 1</script>
Harbour bridge in Lisbonia reopens after repairs

The harbour authority said the Lisbonia bridge will reopen to traffic on Monday.
"><img src=x onerror="window.__pwned = 2"> Engineers finished the repairs ahead of schedule.
"""


@pytest.fixture(scope="module")
def server(example_dir: Path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder / "stories.db"
    with Store(db) as store:
        ingest([example_dir, folder / "hostile.txt"], store, config=AnalyzeConfig())
    port = free_port()
    process = start("--db", str(db), "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, f"{base}/api/stories")
        yield base
    finally:
        code, stderr = stop(process, signal.SIGINT)
        assert code == 0, stderr


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    watch = PageWatch()
    watch.attach(opened)
    yield opened, watch
    context.close()
    assert all(url.startswith(server + "/") for url in watch.requests), watch.requests


def test_from_the_list_to_the_story_page_and_a_citation(page, server):
    browser_page, watch = page
    browser_page.goto(server + "/")
    links = browser_page.locator("table.story-list a")
    assert links.count() == 2
    browser_page.locator("input[name=q]").fill("hegseth")
    browser_page.locator("form.story-search button").click()
    assert links.count() == 1
    links.first.click()
    assert "/stories/" in browser_page.url
    assert browser_page.locator("#brief .brief-item").count() >= 5
    assert browser_page.locator("#fact-matrix tbody tr").count() >= 10
    assert browser_page.locator(".conflict mark.diff").count() >= 1
    assert browser_page.locator("svg.timeline-chart .tl-mark").count() >= 5
    citation = browser_page.locator("#brief a.cite").first
    anchor = citation.get_attribute("href")[1:]
    citation.click()
    assert browser_page.locator("#popover .pop-quote").is_visible()
    browser_page.locator("#popover a.pop-goto").click()
    mark = browser_page.locator(f'mark[data-s~="{anchor}"]').first
    assert mark.is_visible() and mark.evaluate("m => m.classList.contains('active')")
    browser_page.screenshot(path=str(artifacts_dir() / "served-story.png"))
    assert watch.console_errors == [] and watch.page_errors == []


def test_the_hostile_story_renders_as_text_on_every_page(page, server):
    browser_page, watch = page
    browser_page.goto(server + "/?q=lisbonia")
    browser_page.locator("table.story-list a").first.click()
    for details in browser_page.locator("details.article").all():
        details.evaluate("d => d.open = true")
    assert "<script>window.__pwned = 1</script>" in browser_page.locator(
        "details.article .article-text").first.inner_text()
    article_link = browser_page.locator("a[href^='/articles/']").first
    article_link.click()
    assert "/articles/" in browser_page.url
    assert browser_page.evaluate("window.__pwned") is None
    assert browser_page.locator("img").count() == 0
    assert watch.console_errors == [] and watch.page_errors == []


def test_an_unknown_story_is_a_404_page_without_errors(page, server):
    browser_page, watch = page
    response = browser_page.goto(server + "/stories/9999")
    assert response is not None and response.status == 404
    assert "9999" in browser_page.locator("main").inner_text()
    assert watch.page_errors == []


def test_the_story_list_and_story_page_do_not_scroll_sideways_on_a_phone(page, server, browser):
    browser_page, watch = page
    browser_page.set_viewport_size({"width": 390, "height": 844})
    browser_page.goto(server + "/")
    for url in (server + "/", server + browser_page.locator(
            "table.story-list a").first.get_attribute("href")):
        browser_page.goto(url)
        width = browser_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{url}: {overflow_message(browser_page, browser)}"
    assert watch.console_errors == [] and watch.page_errors == []
