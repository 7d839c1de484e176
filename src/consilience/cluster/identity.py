"""Stable ids and a title for a story made of given articles."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from ..models import Article

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_TITLE_LIMIT = 120


def article_id(source_text: str) -> str:
    """Content hash of the text as read: the same text read twice is the same article."""
    return "a-" + hashlib.sha256(source_text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def story_id(articles: Sequence[Article]) -> str:
    digest = hashlib.sha256("\n".join(sorted(article.id for article in articles)).encode())
    return "s-" + digest.hexdigest()[:10]


def _words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _TITLE_LIMIT:
        return text
    return text[:_TITLE_LIMIT].rsplit(" ", 1)[0] + "…"


def story_title(articles: Sequence[Article]) -> str:
    """The article title most representative of the story: the one whose words occur in the
    most other articles. Without titles, the opening of the first article."""
    if not articles:
        return ""
    document_frequency: Counter[str] = Counter()
    for article in articles:
        document_frequency.update(_words(article.text) | _words(article.title or ""))
    titled = [article for article in articles if article.title]
    if titled:
        def support(article: Article) -> float:
            words = _words(article.title or "")
            return sum(document_frequency[word] for word in words) / (len(words) or 1)
        return _shorten(max(titled, key=support).title or "")
    first_paragraph = articles[0].text.split("\n\n", 1)[0]
    first_sentence = re.split(r"(?<=[.!?])\s", first_paragraph, maxsplit=1)[0]
    return _shorten(first_sentence)
