"""The wiring for a stream of articles: read, clean, cluster into stories, store, re-analyse.

`ingest` adds whatever is new under some paths to a story database. Articles already stored
(same content hash) are counted as duplicates and left alone; each batch of new articles is
stored with its story memberships in one transaction; stories that gained articles are marked
stale and analysed again (`analyse_stale`), each analysis saved in its own transaction.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .annotate import BytesDocCache, DocCache, annotate, load_pipeline
from .annotate.annotator import allowed_processes
from .clean import clean_all, oversized
from .cluster import (
    TwoLevelClusterer,
    article_features,
    dump_state,
    features_from_json,
    features_to_json,
    load_state,
    story_title,
    stream_order_key,
)
from .config import DEFAULT_BATCH, AnalyzeConfig, ClusteringSettings
from .errors import ConsilienceError, Errors, Warnings
from .ingest import read_inputs
from .models import Article, Problem, Story
from .pipeline import analyze_articles
from .render import render
from .store import NewArticle, Store, StoredArticle
from .store.locks import StoryClaims

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
    return StreamClusterer.load(store, settings).clusterer


@dataclass(slots=True)
class StreamClusterer:
    """The clusterer and the position of the last stored article it has seen."""

    clusterer: TwoLevelClusterer
    position: int = 0

    @classmethod
    def load(cls, store: Store, settings: ClusteringSettings | None = None
             ) -> StreamClusterer:
        """From the state saved by the last ingest, then the articles stored after it; with
        no usable state, from every stored article."""
        settings = settings or ClusteringSettings()
        saved = store.cluster_state()
        clusterer = None if saved is None else load_state(saved[1], settings.stories,
                                                          settings.topics)
        if clusterer is not None and saved is not None:
            loaded = cls(clusterer, saved[0])
            loaded.catch_up(store.stored_articles(after=saved[0]))
            return loaded
        loaded = cls(TwoLevelClusterer(settings.stories, settings.topics))
        loaded.catch_up(store.stored_articles())
        return loaded

    def save(self, store: Store) -> None:
        """Save the clusterer's state in the store, unless a later one is saved already."""
        if self.position and store.cluster_state_position() < self.position:
            store.save_cluster_state(self.position, dump_state(self.clusterer))

    def catch_up(self, stored: Iterable[StoredArticle]) -> int:
        """Put back articles stored after `position` (by another writer), in their order, as
        a reload would; how many there were."""
        count = 0
        for item in stored:
            self.clusterer.restore(item.story - 1, item.topic - 1,
                                   features_from_json(item.article.id, item.features))
            self.position = item.position
            count += 1
        return count

    def knows(self, article: str) -> bool:
        return article in self.clusterer.stories.story_of


def ingest(paths: Iterable[str | Path], store: Store, *, batch_size: int = DEFAULT_BATCH,
           analyse: bool = True, config: AnalyzeConfig | None = None,
           progress: Progress | None = None) -> IngestSummary:
    """Add the new articles under `paths` to the store's stories.

    Each batch is placed and stored under the database's writer lock (`Store.placing`), after
    the clusterer has caught up with what other writers stored since it last looked: the same
    stories one writer would make from the articles in the order they were stored, whoever
    wrote them. An article another writer stored meanwhile counts as a duplicate."""
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
    state = StreamClusterer.load(store, (config or AnalyzeConfig()).clustering)
    created: set[int] = set()
    touched: set[int] = set()
    done = 0
    for start in range(0, len(articles), batch_size):
        batch = articles[start:start + batch_size]
        features = [article_features(article.id, article.text, article.title,
                                     article.published) for article in batch]
        with store.placing() as writer:
            others = state.catch_up(writer.stored_after(state.position))
            if others:
                LOGGER.info("%d article(s) stored by another writer since the last batch",
                            others)
            rows, titles = [], {}
            for article, found in zip(batch, features, strict=True):
                if state.knows(article.id):  # another writer stored it meanwhile
                    problems.append(Warnings.W106.problem(article.source))
                    summary.duplicates += 1
                    continue
                placement = state.clusterer.add(found)
                story = placement.story.story + 1
                touched.add(story)
                if placement.story.new:
                    created.add(story)
                    titles[story] = story_title([article])
                rows.append(NewArticle(article, features_to_json(found), story,
                                       placement.topic + 1, placement.story.score))
            state.position = writer.add(rows, titles)
        summary.added += len(rows)
        done += len(batch)
        if progress is not None:
            progress("clustering", done, len(articles))
    if summary.added:
        state.save(store)
    summary.new_stories = len(created)
    summary.changed_stories = len(touched - created)
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
    LOGGER.info("analysed story %d (%d articles)", story, len(articles))
    return result, document, analysis.model


def analyse_stale(store: Store, config: AnalyzeConfig | None = None,
                  stories: Sequence[int] | None = None, progress: Progress | None = None,
                  problems: list[Problem] | None = None) -> int:
    """Analyse every stale story (or the given ones); a story that fails is reported and the
    others go on. Returns how many were analysed.

    Each story is claimed first (`Store.claims`): one being analysed by another process is
    left to it and come back to at the end, after waiting for that process; a stale story is
    analysed only if it is still stale once claimed (another process may have done it).
    With `problems` to report to, the stories are analysed in `config.jobs` processes (0: one
    per core; see `_story_workers`), each claiming its stories as a concurrent ingest would."""
    config = config or AnalyzeConfig()
    targets = list(stories) if stories is not None else [
        row.id for row in store.stories(stale_only=True)]
    _parse_all(store, targets, config)
    done = 0
    deferred: list[int] = []
    claims = store.claims()
    # several processes only where a failed story is reported and the others go on
    workers = _story_workers(config, len(targets)) if problems is not None else 1
    try:
        if workers > 1:
            outcomes = _analyse_in_processes(store, targets, config, workers,
                                             only_stale=stories is None)
        else:
            outcomes = ((story, _analyse_claimed(store, claims, story, config, problems,
                                                 only_stale=stories is None, wait=False), [])
                        for story in targets)
        for index, (story, outcome, found) in enumerate(outcomes, start=1):
            if problems is not None:
                problems.extend(found)
            if outcome is None:
                deferred.append(story)
            done += bool(outcome)
            if progress is not None:
                progress("analysing", index, len(targets))
        for story in deferred:
            done += bool(_analyse_claimed(store, claims, story, config, problems,
                                          only_stale=stories is None, wait=True))
    finally:
        claims.close()
    return done


_MIN_STORIES_PER_WORKER = 4
"""A process of its own is worth starting for this many stories (starting one costs about
what analysing a few small stories does)."""


def _story_workers(config: AnalyzeConfig, stories: int) -> int:
    """How many processes analyse `stories` stale stories: `allowed_processes(config.jobs)`,
    at most one per `_MIN_STORIES_PER_WORKER` stories."""
    return max(1, min(allowed_processes(config.jobs), stories // _MIN_STORIES_PER_WORKER))


_worker_store: Store | None = None
_worker_claims: StoryClaims | None = None


def _open_worker_store(url: str, lock_wait: float) -> None:
    """A story-analysis process's own connection to the database and its own claims on
    stories (a forked process must not use its parent's connections)."""
    global _worker_store, _worker_claims
    _worker_store = Store(url, lock_wait=lock_wait)
    _worker_claims = _worker_store.claims()
    atexit.register(_close_worker_store)


def _close_worker_store() -> None:
    if _worker_claims is not None:
        _worker_claims.close()
    if _worker_store is not None:
        _worker_store.close()


def _analyse_in_worker(task: tuple[int, AnalyzeConfig, bool]
                       ) -> tuple[int, bool | None, list[Problem]]:
    story, config, only_stale = task
    if _worker_store is None or _worker_claims is None:
        raise RuntimeError("a story-analysis worker without its database")
    found: list[Problem] = []
    outcome = _analyse_claimed(_worker_store, _worker_claims, story, config, found,
                               only_stale=only_stale, wait=False)
    return story, outcome, found


def _analyse_in_processes(store: Store, stories: Sequence[int], config: AnalyzeConfig,
                          workers: int, *, only_stale: bool
                          ) -> Iterable[tuple[int, bool | None, list[Problem]]]:
    """(story, outcome, problems) of each story, analysed in `workers` processes that each
    open the database themselves and claim a story before analysing it (the claims that
    keep two ingests off one story keep the workers off each other's too). The stories'
    parses are in the annotation cache already (`_parse_all`); the processes are forked,
    so the language pipeline loaded for that parse is not loaded again."""
    url = store.engine.url.render_as_string(hide_password=False)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    tasks = [(story, config, only_stale) for story in stories]
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_open_worker_store,
                             initargs=(url, store.lock_wait)) as pool:
        yield from pool.map(_analyse_in_worker, tasks)


def _parse_all(store: Store, stories: Sequence[int], config: AnalyzeConfig) -> None:
    """Parse the articles of every story about to be analysed at once, in `config.jobs`
    processes, into the store's annotation cache: each story's analysis then reads its
    parses back, instead of parsing its few new articles on one core (each story alone is
    nearly always under the size worth a second process). Articles already cached are not
    read here; oversized ones are left to their story's analysis to report."""
    articles: dict[str, Article] = {}
    for story in stories:
        for article in store.story_articles(story):
            if oversized(article, config.max_article_chars) is None:
                articles.setdefault(article.id, article)
    if not articles:
        return
    nlp = load_pipeline(config.model)
    nlp.max_length = max(nlp.max_length, config.max_article_chars + 1)
    keys = DocCache.keys(nlp, (article.text for article in articles.values()))
    stored = store.annotated(keys)
    missing = [article for article, key in zip(articles.values(), keys, strict=True)
               if key not in stored]  # a cached parse is read by its story's analysis only
    if missing:
        annotate(missing, nlp, BytesDocCache(store.get_annotations, store.put_annotations),
                 config.batch_size, jobs=config.jobs)


def _analyse_claimed(store: Store, claims: StoryClaims, story: int,
                     config: AnalyzeConfig | None, problems: list[Problem] | None, *,
                     only_stale: bool, wait: bool) -> bool | None:
    """Analyse one story holding its claim: True when analysed, False when not (failed,
    or no longer stale), None when another process holds the claim."""
    with claims.claim(story, wait=wait) as claimed:
        if not claimed:
            if wait:
                LOGGER.warning("story %d: another process kept it claimed; left stale for "
                               "the next ingest", story)
                return False
            return None
        try:
            if only_stale and not store.story(story).stale:
                LOGGER.info("story %d: analysed meanwhile by another process", story)
                return False
            analyse_story(store, story, config)
            return True
        except ConsilienceError as error:
            if problems is None:
                raise
            problems.append(Problem(f"story {story}", error.code, Errors.E507.format(
                detail=error.message), severity="error"))
            return False
