"""The wiring for a stream of articles: read, clean, cluster into stories, store, re-analyse.

`ingest` adds whatever is new under some paths to a story database. Articles already stored
(same content hash) are counted as duplicates and left alone; each batch of new articles is
stored with its story memberships in one transaction; stories that gained articles are marked
stale and analysed again (`analyse_stale`), each analysis saved in its own transaction.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .annotate import BytesDocCache
from .clean import clean_all
from .cluster import (
    TwoLevelClusterer,
    article_features,
    features_from_json,
    features_to_json,
    story_title,
    stream_order_key,
)
from .config import DEFAULT_BATCH, AnalyzeConfig, ClusteringSettings
from .errors import ConsilienceError, Errors, Warnings
from .ingest import read_inputs
from .models import Problem, Story
from .pipeline import analyze_articles
from .render import render
from .store import NewArticle, Store

LOGGER = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    failed: int = 0
    new_stories: int = 0
    changed_stories: int = 0
    analysed: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0


def load_clusterer(store: Store, settings: ClusteringSettings | None = None
                   ) -> TwoLevelClusterer:
    """The clusterer as it stood after the last stored article (stored story and topic ids
    are the clusterer's keys + 1), with the thresholds of `settings`."""
    settings = settings or ClusteringSettings()
    clusterer = TwoLevelClusterer(settings.stories, settings.topics)
    for stored in store.stored_articles():
        clusterer.restore(stored.story - 1, stored.topic - 1,
                          features_from_json(stored.article.id, stored.features))
    return clusterer


def ingest(paths: Iterable[str | Path], store: Store, *, batch_size: int = DEFAULT_BATCH,
           analyse: bool = True, config: AnalyzeConfig | None = None,
           progress: Progress | None = None) -> IngestSummary:
    """Add the new articles under `paths` to the store's stories."""
    started = time.perf_counter()
    summary = IngestSummary()
    raws, problems = read_inputs(paths)
    summary.read = len(raws)
    articles, cleaning = clean_all(raws, (config or AnalyzeConfig()).max_article_chars)
    problems.extend(cleaning)
    summary.duplicates = sum(1 for problem in cleaning if problem.code == Warnings.W102.code)
    stored = store.known(article.id for article in articles)
    for article in articles:
        if article.id in stored:
            problems.append(Warnings.W106.problem(article.source))
    summary.duplicates += len(stored)
    articles = sorted((article for article in articles if article.id not in stored),
                      key=stream_order_key)
    clusterer = load_clusterer(store, (config or AnalyzeConfig()).clustering)
    known_stories = {key + 1 for key in clusterer.stories.stories}
    touched: set[int] = set()
    for start in range(0, len(articles), batch_size):
        batch = articles[start:start + batch_size]
        rows, titles = [], {}
        for article in batch:
            features = article_features(article.id, article.text, article.title,
                                        article.published)
            placement = clusterer.add(features)
            story = placement.story.story + 1
            touched.add(story)
            if placement.story.new:
                titles[story] = story_title([article])
            rows.append(NewArticle(article, features_to_json(features), story,
                                   placement.topic + 1, placement.story.score))
        store.add_batch(rows, titles)
        summary.added += len(rows)
        if progress is not None:
            progress("clustering", summary.added, len(articles))
    summary.new_stories = len(touched - known_stories)
    summary.changed_stories = len(touched & known_stories)
    summary.problems = problems
    summary.failed = sum(1 for problem in problems if problem.severity == "error")
    if analyse:
        summary.analysed = analyse_stale(store, config, progress=progress,
                                         problems=summary.problems)
    summary.seconds = time.perf_counter() - started
    LOGGER.info("ingest: %d added, %d duplicate(s), %d failed, %d new and %d changed stories",
                summary.added, summary.duplicates, summary.failed, summary.new_stories,
                summary.changed_stories)
    return summary


def analyse_story(store: Store, story: int, config: AnalyzeConfig | None = None
                  ) -> tuple[Story, str, str]:
    """Analyse one stored story now and save the analysis: the Story, its schema v1 JSON and
    the model that read it."""
    articles = store.story_articles(story)
    cache = BytesDocCache(store.get_annotations, store.put_annotations)
    analysis = analyze_articles(articles, config or AnalyzeConfig(), cache=cache, number=story)
    result = analysis.story
    document = render(result, "json", analysis.model)
    search_text = " ".join([result.title, *(entity.name for entity in result.entities),
                            *(sentence.text for sentence in result.brief)])
    store.save_analysis(story, document, result.title, search_text, len(articles),
                        result.first, result.last)
    return result, document, analysis.model


def analyse_stale(store: Store, config: AnalyzeConfig | None = None,
                  stories: Sequence[int] | None = None, progress: Progress | None = None,
                  problems: list[Problem] | None = None) -> int:
    """Analyse every stale story (or the given ones); a story that fails is reported and the
    others go on. Returns how many were analysed."""
    targets = list(stories) if stories is not None else [
        row.id for row in store.stories(stale_only=True)]
    done = 0
    for index, story in enumerate(targets, start=1):
        try:
            analyse_story(store, story, config)
            done += 1
        except ConsilienceError as error:
            if problems is None:
                raise
            problems.append(Problem(f"story {story}", error.code, Errors.E507.format(
                detail=error.message), severity="error"))
        if progress is not None:
            progress("analysing", index, len(targets))
    return done
