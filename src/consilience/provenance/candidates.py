"""Candidate copied passages: passage pairs of different articles whose word shingles a MinHash
LSH index puts in one bucket, so that only likely copies are aligned.

Each passage's set of word shingles (`shingle` consecutive words) gets a MinHash (datasketch,
fixed seed) and goes into one `MinHashLSH` at `threshold`; querying it with each passage gives
the passage pairs likely to be near duplicates. The index favours recall over precision
(weights 0.2 / 0.8), since every candidate is checked by exact alignment.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from datasketch import MinHash, MinHashLSH

from ..config import CopySettings
from ..models import Article
from .passages import Passage, Words, article_passages, article_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)

SHINGLE = CopySettings().shingle
"""Words per shingle, by default."""
NUM_PERM = 64
"""Permutations of each MinHash."""
SEED = 20240611
"""Seed of the MinHash permutations: fixed, so results do not change between runs."""
LSH_WEIGHTS = (0.2, 0.8)
"""Weights of false positives and false negatives when the LSH chooses its bands."""


def _identity(value: int) -> int:
    """The shingles are hashed once per article; MinHash takes those hashes as they are."""
    return value


def _shingle_hashes(words: Sequence[str], shingle: int) -> list[int]:
    """A 32-bit hash of each run of `shingle` words, by its first word's index."""
    return [int.from_bytes(hashlib.blake2b("\x1f".join(words[index:index + shingle]).encode(),
                                           digest_size=4).digest(), "big")
            for index in range(len(words) - shingle + 1)]


def _lsh_index(threshold: float) -> tuple[MinHashLSH, MinHash]:
    template = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_identity)
    lsh = MinHashLSH(threshold=min(max(threshold, 0.01), 0.99), num_perm=NUM_PERM,
                     weights=LSH_WEIGHTS)
    return lsh, template


def _sketch_groups(texts: Sequence[Words], shingle: int, threshold: float
                   ) -> tuple[list[Passage], list[list[int]], set[tuple[int, int]]]:
    """All passages; the groups of passages with identical sketches (passage indices, in
    order); and the group pairs (lower first, a group with itself included) that the LSH puts
    in one bucket.

    Identical passages (a line or a paragraph repeated, a page of "A.A.A.") go into the index
    once: the index returns every passage of a bucket to every query, so thousands of copies
    of one passage made candidate generation quadratic (a minute for one 200,000-character
    line)."""
    lsh, template = _lsh_index(threshold)
    passages: list[Passage] = []
    groups: list[list[int]] = []
    group_of: dict[bytes, int] = {}
    sketches: list[MinHash] = []
    for article, words in enumerate(texts):
        hashes = _shingle_hashes(words.words, shingle)
        for passage in article_passages(words, article, shingle):
            sketch = template.copy()
            sketch.update_batch(hashes[passage.first:passage.last - shingle + 1])
            signature = sketch.hashvalues.tobytes()
            if signature not in group_of:
                group_of[signature] = len(groups)
                lsh.insert(len(groups), sketch, check_duplication=False)
                groups.append([])
                sketches.append(sketch)
            groups[group_of[signature]].append(len(passages))
            passages.append(passage)
    group_pairs = {(group, other) for group, sketch in enumerate(sketches)
                   for other in lsh.query(sketch) if other >= group}
    return passages, groups, group_pairs


def _candidates(texts: Sequence[Words], shingle: int, threshold: float
                ) -> tuple[list[Passage], set[tuple[int, int]]]:
    """All passages, and the index pairs (lower first) of passages of different articles that
    the LSH puts in one bucket."""
    passages, groups, group_pairs = _sketch_groups(texts, shingle, threshold)
    pairs: set[tuple[int, int]] = set()
    for group, other in group_pairs:
        for index in groups[group]:
            for partner in groups[other]:
                low, high = sorted((index, partner))
                if passages[low].article != passages[high].article:
                    pairs.add((low, high))
    LOGGER.debug("copies: %d passages, %d candidate passage pairs", len(passages), len(pairs))
    return passages, pairs


def candidate_articles(texts: Sequence[Words], shingle: int, threshold: float
                       ) -> list[tuple[int, int]]:
    """The article pairs (lower first) with at least one candidate passage pair, without
    listing the passage pairs (as many as the square of a repeated passage's copies)."""
    passages, groups, group_pairs = _sketch_groups(texts, shingle, threshold)
    articles = [sorted({passages[index].article for index in group}) for group in groups]
    found = {(min(left, right), max(left, right)) for group, other in group_pairs
             for left in articles[group] for right in articles[other] if left != right}
    return sorted(found)


def candidate_pairs(articles: Sequence[Article], docs: Sequence[Doc] | None = None, *,
                    shingle: int = SHINGLE, threshold: float = 0.5
                    ) -> list[tuple[Passage, Passage]]:
    """The passage pairs of different articles that the LSH proposes for alignment, in a stable
    order (this is all `find_copies` compares). `docs`: the articles' parses, for sentences."""
    passages, pairs = _candidates(article_words(articles, docs), max(1, shingle), threshold)
    return [(passages[left], passages[right]) for left, right in sorted(pairs)]
