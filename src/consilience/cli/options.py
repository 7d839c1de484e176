"""Options shared by several commands: the story database and the limits of one analysis."""

from __future__ import annotations

from typing import Annotated

import typer

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
