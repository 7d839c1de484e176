"""`consilience analyze`: a folder of articles in, one checked story report out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ..config import MAX_ARTICLE_CHARS, MAX_STORY_ARTICLES
from .console import STDERR, report_problem, write_output
from .options import (
    ConfigOption,
    JobsOption,
    MaxArticleCharsOption,
    MaxStoryArticlesOption,
    analysis_config,
)
from .outputs import OutputFormat, plan_outputs

Arg = typer.Argument
Opt = typer.Option


def analyze_cli(
    ctx: typer.Context,
    paths: Annotated[list[Path], Arg(help="Article files or folders (searched recursively).",
                                     show_default=False)],
    output_format: Annotated[OutputFormat | None, Opt(
        "--format", "-f", help="json (schema v1), md, or html (one self-contained page); "
        "default: the output file's suffix, else json.", show_default=False,
    )] = None,
    outputs: Annotated[list[Path] | None, Opt(
        "--output", "-o", help="Write here instead of stdout. Repeat to write several formats "
        "from one analysis, each taken from the file's suffix (.json, .md, .html).",
        dir_okay=False, show_default=False)] = None,
    model: Annotated[str | None, Opt(
        "--model", "-m",
        help="spaCy pipeline to load (default: $CONSILIENCE_MODEL or the best installed).",
    )] = None,
    cache_dir: Annotated[Path | None, Opt("--cache-dir", help="Where parsed articles are "
                                          "cached (default: ~/.cache/consilience).",
                                          file_okay=False)] = None,
    no_cache: Annotated[bool, Opt("--no-cache", help="Parse every article again.")] = False,
    quiet: Annotated[bool, Opt("--quiet", "-q", help="No progress bar or summary.")] = False,
    jobs: JobsOption = 0,
    max_article_chars: MaxArticleCharsOption = MAX_ARTICLE_CHARS,
    max_story_articles: MaxStoryArticlesOption = MAX_STORY_ARTICLES,
    config_file: ConfigOption = None,
) -> None:
    """Analyse articles about one story and write the story report.

    Reads .txt, .md, .html/.htm, .json and .jsonl articles, removes boilerplate, annotates the
    text with spaCy and writes one story: its entities across outlets, the claims each
    article makes aligned into facts (corroborated, single-source or disputed, with their
    independent sources), typed conflicts between outlets (numbers, dates, names, statuses,
    quoted words, attributions), quotes with their speakers, who cites whom, copied passages,
    publication dates and a dated timeline, and a brief whose every sentence is copied from a
    source; every statement with the character spans it rests on. Inputs that cannot be read
    are reported on stderr and skipped; the exit code is 1 only when nothing could be analysed.

    Example:

        consilience analyze examples/japan-2plus2 --format html -o story.html

        consilience analyze examples/japan-2plus2 -o story.json -o story.md -o story.html

        consilience analyze feeds/today --jobs 2 -o today.json
    """
    plan = plan_outputs(output_format, outputs)
    from ..pipeline import analyze  # the language pipeline loads only when a command needs it
    from ..render import render

    config = analysis_config(ctx, config_file, {
        "model": ("model", model), "cache_dir": ("cache_dir", cache_dir),
        "use_cache": ("no_cache", not no_cache), "jobs": ("jobs", jobs),
        "max_article_chars": ("max_article_chars", max_article_chars),
        "max_story_articles": ("max_story_articles", max_story_articles)})
    show_progress = not quiet and STDERR.is_terminal
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), console=STDERR, transient=True,
                  disable=not show_progress) as bar:
        task = bar.add_task("annotating", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        analysis = analyze(paths, config, progress=progress)
    for problem in analysis.problems:
        report_problem(problem)
    for chosen, output in plan:
        write_output(render(analysis.story, chosen.value, analysis.model, analysis.problems),
                     output)
    if not quiet:
        story = analysis.story
        skipped = sum(1 for problem in analysis.problems if problem.severity == "error")
        removed = sum(len(article.removed) for article in story.articles)
        written = [str(output) for _, output in plan if output is not None]
        where = f" → {', '.join(written)}" if written else ""
        STDERR.print(
            f"[bold]{escape(story.title)}[/bold]\n"
            f"{len(story.articles)} articles analysed ({skipped} skipped), "
            f"{removed} boilerplate/metadata lines removed, {len(story.entities)} entities, "
            f"{len(story.conflicts)} conflicts; "
            f"{analysis.parsed_docs} parsed, {analysis.cached_docs} from cache "
            f"({escape(analysis.model)}){escape(where)}"
        )
