"""Copied passages: which articles of a story repeat each other's text, and where.

Three steps, each cheaper than comparing every passage with every other:

1. **Passages** (`passages`). Each article's words (casefolded alphanumeric tokens with their
   character offsets) are cut into sentences (spaCy's, the ones claims use, when the parses
   are given; a paragraph break always ends one) and every window of one to three consecutive
   sentences (of 8 words or more), across paragraph breaks too, is a passage. Jaccard
   similarity between two passages is only high when their boundaries coincide; with windows
   of one to three sentences, a copy of whole sentences has a window on each side with the same
   sentences, wherever the copier put its paragraph breaks.
2. **Candidates** (`candidates`). Each passage's set of word shingles gets a MinHash and goes
   into one LSH index; querying it with each passage gives the passage pairs of different
   articles likely to be near duplicates. Shingles are short (4 words by default) so that
   light rewriting keeps passages similar: with one word in fifteen changed, a passage keeps
   about 0.55 Jaccard similarity with 4-word shingles but only about 0.3 with 8-word ones,
   below the LSH threshold (see benchmarks/copies.py).
3. **Alignment** (`alignment`). For each article pair with a candidate, the two articles' word
   sequences are aligned on their shared stretches, tolerating a changed word or a dropped
   sentence; a run with at least `min_words` matching words is a copied passage, one span on
   each side.

Cost: tokenising, shingling and hashing are linear in the words; each article of S sentences
gives at most 3S passages, each inserted and queried once in the LSH (O(bands) per passage
plus the size of the buckets it hits), so candidate generation is linear in the passages as
long as passages are not repeated across most of the story. Only article pairs with a
candidate are aligned, each in about linear time in their words plus the square of their
shared stretches.

**Which is the original** (`original`): the article published earlier; when the dates are
missing or equal, the one whose copied passages are the larger share of its own text; then
story order.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..config import CopySettings
from ..models import Article, Copy
from .alignment import align
from .candidates import SHINGLE, candidate_articles, candidate_pairs
from .original import copy_record, published_order
from .passages import Passage, Words, article_passages, article_words, read_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "SHINGLE",
    "Passage",
    "Words",
    "align",
    "article_passages",
    "candidate_pairs",
    "find_copies",
    "published_order",
    "read_words",
]

LOGGER = logging.getLogger(__name__)


def find_copies(articles: Sequence[Article], docs: Sequence[Doc] | None = None, *,
                shingle: int | None = None, threshold: float | None = None,
                min_words: int | None = None, settings: CopySettings = CopySettings()
                ) -> list[Copy]:
    """Passages that articles of one story share (near-)verbatim: one Copy per article pair
    that shares at least one passage of `min_words` matching words, from the copier to the
    original (see the module notes for the method, its cost and the direction rule).

    `docs`: the articles' parses, in order, whose sentences passages are made of (without
    them the text is split alone). `shingle`: words per shingle for the MinHash; `threshold`:
    the LSH's Jaccard threshold between passages' shingle sets; `min_words`: least matching
    words of a copy. Each, when given, overrides its field of `settings` (`config.CopySettings`,
    which also holds the alignment's gaps). Copies come in story order of their article pair.
    """
    overrides = (("shingle", shingle), ("threshold", threshold), ("min_words", min_words))
    given: dict[str, Any] = {name: value for name, value in overrides if value is not None}
    settings = replace(settings, **given)
    texts = article_words(articles, docs)
    article_pairs = candidate_articles(texts, max(1, settings.shingle), settings.threshold)
    vocabulary: dict[str, int] = {}
    ids = [[vocabulary.setdefault(word, len(vocabulary)) for word in words.words]
           for words in texts]
    copies: list[Copy] = []
    for left, right in article_pairs:
        runs = align(ids[left], ids[right], settings)
        if runs:
            copies.append(copy_record(articles, texts, left, right, runs))
    LOGGER.debug("copies: %d article pairs aligned, %d copies", len(article_pairs), len(copies))
    return copies
