"""Which earlier articles a new one is compared with, without comparing every pair.

An article is indexed under keys: its most telling terms and names (`ArticleFeatures.keys`) and
the band keys of a MinHash LSH over its word 3-grams (near-copies share a band). A new article is
compared only with the latest `depth` articles posted under each of its keys. The rule depends on
the stream order alone, so the Dask path, which groups articles by key in a shuffle, finds the
same candidate pairs (see `candidate_pairs`).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence

from datasketch import MinHash

from ..config import DEFAULT_DEPTH

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: a pair with 3-gram Jaccard 0.5 shares a band 64% of the time
ROWS = PERMUTATIONS // BANDS
_SEED = 7
_TEMPLATE = MinHash(num_perm=PERMUTATIONS, seed=_SEED)
"""Its hash permutations are drawn once and shared (a MinHash draws them anew each time)."""


def band_keys(text: str) -> tuple[str, ...]:
    """LSH band keys of the text's word 3-grams: texts sharing much wording share a key."""
    words = [word.casefold() for word in _WORD.findall(text)]
    shingles = {" ".join(words[index:index + 3]).encode() for index in range(len(words) - 2)}
    if len(shingles) < 5:
        return ()
    signature = MinHash(num_perm=PERMUTATIONS, seed=_SEED, permutations=_TEMPLATE.permutations,
                        scheme=_TEMPLATE.scheme)
    signature.update_batch(list(shingles))
    keys = []
    for band in range(BANDS):
        rows = signature.hashvalues[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.blake2b(rows.tobytes(), digest_size=8).hexdigest()
        keys.append(f"b{band}:{digest}")
    return tuple(keys)


class CandidateIndex:
    """Posting lists of the latest `depth` articles under each key."""

    def __init__(self, depth: int = DEFAULT_DEPTH):
        self.depth = depth
        self._postings: dict[str, deque[str]] = defaultdict(lambda: deque(maxlen=depth))

    def candidates(self, keys: Iterable[str]) -> list[str]:
        """Articles already indexed under any of `keys`, each once, in a stable order."""
        seen: dict[str, None] = {}
        for key in keys:
            for article in self._postings.get(key, ()):
                seen.setdefault(article)
        return list(seen)

    def add(self, article: str, keys: Iterable[str]) -> None:
        for key in keys:
            self._postings[key].append(article)

    def postings(self) -> Iterator[tuple[str, deque[str]]]:
        """Every key with its posting list (to save the index)."""
        yield from self._postings.items()

    def restore_postings(self, key: str, articles: deque[str]) -> None:
        self._postings[key] = articles


def candidate_pairs(keyed: Sequence[tuple[int, str, Sequence[str]]],
                    depth: int = DEFAULT_DEPTH) -> Iterator[tuple[str, str]]:
    """(later, earlier) article pairs that share a key, for articles given as (stream position,
    article id, keys) that all share one key or come in any order: the same pairs
    `CandidateIndex` yields when the articles arrive in position order."""
    by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for position, article, keys in keyed:
        for key in keys:
            by_key[key].append((position, article))
    for members in by_key.values():
        yield from pairs_under_key(members, depth)


def pairs_under_key(members: Sequence[tuple[int, str]], depth: int = DEFAULT_DEPTH
                    ) -> Iterator[tuple[str, str]]:
    """The pairs one key's posting list gives: each article with the `depth` before it."""
    ordered = sorted(members)
    for index, (_, article) in enumerate(ordered):
        for _, earlier in ordered[max(0, index - depth):index]:
            yield article, earlier
