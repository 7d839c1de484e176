"""Content words of a sentence, and how much two sentences' words overlap: how the brief tells
that a sentence says what a chosen one already says."""

from __future__ import annotations

import re

from ..lang.en.stopwords import STOPWORDS

_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*")
_STOPWORDS = STOPWORDS


def content_words(text: str) -> frozenset[str]:
    """Lowercased words of `text` other than function words and reporting verbs."""
    return frozenset(word for word in (match.group().lower() for match in _WORD.finditer(text))
                     if word not in _STOPWORDS)


def jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0
