"""Copied passages: which articles of a story repeat each other's text, and where.

Three steps, each cheaper than comparing every passage with every other:

1. **Passages** (`passages`). Each article's words (casefolded alphanumeric tokens with their
   character offsets) are cut into sentences (spaCy's, the ones claims use, when the parses
   are given; a paragraph break always ends one) and every window of one to three consecutive
   sentences (of 8 words or more), across paragraph breaks too, is a passage. Jaccard
   similarity between two passages is only high when their boundaries coincide; with windows
   of one to three sentences, a copy of whole sentences has a window on each side with the same
   sentences, wherever the copier put its paragraph breaks.
2. **Candidates** (`candidate_article_pairs`). Each passage's set of word shingles gets a
   MinHash and is cut into LSH bands; passages of different articles that share a band are
   likely near duplicates, and their articles are compared. The sketches are computed for a
   whole article at once with numpy (each shingle's permuted hashes once, each passage's
   minimum over its shingles' rows) and the bands are bucketed by sorting; the result is the
   same as datasketch's `MinHash` and `MinHashLSH` with the same seed and bands
   (`candidates`), which took most of this stage's time. Shingles are short (4 words by
   default) so that light rewriting keeps passages similar: with one word in fifteen changed,
   a passage keeps about 0.55 Jaccard similarity with 4-word shingles but only about 0.3 with
   8-word ones, below the LSH threshold (see benchmarks/copies.py).
3. **Alignment** (`alignment`). For each article pair with a candidate, the two articles' word
   sequences are aligned on their shared stretches, tolerating a changed word or a dropped
   sentence; a run with at least `min_words` matching words is a copied passage, one span on
   each side.

Cost: tokenising, shingling and hashing are linear in the words; each article of S sentences
gives at most 3S passages, and each band of their sketches is bucketed by one sort (P log P
for P passages), so candidate generation is about linear in the passages; a bucket adds the
pairs of the articles in it, at most every pair of the story's articles whatever the number
of passages repeated. Only article pairs with a
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

import numpy as np
from datasketch import MinHashLSH

from ..config import CopySettings
from ..models import Article, Copy
from .alignment import align
from .candidates import LSH_WEIGHTS, NUM_PERM, SEED, SHINGLE, _shingle_hashes, candidate_pairs
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
    "candidate_article_pairs",
    "candidate_pairs",
    "find_copies",
    "minhash_permutations",
    "passage_signatures",
    "published_order",
    "read_words",
]

LOGGER = logging.getLogger(__name__)

_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35),
           np.uint32(16))
"""The MurmurHash3 32-bit finalizer, which datasketch's default MinHash scheme applies to each
hash before its permutations."""


def _fmix32(values: np.ndarray) -> np.ndarray:
    first, times, second, again, third = _FMIX32
    values = values ^ (values >> first)
    values = values * times
    values = values ^ (values >> second)
    values = values * again
    return values ^ (values >> third)


def minhash_permutations(count: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """The (a, b) rows of `count` permutations h -> a * h + b mod 2**32 (a odd), drawn as
    datasketch's default ("affine32") MinHash draws them from `seed`."""
    generator = np.random.RandomState(seed)
    multipliers = generator.randint(0, 1 << 31, count, dtype=np.uint32) * np.uint32(2) \
        + np.uint32(1)
    return np.array([multipliers, generator.randint(0, 1 << 32, count, dtype=np.uint32)])


def passage_signatures(words: Words, passages: Sequence[Passage], shingle: int,
                       permutations: np.ndarray) -> np.ndarray:
    """The MinHash of each passage's shingles (one row per passage, NUM_PERM uint32 columns):
    datasketch's `MinHash(num_perm, seed, hashfunc=identity).update_batch` of the passage's
    shingle hashes, with `permutations` that MinHash's (a, b) rows."""
    if not passages:
        return np.empty((0, permutations.shape[1]), dtype=np.uint32)
    hashes = np.array(_shingle_hashes(words.words, shingle), dtype=np.uint32)
    rows = _fmix32(hashes)[:, None] * permutations[0] + permutations[1]  # wraps: mod 2**32
    # A passage's shingles are rows first .. last - shingle; reduceat over (start, stop) index
    # pairs gives each passage's minimum at the even positions (a stop may be the row past the
    # end, hence the padding row).
    rows = np.vstack([rows, rows[:1]])
    bounds = np.array([(passage.first, passage.last - shingle + 1) for passage in passages],
                      dtype=np.intp).ravel()
    return np.minimum.reduceat(rows, bounds, axis=0)[::2]


def candidate_article_pairs(texts: Sequence[Words], shingle: int, threshold: float
                            ) -> list[tuple[int, int]]:
    """The article pairs (lower first, sorted) with a passage each whose MinHashes share an
    LSH band at `threshold`: the pairs `candidates.candidate_articles` gives, in a fraction of
    its time. Two passages whose sketches are the same share every band, so a passage repeated
    in several articles makes those articles candidates, however often it is repeated."""
    permutations = minhash_permutations()
    lsh = MinHashLSH(threshold=min(max(threshold, 0.01), 0.99), num_perm=NUM_PERM,
                     weights=LSH_WEIGHTS)
    signatures: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    for article, words in enumerate(texts):
        passages = article_passages(words, article, shingle)
        signatures.append(passage_signatures(words, passages, shingle, permutations))
        owners.append(np.full(len(passages), article, dtype=np.int64))
    if not owners:
        return []
    sketches = np.vstack(signatures)
    articles = np.concatenate(owners)
    found: set[tuple[int, int]] = set()
    for band in range(lsh.b):
        keys = np.ascontiguousarray(sketches[:, band * lsh.r:(band + 1) * lsh.r])
        _, bucket = np.unique(keys.view(np.dtype((np.void, keys.shape[1] * 4))).ravel(),
                              return_inverse=True)
        # (bucket, article) once each, sorted by bucket: a bucket of two articles or more
        # makes every pair of them a candidate.
        members = np.unique(bucket.ravel() * len(texts) + articles)
        _, first, counts = np.unique(members // len(texts), return_index=True,
                                           return_counts=True)
        for start, count in zip(first[counts > 1], counts[counts > 1], strict=True):
            shared = (members[start:start + count] % len(texts)).tolist()
            found.update((left, right) for position, left in enumerate(shared)
                         for right in shared[position + 1:])
    LOGGER.debug("copies: %d passages, %d candidate article pairs", len(articles), len(found))
    return sorted(found)


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
    article_pairs = candidate_article_pairs(texts, max(1, settings.shingle), settings.threshold)
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
