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


STEM_LENGTH = 6  # letters of a word kept by `stems`: 'resigned', 'resigning' and 'resigns' meet


def stems(text: str) -> frozenset[str]:
    """Content words of `text` cut to their first `STEM_LENGTH` letters: a crude stemmer, enough
    to match the forms of one word across outlets without a parse."""
    return frozenset(word[:STEM_LENGTH] for word in content_words(text))
