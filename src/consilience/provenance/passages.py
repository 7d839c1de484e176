"""An article's words and its passages: the units copied-passage detection compares.

Words are casefolded alphanumeric tokens with their character offsets. Sentences are the
project's one segmentation (`consilience.lang.sentences`: spaCy's when the article's parse is
given), mapped onto words; a run of more than MAX_SENTENCE_WORDS words without a sentence end
is cut into pieces. Every window of WINDOWS consecutive sentences is a passage.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lang.sentences import parsed_sentence_bounds, split_sentences
from ..models import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

WINDOWS = (1, 2, 3)
"""Passages are windows of this many consecutive sentences."""
MAX_SENTENCE_WORDS = 50
"""A longer run of words without a sentence end is cut into pieces of this many words."""
MIN_PASSAGE_WORDS = 8
"""Shorter windows are not indexed: too short to tell a copy from a common phrase."""

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Passage:
    """A window of consecutive sentences of one article: words `first` to `last` (exclusive)
    of the article at position `article` in the story, characters `start` to `end`."""

    article: int
    first: int
    last: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Words:
    """An article's words: casefolded text and character offsets, and where sentences start."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    sentences: tuple[int, ...]


def read_words(text: str, sentence_starts: Sequence[int] | None = None) -> Words:
    """The casefolded alphanumeric words of `text`, their offsets and the sentence starts (as
    word indexes). `sentence_starts` are the character offsets where sentences start (from the
    parse); without them the text is split alone (`split_sentences`)."""
    matches = list(_WORD.finditer(text))
    words = tuple(match.group().casefold() for match in matches)
    starts = tuple(match.start() for match in matches)
    ends = tuple(match.end() for match in matches)
    if sentence_starts is None:
        sentence_starts = [start for start, _ in split_sentences(text)]
    if not words:
        return Words(words, starts, ends, ())
    # A sentence starts at its first word (after any opening quotation mark); a run of
    # MAX_SENTENCE_WORDS words without one is cut.
    first_words = sorted({bisect_left(starts, offset) for offset in sentence_starts}
                         - {0} | {len(words)})
    sentences = [0]
    for first in first_words:
        while sentences[-1] + MAX_SENTENCE_WORDS < first:
            sentences.append(sentences[-1] + MAX_SENTENCE_WORDS)
        if first < len(words):
            sentences.append(first)
    return Words(words, starts, ends, tuple(sentences))


def article_words(articles: Sequence[Article], docs: Sequence[Doc] | None = None
                  ) -> list[Words]:
    """The words of each article, in sentences from its parse in `docs` (one per article, in
    order) when given."""
    if docs is None:
        return [read_words(article.text) for article in articles]
    return [read_words(article.text, [start for start, _ in parsed_sentence_bounds(doc)])
            for article, doc in zip(articles, docs, strict=True)]


def article_passages(words: Words, article: int, shingle: int) -> list[Passage]:
    """Windows of WINDOWS consecutive sentences of at least MIN_PASSAGE_WORDS
    words and one shingle."""
    bounds = [*words.sentences, len(words.words)]
    found: list[Passage] = []
    for first_sentence in range(len(words.sentences)):
        for size in WINDOWS:
            last_sentence = first_sentence + size
            if last_sentence >= len(bounds):
                break
            first, last = bounds[first_sentence], bounds[last_sentence]
            if last - first >= max(shingle, MIN_PASSAGE_WORDS):
                found.append(Passage(article, first, last, words.starts[first],
                                     words.ends[last - 1]))
    return found
