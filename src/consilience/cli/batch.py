"""`consilience batch`: many articles in, every story among them found and analysed, tables out."""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..config import CONNECT_TIMEOUT, DEFAULT_WORKERS
from .console import STDERR, report_problem
from .options import ConfigOption, analysis_config


class BatchEngine(StrEnum):
    dask = "dask"
    local = "local"


class TableFormat(StrEnum):
    parquet = "parquet"
    jsonl = "jsonl"


Arg = typer.Argument
Opt = typer.Option


def quiet_distributed() -> None:
    """Dask distributed logs every worker's start and stop at INFO to its own handler: keep
    its warnings and errors only (its loggers are configured on import, so import it first)."""
    import distributed  # noqa: F401

    logger = logging.getLogger("distributed")
    logger.setLevel(max(logger.level, logging.WARNING))


def batch_cli(
    ctx: typer.Context,
    paths: Annotated[list[Path], Arg(help="Article files or folders (searched recursively), "
                                     "including JSONL and Parquet shards.", show_default=False)],
    out: Annotated[Path, Opt("--out", "-o", help="Folder for stories, articles and problems.",
                             file_okay=False, show_default=False)],
    engine: Annotated[BatchEngine, Opt("--engine", "-e", help="dask (a cluster) or local "
                                       "(this process only).")] = BatchEngine.dask,
    scheduler: Annotated[str | None, Opt("--scheduler", help="Address of a running Dask "
                                         "scheduler (default: start a local cluster).",
                                         show_default=False)] = None,
    workers: Annotated[int, Opt("--workers", "-w", min=1, help="Worker processes of the "
                                "local cluster.")] = DEFAULT_WORKERS,
    table_format: Annotated[TableFormat, Opt("--format", "-f", help="Format of the stories "
                                             "and articles tables.")] = TableFormat.parquet,
    model: Annotated[str | None, Opt(
        "--model", "-m",
        help="spaCy pipeline to load (default: $CONSILIENCE_MODEL or the best installed).",
    )] = None,
    timeout: Annotated[float, Opt("--timeout", min=0.1, help="Seconds to wait for the "
                                  "scheduler.")] = CONNECT_TIMEOUT,
    quiet: Annotated[bool, Opt("--quiet", "-q", help="No summary.")] = False,
    config_file: ConfigOption = None,
) -> None:
    """Find the stories among many articles and analyse each one, on a Dask cluster.

    Articles are read and cleaned as by `consilience analyze`, put in publication order and
    grouped into stories (and stories into topics) by the same online clustering as a
    single-process run, with the per-article features, the candidate pairs and the per-story
    analyses computed in parallel. Writes into the --out folder: `stories.parquet` (one row
    per story: id, topic, title, first and last dates, article ids, sources, and the story's
    schema-v1 JSON report in `analysis`), `articles.parquet` (each article with its story
    and topic) and `problems.jsonl`; `--format jsonl` writes JSON Lines tables instead.
    Inputs that cannot be used, and stories whose analysis fails, are reported and skipped.

    Example:

        consilience batch news/ shards/*.parquet --engine dask --workers 4 --out results/
    """
    config = analysis_config(ctx, config_file, {"model": ("model", model)})
    from ..batch import run_batch  # loads the language pipeline

    if engine is BatchEngine.dask:
        quiet_distributed()
    result = run_batch(paths, engine.value, out, scheduler=scheduler, workers=workers,
                       fmt=table_format.value, timeout=timeout, config=config)
    for problem in result.problems:
        report_problem(problem)
    if not quiet:
        failed = f", {result.failed_stories} not analysed" if result.failed_stories else ""
        STDERR.print(
            f"{result.articles} articles read ({result.skipped} skipped), {result.stories} stories"
            f"{failed} in {result.topics} topics; {result.seconds:.1f}s "
            f"({result.engine}) → {escape(str(result.out))}")
