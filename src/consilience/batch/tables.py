"""The outputs of a batch: the stories and articles tables (Parquet or JSON Lines), written
atomically, so a reader never sees half a table."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..cluster import Placement, story_title
from ..models import Article

if TYPE_CHECKING:
    from . import StoryOutcome


_TEXT = pa.string()
STORY_SCHEMA = pa.schema([("id", _TEXT), ("topic", _TEXT), ("title", _TEXT), ("first", _TEXT),
                          ("last", _TEXT), ("article_ids", pa.list_(_TEXT)),
                          ("sources", pa.list_(_TEXT)), ("analysis", _TEXT)])
ARTICLE_SCHEMA = pa.schema([(name, _TEXT) for name in ("id", "source", "url", "outlet", "title",
                                                       "published", "story", "topic")])


def replace_atomically(path: Path, write: Any) -> Path:
    """Write through `write(temporary_path)`, then rename: a reader never sees half a file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


def write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_table(rows: list[dict[str, Any]], schema: pa.Schema, path: Path, fmt: str
                ) -> Path:
    """`rows` as `path` + .parquet or .jsonl, written atomically."""
    target = path.with_name(f"{path.name}.{fmt}")
    if fmt == "parquet":
        table = pa.Table.from_pylist(rows, schema=schema)
        return replace_atomically(target, lambda temporary: pq.write_table(table, temporary))
    return replace_atomically(target, lambda temporary: write_jsonl(rows, temporary))


def _date_range(articles: Sequence[Article]) -> tuple[str | None, str | None]:
    dates = sorted(article.published for article in articles if article.published)
    return (dates[0], dates[-1]) if dates else (None, None)


def story_tables(articles: Sequence[Article], placements: Sequence[Placement],
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
