"""The five seed reports against the public gold: boilerplate out, every body sentence kept,
metadata recovered, invented section headings kept and marked.

Expected values are read from the source files (their first line, their byline line) wherever
the gold does not list them, so the tests check the cleaner, not a copy of its output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.clean import clean_article, parse_dateline
from consilience.ingest import read_inputs
from consilience.models import Article, RawArticle

METADATA_REASONS = ("title", "byline", "dateline")


def normalise(line: str) -> str:
    """A line as the gold compares it: stripped, without a leading '- ', one space apart."""
    line = line.strip()
    line = line.removeprefix("- ")
    return " ".join(line.split())


def source_lines(raw: RawArticle) -> list[str]:
    return [normalise(line) for line in raw.text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seeds(example_dir: Path) -> dict[str, tuple[RawArticle, Article]]:
    raws, problems = read_inputs([example_dir])
    assert problems == []
    cleaned = {}
    for raw in raws:
        key = Path(raw.source).name[:3]
        cleaned[key] = (raw, clean_article(raw, key))
    assert sorted(cleaned) == ["000", "001", "002", "003", "004"]
    return cleaned


def clean_lines(article: Article) -> list[str]:
    return [normalise(line) for line in article.text.split("\n") if line.strip()]


def test_gold_covers_the_seeds(gold, seeds):
    assert sorted(gold["articles"]) == sorted(seeds)


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_listed_boilerplate_is_removed(gold, seeds, key):
    _raw, article = seeds[key]
    listed = gold["articles"][key]["boilerplate"]
    left = [line for line in clean_lines(article)
            if any(line.startswith(boilerplate) for boilerplate in listed)]
    assert left == []


def _matches_metadata(line: str, reason: str, article: Article) -> bool:
    if reason == "title":
        return article.title is not None and normalise(article.title) == line
    if reason == "byline":
        return article.byline is not None and article.byline in line
    dateline = parse_dateline(line)
    return dateline is not None and dateline.value in (article.published, article.updated)


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_no_body_sentence_is_lost(gold, seeds, key):
    raw, article = seeds[key]
    text = " ".join(article.text.split())
    listed = gold["articles"][key]["boilerplate"]
    removed = {normalise(line.text): line.reason for line in article.removed}
    lost = []
    for line in source_lines(raw):
        if line in text or any(line.startswith(boilerplate) for boilerplate in listed):
            continue
        reason = removed.get(line)
        if reason in METADATA_REASONS and _matches_metadata(line, reason, article):
            continue
        lost.append((line, reason))
    assert lost == []


def test_removed_lines_point_at_their_source_lines(seeds):
    for raw, article in seeds.values():
        lines = raw.text.split("\n")
        for removed in article.removed:
            assert removed.line is not None
            assert normalise(removed.text) == normalise(lines[removed.line - 1])


@pytest.mark.parametrize("key", ["001", "002", "003"])
def test_titles_are_recovered_from_the_first_line(seeds, key):
    raw, article = seeds[key]
    first = source_lines(raw)[0]
    assert article.title == first
    assert first not in article.text


@pytest.mark.parametrize("key", ["000", "004"])
def test_no_title_is_invented(seeds, key):
    _raw, article = seeds[key]
    assert article.title is None
    assert all(line.reason != "title" for line in article.removed)


def test_byline_of_002_is_the_staff_line(seeds):
    raw, article = seeds["002"]
    staff = [line for line in source_lines(raw) if line.endswith(" Staff")]
    assert len(staff) == 1
    assert article.byline == staff[0]


def test_byline_of_003_is_the_closing_by_line(seeds):
    raw, article = seeds["003"]
    last = source_lines(raw)[-1]
    assert last.startswith("By ")
    assert article.byline == last.removeprefix("By ")
    assert last not in article.text


def test_published_date_of_002(seeds):
    _raw, article = seeds["002"]
    assert article.published == "2025-06-21T18:42"


@pytest.mark.parametrize("key", ["000", "001", "003", "004"])
def test_no_date_is_invented(seeds, key):
    _raw, article = seeds[key]
    assert article.published is None and article.updated is None


def test_section_headings_of_001_are_kept_and_marked(seeds):
    raw, article = seeds["001"]
    lines = source_lines(raw)
    # the invented headings: short lines without a full stop, after the title
    headings = [line for line in lines[1:] if len(line.split()) <= 8
                and not line.endswith((".", ":"))]
    headings += [line for line in lines[1:] if line.endswith("U.S.") and len(line.split()) <= 8]
    assert len(headings) >= 6
    marked = [article.text[start:end] for start, end in article.headings]
    for heading in headings:
        assert heading in article.text.split("\n\n")
        assert heading in marked
    assert "Increased Demands from the U.S." in marked


def test_headings_are_only_in_001(seeds):
    for key, (_raw, article) in seeds.items():
        assert bool(article.headings) is (key == "001")


def test_paragraphs_of_the_clean_text_are_the_body_lines(seeds):
    """Each kept line is one paragraph: nothing is glued to a neighbour."""
    for raw, article in seeds.values():
        paragraphs = article.text.split("\n\n")
        lines = set(source_lines(raw))
        assert all(paragraph in lines for paragraph in paragraphs)
