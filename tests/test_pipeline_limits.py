"""The limits of one analysis: an article over the size limit is reported and skipped, a story
over the article limit is refused, both with a coded one-line message; ingest keeps going."""

from __future__ import annotations

import subprocess
import sys

import pytest

from consilience import AnalyzeConfig
from consilience.errors import NothingToAnalyseError, StoryTooLargeError
from consilience.models import RawArticle
from consilience.pipeline import analyze_raw
from consilience.store import Store
from consilience.stream import ingest

SENTENCE = "The city council approved the new bridge budget on Tuesday, officials said. "


def raw(name: str, repeat: int) -> RawArticle:
    return RawArticle(source=name, text=SENTENCE * repeat, format="text")


def test_an_article_over_the_size_limit_is_reported_and_the_others_analysed():
    config = AnalyzeConfig(use_cache=False, max_article_chars=2_000)
    analysis = analyze_raw([raw("small.txt", 3), raw("big.txt", 40)], config)
    assert [article.source for article in analysis.story.articles] == ["small.txt"]
    [problem] = [p for p in analysis.problems if p.code == "E111"]
    assert problem.source == "big.txt"
    assert "characters, over the limit of 2,000" in problem.message
    assert "--max-article-chars" in problem.message


def test_when_every_article_is_too_large_nothing_is_analysed_and_each_is_named():
    with pytest.raises(NothingToAnalyseError) as caught:
        analyze_raw([raw("a.txt", 40), raw("b.txt", 41)],
                    AnalyzeConfig(use_cache=False, max_article_chars=1_000))
    assert sorted(p.source for p in caught.value.problems if p.code == "E111") == \
        ["a.txt", "b.txt"]


def test_a_story_over_the_article_limit_is_refused_with_its_size():
    raws = [RawArticle(f"{n}.txt", SENTENCE + f"Report number {n}.", "text") for n in range(3)]
    with pytest.raises(StoryTooLargeError) as caught:
        analyze_raw(raws, AnalyzeConfig(use_cache=False, max_story_articles=2))
    assert caught.value.code == "E112"
    assert "3 articles, over the limit of 2" in caught.value.message


def test_ingest_skips_a_too_large_article_and_leaves_a_too_large_story_stale(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(SENTENCE * 2 + f"Vote number {n} passed.",
                                         encoding="utf-8")
    (folder / "huge.txt").write_text(SENTENCE * 50, encoding="utf-8")
    with Store(tmp_path / "stories.db") as store:
        summary = ingest([folder], store, config=AnalyzeConfig(
            use_cache=False, max_article_chars=1_000, max_story_articles=2))
        assert summary.added == 3
        codes = [problem.code for problem in summary.problems]
        assert "E111" in codes and "E112" in codes
        [refused] = [p for p in summary.problems if p.code == "E112"]
        assert "could not be analysed" in refused.message and "limit of 2" in refused.message
        assert all(row.stale for row in store.stories() if row.size > 2)


def test_the_command_line_names_the_file_and_the_option(tmp_path):
    (tmp_path / "ok.txt").write_text(SENTENCE * 3, encoding="utf-8")
    (tmp_path / "big.txt").write_text(SENTENCE * 40, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "consilience", "analyze", str(tmp_path),
                             "--max-article-chars", "2000", "--no-cache", "--quiet"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if "E111" in line]
    assert "big.txt" in line and "--max-article-chars" in line
