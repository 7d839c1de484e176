"""Ingest: files and folders of articles in, raw articles and problems out."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..models import Problem, RawArticle
from ..text import displayable, normalise_text
from .decode import decode_bytes
from .discover import (
    ARTICLE_SUFFIXES,
    has_article_suffix,
    is_folder_documentation,
    iter_article_files,
)
from .feeds import FEED_SUFFIXES, html_to_text, looks_like_feed, read_feed
from .html import extract_html, looks_like_html
from .reader import read_file
from .records import read_json, read_jsonl, record_to_article
from .warc import WARC_SUFFIXES, is_warc, read_warc

__all__ = [
    "ARTICLE_SUFFIXES",
    "FEED_SUFFIXES",
    "WARC_SUFFIXES",
    "decode_bytes",
    "extract_html",
    "has_article_suffix",
    "html_to_text",
    "is_folder_documentation",
    "is_warc",
    "iter_article_files",
    "looks_like_feed",
    "looks_like_html",
    "normalise_text",
    "problem_from_error",
    "read_feed",
    "read_file",
    "read_inputs",
    "read_json",
    "read_jsonl",
    "read_warc",
    "record_to_article",
]

LOGGER = logging.getLogger(__name__)


def problem_from_error(error: InputError) -> Problem:
    return Problem(displayable(error.path or ""), error.code, error.message, line=error.line)


def read_inputs(paths: Iterable[str | Path]) -> tuple[list[RawArticle], list[Problem]]:
    """Every article under `paths`, and a Problem for each input that could not be used."""
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for found in iter_article_files(paths):
        if isinstance(found, InputError):
            problems.append(problem_from_error(found))
            continue
        for item in read_file(found):
            if isinstance(item, RawArticle):
                articles.append(item)
            elif isinstance(item, Problem):
                problems.append(item)
            else:
                problems.append(problem_from_error(item))
    LOGGER.info("read %d article(s), %d problem(s)", len(articles), len(problems))
    return articles, problems
