"""Stable ids, part of the shared layer: an article's id is the hash of its text as read, a
story's the hash of its articles' ids; the same input gives the same ids on every machine."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from .models import Article

__all__ = ["article_id", "story_id"]


def article_id(source_text: str) -> str:
    """Content hash of the text as read: the same text read twice is the same article."""
    return "a-" + hashlib.sha256(source_text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def story_id(articles: Sequence[Article], number: int | None = None) -> str:
    """The one id scheme of a story: its number where a database or a batch numbers it ("3",
    stable while the story gains articles), else the hash of its article ids in any order
    ("s-0123456789", the same for the same articles on every machine)."""
    if number is not None:
        return str(number)
    digest = hashlib.sha256("\n".join(sorted(article.id for article in articles)).encode())
    return "s-" + digest.hexdigest()[:10]
