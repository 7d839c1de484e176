"""How one analysis runs: the settings of `analyze` and `ingest` and the limits that bound
what an untrusted input can cost. Light to import: the command line and the server read it
without loading the language pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_ARTICLE_CHARS = 1_000_000
"""spaCy's own default limit: parsing needs about 1 GB per million characters."""
MAX_STORY_ARTICLES = 1_000

DEFAULT_BATCH = 200
"""Articles `ingest` stores per transaction."""
DEFAULT_WORKERS = 2
"""Workers of `consilience batch` on the local engine."""
CONNECT_TIMEOUT = 10.0
"""Seconds `consilience batch` waits for a scheduler given by address."""


@dataclass(frozen=True, slots=True)
class AnalyzeConfig:
    """How to run `analyze`; the defaults suit the command line.

    The limits bound what one untrusted input can cost: an article over `max_article_chars`
    (after cleaning) is reported (E111) and skipped, and a story of more than
    `max_story_articles` articles is refused (E112) rather than analysed for hours.
    """

    model: str | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    batch_size: int = 32
    max_article_chars: int = MAX_ARTICLE_CHARS
    max_story_articles: int = MAX_STORY_ARTICLES
