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

import json
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.parquet as pq

from .cluster import article_id, story_title
from .cluster.assemble import (
    STORY_PARAMS,
    FeatureItem,
    assemble_stories,
    features_chunk,
    keyed_chunk,
    pairs_in_groups,
    partners_in_groups,
    stream_order_key,
)
from .cluster.candidates import candidate_pairs
from .cluster.features import ArticleFeatures
from .cluster.hierarchy import Placement
from .cluster.online import ClusterParams
from .config import CONNECT_TIMEOUT, DEFAULT_WORKERS, AnalyzeConfig
from .errors import (
    ConsilienceError,
    Errors,
    InputError,
    MalformedRecordError,
    ModelNotFoundError,
    NothingToAnalyseError,
    SchedulerError,
)
from .ingest import has_article_suffix, problem_from_error, read_inputs, record_to_article
from .ingest.discover import is_folder_documentation
from .models import Article, Problem, RawArticle
from .pipeline import StageTimer, analyze_raw, clean_all
from .render import render

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
    raws: tuple[RawArticle, ...]
    model: str | None = None


@dataclass(frozen=True, slots=True)
class StoryOutcome:
    number: int
    title: str | None = None
    first: str | None = None
    last: str | None = None
    analysis: str | None = None  # the story as schema-v1 JSON; None when its analysis failed
    problem: Problem | None = None


# --- reading --------------------------------------------------------------------------------

def _plain(record: dict[str, Any]) -> dict[str, Any]:
    return {name: value.isoformat() if isinstance(value, date | datetime) else value
            for name, value in record.items()}


def read_parquet(path: Path) -> Iterator[RawArticle | Problem]:
    """The articles in a Parquet shard, one per row (columns named like JSONL record fields)."""
    row = 0
    try:
        for batch in pq.ParquetFile(path).iter_batches():
            for record in batch.to_pylist():
                try:
                    yield record_to_article(_plain(record), f"{path}#{row}")
                except InputError as error:
                    yield problem_from_error(error)
                row += 1
    except (OSError, ValueError, pa.ArrowException) as error:
        yield problem_from_error(MalformedRecordError(Errors.E105.format(
            detail=f"unreadable Parquet file after {row} row(s) ({error})"), path=path))


def _is_parquet(path: Path) -> bool:
    return path.name.lower().endswith(".parquet")


def _visible_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file() and not any(
        part.startswith(".") for part in path.relative_to(folder).parts))


def read_batch_inputs(paths: Iterable[str | Path]) -> tuple[list[RawArticle], list[Problem]]:
    """`ingest.read_inputs`, with Parquet shards (named, or inside a folder) read row by row."""
    raws: list[RawArticle] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        shards: list[Path] = []
        others = [path]
        if path.is_file() and _is_parquet(path):
            shards, others = [path], []
        elif path.is_dir():
            files = _visible_files(path)
            shards = [file for file in files if _is_parquet(file)]
            if shards and not any(has_article_suffix(file) and not is_folder_documentation(file)
                                  for file in files):
                others = []
        found, trouble = read_inputs(others) if others else ([], [])
        raws.extend(found)
        problems.extend(trouble)
        for item in (item for shard in shards for item in read_parquet(shard)):
            if isinstance(item, RawArticle):
                raws.append(item)
            else:
                problems.append(item)
    return raws, problems


# --- the work, as plain functions a Dask worker can run -------------------------------------

def analyse_story(job: StoryJob) -> StoryOutcome:
    """One story through `pipeline.analyze_raw` (the pipeline is loaded once per process); a
    failure is returned as the story's problem, except a missing model, which stops the run."""
    try:
        analysis = analyze_raw(job.raws, AnalyzeConfig(model=job.model, use_cache=False))
        story = replace(analysis.story, id=str(job.number))
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
    return StoryOutcome(job.number, problem=Problem(
        f"story {job.number}", "E507", Errors.E507.format(detail=detail)))


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
        return [analyse_story(job) for job in jobs]


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
        ordered = sorted(jobs, key=lambda job: -len(job.raws))  # the longest start first
        futures = self.client.map(analyse_story, self.client.scatter(ordered), pure=False)
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


# --- output ---------------------------------------------------------------------------------

_TEXT = pa.string()
STORY_SCHEMA = pa.schema([("id", _TEXT), ("topic", _TEXT), ("title", _TEXT), ("first", _TEXT),
                          ("last", _TEXT), ("article_ids", pa.list_(_TEXT)),
                          ("sources", pa.list_(_TEXT)), ("analysis", _TEXT)])
ARTICLE_SCHEMA = pa.schema([(name, _TEXT) for name in ("id", "source", "url", "outlet", "title",
                                                       "published", "story", "topic")])


def _replace_atomically(path: Path, write: Any) -> Path:
    """Write through `write(temporary_path)`, then rename: a reader never sees half a file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


def _write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_table(rows: list[dict[str, Any]], schema: pa.Schema, path: Path, fmt: str
                ) -> Path:
    """`rows` as `path` + .parquet or .jsonl, written atomically."""
    target = path.with_name(f"{path.name}.{fmt}")
    if fmt == "parquet":
        table = pa.Table.from_pylist(rows, schema=schema)
        return _replace_atomically(target, lambda temporary: pq.write_table(table, temporary))
    return _replace_atomically(target, lambda temporary: _write_jsonl(rows, temporary))


def _date_range(articles: Sequence[Article]) -> tuple[str | None, str | None]:
    dates = sorted(article.published for article in articles if article.published)
    return (dates[0], dates[-1]) if dates else (None, None)


def _tables(articles: Sequence[Article], placements: Sequence[Placement],
            members: dict[int, list[Article]], outcomes: Sequence[StoryOutcome]
            ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of the stories table and of the articles table (in stream order)."""
    topic_of = {placement.story.story: placement.topic + 1 for placement in placements}
    story_rows = []
    for outcome in outcomes:
        story = members[outcome.number - 1]
        first, last = (outcome.first, outcome.last) if outcome.analysis else _date_range(story)
        story_rows.append({
            "id": str(outcome.number), "topic": str(topic_of[outcome.number - 1]),
            "title": outcome.title if outcome.analysis else story_title(story),
            "first": first, "last": last, "article_ids": [article.id for article in story],
            "sources": [article.source for article in story], "analysis": outcome.analysis})
    article_rows = [{"id": article.id, "source": article.source, "url": article.url,
                     "outlet": article.outlet, "title": article.title,
                     "published": article.published, "story": str(placement.story.story + 1),
                     "topic": str(placement.topic + 1)}
                    for article, placement in zip(articles, placements, strict=True)]
    return story_rows, article_rows


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
    params: ClusterParams = STORY_PARAMS,
) -> BatchResult:
    """Find the stories among the articles under `paths`, analyse each, and write
    `stories.<fmt>`, `articles.<fmt>` and `problems.jsonl` into `out`.

    Raises NothingToAnalyseError when no article can be used, SchedulerError (E601) when the
    Dask scheduler cannot be reached; a story whose analysis fails is a problem, not an error.
    """
    if engine not in ENGINES or fmt not in TABLE_FORMATS:
        raise ValueError(f"engine must be one of {ENGINES} and fmt one of {TABLE_FORMATS}")
    timer = StageTimer()
    raws, problems = read_batch_inputs(paths)
    timer.lap("read")
    articles, cleaning_problems = clean_all(raws)
    problems.extend(cleaning_problems)
    if not articles:
        failed = sum(1 for problem in problems if problem.severity == "error")
        raise NothingToAnalyseError(Errors.E110.format(count=max(failed, len(raws))),
                                    problems=tuple(problems))
    articles.sort(key=stream_order_key)
    raw_of: dict[str, RawArticle] = {}
    for raw in raws:  # the raw article each cleaned one came from, as clean_all matched them
        raw_of.setdefault(article_id(raw.text), raw)
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
        placements = assemble_stories(features, pairs, params)
        timer.lap("cluster")
        members: dict[int, list[Article]] = {}
        for article, placement in zip(articles, placements, strict=True):
            members.setdefault(placement.story.story, []).append(article)
        jobs = [StoryJob(key + 1, tuple(raw_of[article.id] for article in story), model)
                for key, story in sorted(members.items())]
        outcomes = runner.analyse(jobs)
        timer.lap("analyse")
    timer.lap("stop")
    problems.extend(outcome.problem for outcome in outcomes if outcome.problem is not None)
    story_rows, article_rows = _tables(articles, placements, members, outcomes)
    files = (write_table(story_rows, STORY_SCHEMA, out / "stories", fmt),
             write_table(article_rows, ARTICLE_SCHEMA, out / "articles", fmt),
             _replace_atomically(out / "problems.jsonl", lambda temporary: _write_jsonl(
                 (asdict(problem) for problem in problems), temporary)))
    timer.lap("write")
    LOGGER.info("batch (%s): %d articles, %d stories, %s", engine, len(articles), len(jobs),
                ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in timer.laps()))
    return BatchResult(out, engine, len(articles), skipped, len(jobs),
                       len({placement.topic for placement in placements}),
                       sum(1 for outcome in outcomes if outcome.analysis is None),
                       tuple(problems), timer.laps(), files)
