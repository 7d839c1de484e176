"""Options shared by the commands that use the story database."""

from __future__ import annotations

from typing import Annotated

import typer

DatabaseOption = Annotated[str | None, typer.Option(
    "--db", help="Story database: an SQLite file path or a URL such as "
    "postgresql://user@host/dbname (default: $CONSILIENCE_DB or ./consilience.db).",
    show_default=False)]
