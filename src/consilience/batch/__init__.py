"""Batch runs: many articles in, every story among them found and analysed, tables out.

The single-process path's work, split where it parallelises:

    read + clean (here) -> stream order -> features (parallel) -> candidate pairs (shuffle by
    index key) -> stories (sequential, `cluster.assemble`) -> one analysis per story (parallel)
    -> stories / articles / problems tables in the output folder

`engine="local"` runs every step in this process with plain loops; `engine="dask"` runs the
parallel steps on a Dask distributed cluster (a LocalCluster, or the scheduler at an address,
whose workers must have consilience and a spaCy pipeline installed). Both call the same
functions on the same stream order, so they find the same stories.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from operator import itemgetter
from pathlib import Path
from typing import Any, Protocol

from ..clean import clean_or_refuse
from ..cluster import (
    ArticleFeatures,
    FeatureItem,
    assemble_stories,
    candidate_pairs,
    features_chunk,
    keyed_chunk,
    pairs_in_groups,
    partners_in_groups,
    stream_order_key,
)
from ..config import CONNECT_TIMEOUT, DEFAULT_WORKERS, AnalyzeConfig
from ..errors import (
    ConsilienceError,
    Errors,
    ModelNotFoundError,
    SchedulerError,
)
from ..models import Article, Problem
from ..pipeline import StageTimer, analyze_articles
from ..render import render
from .inputs import read_batch_inputs, read_parquet
from .tables import (
    ARTICLE_SCHEMA,
    STORY_SCHEMA,
    replace_atomically,
    story_tables,
    write_jsonl,
    write_table,
)

__all__ = ["ARTICLE_SCHEMA", "STORY_SCHEMA", "BatchResult", "StoryJob", "StoryOutcome",
           "analyse_job", "read_batch_inputs", "read_parquet", "run_batch", "write_table"]

LOGGER = logging.getLogger(__name__)

ENGINES = ("local", "dask")
TABLE_FORMATS = ("parquet", "jsonl")


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a batch run did: counts, the problems met, seconds per phase and the files made."""

    out: Path
    engine: str
    articles: int
    skipped: int  # inputs that could not be used (error problems of reading and cleaning)
    stories: int
    topics: int
    failed_stories: int
    problems: tuple[Problem, ...]
    timings: tuple[tuple[str, float], ...]
    files: tuple[Path, ...]

    @property
    def seconds(self) -> float:
        return sum(seconds for _, seconds in self.timings)


@dataclass(frozen=True, slots=True)
class StoryJob:
    number: int  # the story's id: its clusterer key + 1
    articles: tuple[Article, ...]  # cleaned once, by run_batch
    config: AnalyzeConfig = AnalyzeConfig()


@dataclass(frozen=True, slots=True)
class StoryOutcome:
    number: int
    title: str | None = None
    first: str | None = None
    last: str | None = None
    analysis: str | None = None  # the story as schema-v1 JSON; None when its analysis failed
    problem: Problem | None = None


# --- the work, as plain functions a Dask worker can run -------------------------------------

def analyse_job(job: StoryJob) -> StoryOutcome:
    """One story through `pipeline.analyze_articles` (the pipeline is loaded once per
    process); a failure is returned as the story's problem, except a missing model, which
    stops the run."""
    try:
        analysis = analyze_articles(job.articles, replace(job.config, use_cache=False),
                                    number=job.number)
        story = analysis.story
        document = render(story, "json", analysis.model)
    except ModelNotFoundError:
        raise
    except Exception as error:  # one story's failure must not stop the others
        return failed_outcome(job, error)
    return StoryOutcome(job.number, story.title, story.first, story.last, document)


def failed_outcome(job: StoryJob, error: BaseException) -> StoryOutcome:
    LOGGER.warning("story %d could not be analysed: %r", job.number, error)
    detail = error.message if isinstance(error, ConsilienceError) else \
        f"{type(error).__name__}: {error}"
    return StoryOutcome(job.number, problem=Errors.E507.problem(f"story {job.number}",
                                                                detail=detail))


# --- engines --------------------------------------------------------------------------------

class Engine(Protocol):
    """Runs the parallel steps: `features`, then `pairs` of the articles just featured, then
    `analyse` the stories."""

    def features(self, items: list[FeatureItem]) -> list[ArticleFeatures]: ...

    def pairs(self, depth: int) -> Iterable[tuple[str, str]]: ...

    def analyse(self, jobs: list[StoryJob]) -> list[StoryOutcome]: ...


class LocalEngine:
    """The single-process path: plain loops in this process."""

    def __init__(self) -> None:
        self._features: list[tuple[int, ArticleFeatures]] = []

    def features(self, items: list[FeatureItem]) -> list[ArticleFeatures]:
        self._features = features_chunk(items)
        return [features for _, features in self._features]

    def pairs(self, depth: int) -> Iterable[tuple[str, str]]:
        return list(candidate_pairs([(position, features.article, features.keys)
                                     for position, features in self._features], depth))

    def analyse(self, jobs: list[StoryJob]) -> list[StoryOutcome]:
        return [analyse_job(job) for job in jobs]


class DaskEngine:
    """The parallel steps on a Dask distributed cluster through `client`. Workers should run
    one thread each (`dask worker --nthreads 1`): each process loads the spaCy pipeline once
    and analyses one story at a time with it."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self._features: list[Any] = []  # futures of features_chunk results, kept on the workers

    def _chunks(self, items: list[Any], per_worker: int = 4) -> list[list[Any]]:
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        size = max(1, -(-len(items) // (workers * per_worker)))
        return [items[start:start + size] for start in range(0, len(items), size)]

    def features(self, items: list[FeatureItem]) -> list[ArticleFeatures]:
        chunks = self.client.scatter(self._chunks(items))
        self._features = self.client.map(features_chunk, chunks)
        return [features for chunk in self.client.gather(self._features)
                for _, features in chunk]

    def pairs(self, depth: int) -> Iterable[tuple[str, str]]:
        import dask.bag as db

        keyed_futures = self.client.map(keyed_chunk, self._features)  # held until computed
        keyed = db.from_delayed(keyed_futures)
        pairs = keyed.groupby(itemgetter(0), shuffle="tasks").map_partitions(
            pairs_in_groups, depth)
        partners = pairs.groupby(itemgetter(0), shuffle="tasks").map_partitions(
            partners_in_groups)
        found = self.client.compute(partners, sync=True)
        del keyed_futures
        self._features = []
        return ((later, earlier) for later, earliers in found for earlier in earliers)

    def analyse(self, jobs: list[StoryJob]) -> list[StoryOutcome]:
        ordered = sorted(jobs, key=lambda job: -len(job.articles))  # the longest start first
        futures = self.client.map(analyse_job, self.client.scatter(ordered), pure=False)
        outcomes = []
        for job, future in zip(ordered, futures, strict=True):
            try:
                outcomes.append(future.result())
            except ModelNotFoundError:
                raise
            except Exception as error:  # a worker lost on this story: report it, go on
                outcomes.append(failed_outcome(job, error))
        return sorted(outcomes, key=lambda outcome: outcome.number)


@contextmanager
def open_engine(engine: str, scheduler: str | None = None,
                workers: int = DEFAULT_WORKERS, timeout: float = CONNECT_TIMEOUT
                ) -> Iterator[Engine]:
    """The engine to run on; for Dask, a client of `scheduler` or of a new LocalCluster."""
    if engine == "local":
        yield LocalEngine()
        return
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=timeout)
            try:
                client.wait_for_workers(1, timeout=timeout)
            except (OSError, TimeoutError):
                client.close()
                raise TimeoutError(f"no worker joined within {timeout:g} s") from None
        else:
            cluster = LocalCluster(  # no dashboard; its health page on any free local port
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
            client = Client(cluster, timeout=timeout)
    except (OSError, ValueError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        raise SchedulerError(Errors.E601.format(
            address=scheduler or "a new local cluster",
            detail=str(error) or type(error).__name__)) from None
    try:
        yield DaskEngine(client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- the run --------------------------------------------------------------------------------

def run_batch(
    paths: Iterable[str | Path],
    engine: str,
    out: str | Path,
    scheduler: str | None = None,
    workers: int = DEFAULT_WORKERS,
    fmt: str = "parquet",
    model: str | None = None,
    timeout: float = CONNECT_TIMEOUT,
    config: AnalyzeConfig | None = None,
) -> BatchResult:
    """Find the stories among the articles under `paths`, analyse each, and write
    `stories.<fmt>`, `articles.<fmt>` and `problems.jsonl` into `out`. `config` holds the
    settings (clustering thresholds, limits, ...); `model`, when given, overrides its model.

    Raises NothingToAnalyseError when no article can be used, SchedulerError (E601) when the
    Dask scheduler cannot be reached; a story whose analysis fails is a problem, not an error.
    """
    if engine not in ENGINES or fmt not in TABLE_FORMATS:
        raise ValueError(f"engine must be one of {ENGINES} and fmt one of {TABLE_FORMATS}")
    timer = StageTimer()
    config = config or AnalyzeConfig()
    if model is not None:
        config = replace(config, model=model)
    params, topic_params = config.clustering.stories, config.clustering.topics
    raws, problems = read_batch_inputs(paths)
    timer.lap("read")
    articles = clean_or_refuse(raws, config.max_article_chars, problems)
    articles.sort(key=stream_order_key)
    skipped = sum(1 for problem in problems if problem.severity == "error")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)  # before the work: an unwritable folder fails fast
    timer.lap("clean")
    with open_engine(engine, scheduler, workers, timeout) as runner:
        timer.lap("start")
        features = runner.features([(position, article.id, article.text, article.title,
                                     article.published)
                                    for position, article in enumerate(articles)])
        timer.lap("features")
        pairs = runner.pairs(params.depth)
        timer.lap("candidates")
        placements = assemble_stories(features, pairs, params, topic_params)
        timer.lap("cluster")
        members: dict[int, list[Article]] = {}
        for article, placement in zip(articles, placements, strict=True):
            members.setdefault(placement.story.story, []).append(article)
        jobs = [StoryJob(key + 1, tuple(story), config)
                for key, story in sorted(members.items())]
        outcomes = runner.analyse(jobs)
        timer.lap("analyse")
    timer.lap("stop")
    problems.extend(outcome.problem for outcome in outcomes if outcome.problem is not None)
    story_rows, article_rows = story_tables(articles, placements, members, outcomes)
    files = (write_table(story_rows, STORY_SCHEMA, out / "stories", fmt),
             write_table(article_rows, ARTICLE_SCHEMA, out / "articles", fmt),
             replace_atomically(out / "problems.jsonl", lambda temporary: write_jsonl(
                 (asdict(problem) for problem in problems), temporary)))
    timer.lap("write")
    LOGGER.info("batch (%s): %d articles, %d stories, %s", engine, len(articles), len(jobs),
                ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in timer.laps()))
    return BatchResult(out, engine, len(articles), skipped, len(jobs),
                       len({placement.topic for placement in placements}),
                       sum(1 for outcome in outcomes if outcome.analysis is None),
                       tuple(problems), timer.laps(), files)
