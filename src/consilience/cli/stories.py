"""`consilience stories` and `consilience show`: browse the story database."""

from __future__ import annotations

import json
import re
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..config import MAX_ARTICLE_CHARS, MAX_STORY_ARTICLES, AnalyzeConfig
from ..errors import Errors, StoryNotFoundError
from ..render import render
from ..store import Store
from .console import write_output
from .options import DatabaseOption, MaxArticleCharsOption, MaxStoryArticlesOption


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class ShowFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date; give it as YYYY-MM-DD") from None


def stories_cli(
    db: DatabaseOption = None,
    search: Annotated[str | None, typer.Option(
        "--search", "-s", help="Only stories whose title, names or brief contain every word.")
    ] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="Only stories with an article published on or after this date "
        "(YYYY-MM-DD).")] = None,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table, or json (a list of stories with their articles).")
    ] = ListFormat.table,
) -> None:
    """List the stories in the database, latest first.

    Example:

        consilience stories --db stories.db --search earthquake --since 2024-01-01 --format json
    """
    with Store(db) as store:
        rows = store.stories(search=search, since=_since(since))
        members = store.article_sources([row.id for row in rows])
    if output_format is ListFormat.json:
        listing = [{
            "id": str(row.id), "title": row.title, "first": row.first, "last": row.last,
            "topic": str(row.topic), "size": row.size, "stale": row.stale,
            "articles": [{"id": article, "source": source} for article, source in
                         members.get(row.id, [])],
        } for row in rows]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    table = Table("id", "title", "articles", "first", "last", "topic", box=None)
    for row in rows:
        table.add_row(str(row.id), row.title + (" (stale)" if row.stale else ""),
                      str(row.size), (row.first or "")[:10], (row.last or "")[:10],
                      str(row.topic))
    Console(soft_wrap=False, markup=False).print(table)


def _story_number(value: str) -> int:
    match = re.fullmatch(r"(?:s-?)?(\d+)", value.strip())
    if not match:
        raise StoryNotFoundError(Errors.E506.format(story=value))
    return int(match.group(1))


def show_cli(
    story: Annotated[str, typer.Argument(help="Story id, as 'consilience stories' lists it.",
                                         show_default=False)],
    db: DatabaseOption = None,
    output_format: Annotated[ShowFormat, typer.Option(
        "--format", "-f", help="json (schema v1), md or html.")] = ShowFormat.json,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here instead of stdout.", dir_okay=False)] = None,
    model: Annotated[str | None, typer.Option(
        "--model", "-m", help="spaCy pipeline, when the story must be analysed again.")] = None,
    max_article_chars: MaxArticleCharsOption = MAX_ARTICLE_CHARS,
    max_story_articles: MaxStoryArticlesOption = MAX_STORY_ARTICLES,
) -> None:
    """Show one story's analysis; a story that changed since its last analysis is analysed
    again first (parses are kept in the database, so this is quick).

    Example:

        consilience show 3 --db stories.db --format md -o story.md
    """
    number = _story_number(story)
    with Store(db) as store:
        row = store.story(number)
        stored = store.analysis(number)
        if output_format is ShowFormat.json and stored and not row.stale:
            write_output(stored if stored.endswith("\n") else stored + "\n", output)
            return
        config = AnalyzeConfig(model=model, max_article_chars=max_article_chars,
                               max_story_articles=max_story_articles)
        from ..stream import analyse_story  # loads the language pipeline

        result, document, used = analyse_story(store, number, config)
    text = document if output_format is ShowFormat.json else render(
        result, output_format.value, used)
    write_output(text if text.endswith("\n") else text + "\n", output)
