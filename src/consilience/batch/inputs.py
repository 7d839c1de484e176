"""The inputs of a batch: what `ingest.read_inputs` reads, plus Parquet shards read row by row
(columns named like JSONL record fields)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import Errors, InputError, MalformedRecordError
from ..ingest import (
    has_article_suffix,
    is_folder_documentation,
    problem_from_error,
    read_inputs,
    record_to_article,
)
from ..models import Problem, RawArticle


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
