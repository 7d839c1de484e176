"""The HTML report: self-contained, escaped, and every citation lands on its exact words."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from consilience import AnalyzeConfig
from consilience.models import Article, Story
from consilience.pipeline import analyze_articles
from consilience.render import render, story_dict
from consilience.render.html import render_html

from .page import PageReader

HOSTILE = ('<script>window.__pwned = 1</script> The mayor said the bridge will reopen. '
           '"><img src=x onerror="window.__pwned = 2"> Officials confirmed it on Monday.')


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@pytest.fixture(scope="module")
def seed_page(example_analysis) -> tuple[str, PageReader, dict]:
    story = example_analysis.story
    html = render(story, "html", example_analysis.model)
    return html, PageReader(html), story_dict(story)


def test_the_page_is_self_contained_and_its_policy_allows_only_its_own_script_and_style(
        seed_page):
    html, page, _ = seed_page
    assert html.startswith("<!doctype html>")
    assert len(page.scripts) == 1 and len(page.styles) == 1
    policy = next(meta["content"] for meta in page.tags("meta")
                  if meta.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy and "unsafe" not in policy
    assert f"'{_digest(page.scripts[0])}'" in policy
    assert f"'{_digest(page.styles[0])}'" in policy
    for tag, attributes in page.elements:
        assert "style" not in attributes, tag
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
        for name in ("src", "href", "action"):
            value = attributes.get(name, "")
            assert not value.startswith(("//", "javascript:")), (tag, value)
            if tag != "a" or name != "href":
                assert not re.match(r"^[a-z]+:", value), (tag, value)


def test_every_internal_link_lands_on_an_element_of_the_page(seed_page):
    _, page, _ = seed_page
    targets = [attributes["href"][1:] for attributes in page.tags("a")
               if attributes.get("href", "").startswith("#")]
    assert len(targets) > 100
    assert [target for target in targets if target not in page.ids] == []


def test_each_cited_span_is_marked_with_exactly_its_words(seed_page):
    """The output contract, read off the page: the marks for an anchor join to the span."""
    _, page, document = seed_page
    texts = {article["id"]: article["text"] for article in document["articles"]}
    cites = [attributes for attributes in page.tags("a") if "cite" in attributes.get(
        "class", "").split() and attributes["href"].startswith("#sp-")]
    assert len(cites) > 50
    spans = {(span["article"], span["start"], span["end"]) for _, span in
             _all_spans(document)}
    checked = 0
    for attributes in cites:
        anchor = attributes["href"][1:]
        marked = page.marked[anchor]
        assert marked, anchor
        assert any(texts[article][start:end] == marked for article, start, end in spans)
        checked += 1
    assert checked == len(cites)


def _all_spans(document):
    from consilience.render import iter_spans

    return iter_spans(document)


def test_the_sections_carry_the_story(seed_page, example_analysis):
    html, page, _ = seed_page
    story = example_analysis.story
    assert len(page.tags("li")) >= len(story.brief)
    rows = [attributes for attributes in page.tags("tr") if "fact" in attributes.get(
        "class", "").split()]
    assert len(rows) == min(len(story.facts), 80)
    supports = [int(row["data-support"]) for row in rows]
    assert supports == sorted(supports, reverse=True)
    assert len([a for a in page.tags("article") if "conflict" in a.get("class", "")]) == \
        len(story.conflicts)
    assert page.tags("svg") and any("timeline-chart" in svg.get("class", "")
                                    for svg in page.tags("svg"))
    assert len([d for d in page.tags("details") if "article" in d.get("class", "")]) == \
        len(story.articles)
    assert "variant spelling" in html


def test_hostile_article_text_is_shown_as_text_everywhere(nlp):
    articles = [Article("a-1", "one.txt", HOSTILE, title='<script>alert("t")</script>',
                        outlet='"><img src=x onerror=alert(1)>',
                        url="javascript:alert(1)", published="2024-03-04"),
                Article("a-2", "two.txt", HOSTILE.replace("Monday", "Tuesday"),
                        title="Bridge", outlet="Daily <b>Bold</b>", published="2024-03-05")]
    analysis = analyze_articles(articles, AnalyzeConfig(use_cache=False))
    html = render_html(analysis.story, analysis.model)
    page = PageReader(html)
    assert len(page.scripts) == 1 and "__pwned" not in page.scripts[0]
    assert page.tags("img") == []
    assert "Daily &lt;b&gt;Bold&lt;/b&gt;" in html and "<b>Bold" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert not any(attributes.get("href", "").startswith("javascript:")
                   for attributes in page.tags("a"))


def test_a_story_with_one_article_and_nothing_found_still_renders():
    story = Story("s-1", "Only one", (Article("a-1", "one.txt", "Short text."),))
    page = PageReader(render_html(story))
    assert "a-1" in page.ids
    assert json.dumps(sorted(page.ids))  # the page parses


def test_an_enormous_article_is_shown_in_windows_with_a_link_to_the_full_text():
    text = "Filler sentence here. " * 20_000
    story = Story("s-1", "Long", (Article("a-1", "big.txt", text, url="https://example.org/x"),))
    html = render_html(story, article_url="/articles/{id}/text")
    assert len(html) < 60_000
    assert "characters not shown" in html
    assert 'href="/articles/a-1/text"' in html
