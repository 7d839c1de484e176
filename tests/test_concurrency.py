"""Two writers at once (issue 22): real `consilience ingest` processes on one database, on
SQLite and PostgreSQL, over disjoint and overlapping inputs, one run with analysis and a
SIGKILL: every article stored once, `check` clean, the stories one writer makes, no process
failing but the killed one, no story analysed twice at one size. The campaign on real local
news is benchmarks/concurrency.py; both judge a run with tests/concurrency.py."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from .concurrency import (
    Plan,
    article_ids,
    article_titles,
    bcubed_f1,
    one_writer,
    run_writers,
    split_records,
    write_feed,
)
from .crash import synthetic_records

LOGGER = logging.getLogger(__name__)

ARTICLES = 48
BATCH = 4


@pytest.fixture(scope="module")
def records() -> list[dict[str, str]]:
    return synthetic_records(ARTICLES, seed=22, per_story=6)


def test_two_writers_at_once_make_the_stories_one_writer_makes(database_url: str,
                                                               records, tmp_path: Path) -> None:
    whole = [write_feed(tmp_path / "all.jsonl", records)]
    baseline = one_writer(database_url, whole, Plan(tuple(whole), BATCH, False), tmp_path)
    assert baseline.problems(set(baseline.placement), None) == []
    truth = article_titles(whole)  # a synthetic record's title names its event
    expected = set(truth)
    assert len(expected) == ARTICLES and set(baseline.placement) == expected
    for overlap in (False, True):
        shares = split_records(records, 2, overlap)
        inputs = tuple(write_feed(tmp_path / f"w{index}-{overlap}.jsonl", share)
                       for index, share in enumerate(shares))
        outcome = run_writers(database_url, Plan(inputs, BATCH, False), tmp_path)
        LOGGER.info("overlap=%s: %d stories (one writer: %d), F1 %.3f", overlap,
                    outcome.stories, baseline.stories,
                    bcubed_f1(outcome.placement, baseline.placement))
        assert outcome.problems(expected, baseline.placement, truth=truth) == [], overlap


def test_a_writer_killed_while_another_analyses_resumes_to_whole_stories(
        database_url: str, records, tmp_path: Path) -> None:
    few = records[:16]
    shares = split_records(few, 2, overlap=True)
    inputs = tuple(write_feed(tmp_path / f"a{index}.jsonl", share)
                   for index, share in enumerate(shares))
    whole = [write_feed(tmp_path / "few.jsonl", few)]
    baseline = one_writer(database_url, whole, Plan(tuple(whole), BATCH, False), tmp_path)
    truth = article_titles(whole)
    expected = article_ids(whole)
    assert len(expected) == len(few) and set(baseline.placement) == expected
    plan = Plan(inputs, BATCH, True, kill=(1, 6.0))
    outcome = run_writers(database_url, plan, tmp_path)
    assert outcome.problems(expected, baseline.placement, truth=truth) == []
    assert outcome.analyses >= outcome.stories
