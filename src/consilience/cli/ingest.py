"""`consilience ingest`: add articles to the story database and update its stories."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ..config import DEFAULT_BATCH, MAX_ARTICLE_CHARS, MAX_STORY_ARTICLES
from ..errors import Errors, NothingToAnalyseError, Warnings
from ..store import Store
from .console import STDERR, report_problem
from .options import (
    ConfigOption,
    DatabaseOption,
    JobsOption,
    MaxArticleCharsOption,
    MaxStoryArticlesOption,
    analysis_config,
)

SHOWN_REPEATS = 5  # duplicates named one by one; the rest are counted


def ingest_cli(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(
        help="Article files or folders: .txt .md .html .json .jsonl, RSS/Atom feeds "
        "(.rss .atom .xml) and WARC archives (.warc .warc.gz).", show_default=False)],
    db: DatabaseOption = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Articles stored per transaction.")] = DEFAULT_BATCH,
    no_analysis: Annotated[bool, typer.Option(
        "--no-analysis", help="Only store and cluster; stories changed are analysed later, "
        "by the next ingest or by 'consilience show'.")] = False,
    model: Annotated[str | None, typer.Option(
        "--model", "-m", help="spaCy pipeline for the analyses.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or "
                                        "summary.")] = False,
    max_article_chars: MaxArticleCharsOption = MAX_ARTICLE_CHARS,
    max_story_articles: MaxStoryArticlesOption = MAX_STORY_ARTICLES,
    config_file: ConfigOption = None,
    jobs: JobsOption = 0,
) -> None:
    """Add articles to the story database: each new article joins the story it belongs to or
    starts one, and stories that changed are analysed again.

    Ingest is idempotent: an article already stored (same text) is counted as a duplicate and
    left alone. Every batch of articles is stored in one transaction, so an interrupted ingest
    keeps every batch it finished and nothing of the one it was writing. Inputs that cannot be
    read are reported and skipped; when nothing could be added and some inputs failed, ingest
    exits with 1.

    Several ingests may run at once on one database (one per feed, cron and by hand): each
    batch is placed while the others wait for it, against every story stored so far, so the
    stories are those one ingest would make. A writer kept waiting says so, and gives up with
    E513 after ten minutes.

    Example:

        consilience ingest feeds/ archive.warc.gz --db stories.db
    """
    config = analysis_config(ctx, config_file, {
        "model": ("model", model), "max_article_chars": ("max_article_chars", max_article_chars),
        "max_story_articles": ("max_story_articles", max_story_articles),
        "jobs": ("jobs", jobs)})
    show_progress = not quiet and STDERR.is_terminal
    from ..stream import ingest  # the language pipeline loads only when a command needs it

    with Store(db) as store, Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(),
            MofNCompleteColumn(), console=STDERR, transient=True,
            disable=not show_progress) as bar:
        task = bar.add_task("reading", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        summary = ingest(paths, store, batch_size=batch_size, analyse=not no_analysis,
                         config=config, progress=progress)
        name = store.name
    stored = Warnings.W106.code
    repeated = [problem for problem in summary.problems if problem.code == stored]
    for problem in summary.problems:
        if problem.code != stored or (not quiet and repeated.index(problem) < SHOWN_REPEATS):
            report_problem(problem)
    if not quiet and len(repeated) > SHOWN_REPEATS:
        STDERR.print(f"[yellow]warning:[/yellow] … and {len(repeated) - SHOWN_REPEATS} more "
                     f"articles already in the database")
    if not quiet:
        STDERR.print(
            f"{summary.added} added, {summary.duplicates} duplicate(s), {summary.failed} "
            f"failed; {summary.new_stories} new and {summary.changed_stories} changed "
            f"stories, {summary.analysed} analysed in {summary.seconds:.1f} s → "
            f"{escape(name)}")
    if summary.added == 0 and summary.failed:
        raise NothingToAnalyseError(Errors.E110.format(
            count=summary.failed + summary.duplicates))
