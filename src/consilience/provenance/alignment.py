"""Alignment of two articles' words: the passages they share near-verbatim.

`difflib.SequenceMatcher` (autojunk off) aligns the two word sequences. Words that share no
word trigram with the other article are replaced by unique placeholders first, so common words
cannot match on their own and the matcher only works on the shared stretches. Matching blocks
of MIN_BLOCK words or more are joined across gaps of up to MAX_GAP words on each side (a
changed, added or dropped word or two), or of up to MAX_SKIP words on one side and MAX_GAP on
the other between blocks of SKIP_BLOCK words or more (a sentence dropped or added); a joined
run with at least `min_words` matching words is a copied passage. The alignment is repeated
with the found runs masked, so passages copied in a different order are found too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

MIN_BLOCK = 3
"""Matching blocks shorter than this are ignored by the alignment."""
MAX_GAP = 4
"""Matching blocks at most this many words apart on both sides join into one passage."""
MAX_SKIP = 60
"""Blocks of SKIP_BLOCK words or more also join when at most MAX_GAP words apart on one side
and at most MAX_SKIP on the other (a sentence dropped or added)."""
SKIP_BLOCK = 8
"""See MAX_SKIP."""
ROUNDS = 4
"""Alignment passes per article pair (each later one with the found passages masked)."""

_TRIGRAM = 3


@dataclass(frozen=True, slots=True)
class Run:
    """A copied passage found by alignment: words [a_first, a_last) of article a match words
    [b_first, b_last) of article b, `matched` of them exactly."""

    a_first: int
    a_last: int
    b_first: int
    b_last: int
    matched: int


def _shared_words(words: Sequence[int], other: set[tuple[int, ...]]) -> list[bool]:
    """Which words lie in a word trigram that also occurs in the other article."""
    keep = [False] * len(words)
    for index in range(len(words) - _TRIGRAM + 1):
        if tuple(words[index:index + _TRIGRAM]) in other:
            for offset in range(_TRIGRAM):
                keep[index + offset] = True
    return keep


def _trigrams(words: Sequence[int]) -> set[tuple[int, ...]]:
    return {tuple(words[index:index + _TRIGRAM]) for index in range(len(words) - _TRIGRAM + 1)}


def _joins(gap_a: int, gap_b: int, before: int, after: int) -> bool:
    """Whether two blocks (of `before` and `after` words) this far apart make one passage."""
    small, large = sorted((gap_a, gap_b))
    if large <= MAX_GAP:
        return True
    return small <= MAX_GAP and large <= MAX_SKIP and min(before, after) >= SKIP_BLOCK


def _join_blocks(blocks: Sequence[tuple[int, int, int]], min_words: int) -> list[Run]:
    """Join monotone matching blocks (a, b, size) across small gaps; keep runs with at least
    `min_words` matching words."""
    runs: list[Run] = []
    current: list[tuple[int, int, int]] = []

    def close() -> None:
        matched = sum(size for _, _, size in current)
        if current and matched >= min_words:
            last_a, last_b, last_size = current[-1]
            runs.append(Run(current[0][0], last_a + last_size, current[0][1],
                             last_b + last_size, matched))

    for block in blocks:
        if block[2] < MIN_BLOCK:
            continue
        if current:
            end_a, end_b = current[-1][0] + current[-1][2], current[-1][1] + current[-1][2]
            if _joins(block[0] - end_a, block[1] - end_b, current[-1][2], block[2]):
                current.append(block)
                continue
            close()
        current = [block]
    close()
    return runs


def align(a: Sequence[int], b: Sequence[int], min_words: int) -> list[Run]:
    """Copied passages between two word-id sequences, in the order of `a`."""
    shared_a = _shared_words(a, _trigrams(b))
    shared_b = _shared_words(b, _trigrams(a))
    if not any(shared_a):
        return []
    runs: list[Run] = []
    for _ in range(ROUNDS):
        # Placeholders: negative, different in a (odd) and b (even), never equal to a word id.
        seq_a = [word if keep else -2 * index - 1 for index, (word, keep)
                 in enumerate(zip(a, shared_a, strict=True))]
        seq_b = [word if keep else -2 * index - 2 for index, (word, keep)
                 in enumerate(zip(b, shared_b, strict=True))]
        matcher = SequenceMatcher(None, seq_a, seq_b, autojunk=False)
        found = _join_blocks([(block.a, block.b, block.size)
                              for block in matcher.get_matching_blocks()],
                             min_words)
        if not found:
            break
        runs.extend(found)
        for run in found:
            shared_a[run.a_first:run.a_last] = [False] * (run.a_last - run.a_first)
            shared_b[run.b_first:run.b_last] = [False] * (run.b_last - run.b_first)
    return sorted(runs, key=lambda run: (run.a_first, run.b_first))
