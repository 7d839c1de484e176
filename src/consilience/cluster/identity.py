"""Stable ids and a title for a story made of given articles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..ids import article_id, story_id
from ..lang.sentences import split_sentences
from ..models import Article

__all__ = ["article_id", "story_id", "story_title"]

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_TITLE_LIMIT = 120


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
    text = articles[0].text
    sentences = split_sentences(text)
    return _shorten(text[slice(*sentences[0])] if sentences else "")
