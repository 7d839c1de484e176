"""Find article files under the paths a user gives."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Errors, NoArticlesFoundError, PathNotFoundError

LOGGER = logging.getLogger(__name__)

# Whole endings, not just the last suffix: ".warc.gz" is one.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".rss",
                    ".atom", ".xml", ".warc", ".warc.gz")
# Files that document a folder rather than being an article in it; read only when named directly.
FOLDER_DOCUMENTATION = ("readme", "license", "licence", "copying", "changelog", "notice", "source")


def is_folder_documentation(path: Path) -> bool:
    return path.stem.lower() in FOLDER_DOCUMENTATION


def has_article_suffix(path: Path) -> bool:
    """True when the file name ends with one of ARTICLE_SUFFIXES (in any case)."""
    return path.name.lower().endswith(ARTICLE_SUFFIXES)


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def iter_article_files(paths: Iterable[str | Path]) -> Iterator[Path | NoArticlesFoundError |
                                                               PathNotFoundError]:
    """Yield article files in a stable order, or the error for a path that yields none.

    A file named directly is always yielded (its reader decides whether it can be used). A folder
    is walked recursively for files with an article suffix, skipping hidden entries and files
    that document the folder (README, LICENSE, ...).
    """
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield PathNotFoundError(Errors.E101, path=path)
        elif path.is_dir():
            found = sorted(
                candidate
                for candidate in path.rglob("*")
                if candidate.is_file()
                and has_article_suffix(candidate)
                and not _is_hidden(candidate, path)
                and not is_folder_documentation(candidate)
            )
            if not found:
                yield NoArticlesFoundError(
                    Errors.E107.format(suffixes=", ".join(ARTICLE_SUFFIXES)), path=path
                )
            yield from found
        else:
            yield path
