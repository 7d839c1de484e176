"""Options shared by several commands: the story database, the settings file and the limits of
one analysis."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from click.core import ParameterSource

from ..config import AnalyzeConfig, load_config

DatabaseOption = Annotated[str | None, typer.Option(
    "--db", help="Story database: an SQLite file path or a URL such as "
    "postgresql://user@host/dbname (default: $CONSILIENCE_DB or ./consilience.db).",
    show_default=False)]

MaxArticleCharsOption = Annotated[int, typer.Option(
    "--max-article-chars", min=1, help="Skip (E111) an article whose clean text is longer "
    "than this; parsing takes about 1 GB of memory per million characters.")]
MaxStoryArticlesOption = Annotated[int, typer.Option(
    "--max-story-articles", min=1, help="Refuse (E112) to analyse a story of more articles "
    "than this.")]

JobsOption = Annotated[int, typer.Option(
    "--jobs", "-j", min=0, help="Processes that parse articles not in the cache, one spaCy "
    "pipeline each (0: one per core). A few short articles are parsed in one process; the "
    "results are the same whatever the number.")]

ConfigOption = Annotated[Path | None, typer.Option(
    "--config", help="Settings file (TOML): limits and every tuned threshold (clustering, "
    "alignment, copies, brief); options given on the command line win. See the README.",
    dir_okay=False, show_default=False)]


def analysis_config(ctx: typer.Context, config_file: Path | None,
                    options: dict[str, tuple[str, Any]]) -> AnalyzeConfig:
    """The settings of one command: the defaults, then the settings file, then each option the
    user gave on the command line (not those left at their default). `options` maps an
    `AnalyzeConfig` field to (the command's parameter name, its value)."""
    base = load_config(config_file) if config_file is not None else AnalyzeConfig()
    given = {name: value for name, (parameter, value) in options.items()
             if ctx.get_parameter_source(parameter) not in (None, ParameterSource.DEFAULT)}
    return replace(base, **given)
