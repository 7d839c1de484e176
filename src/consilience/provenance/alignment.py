"""Alignment of two articles' words: the passages they share near-verbatim.

`difflib.SequenceMatcher` (autojunk off) aligns the two word sequences. Words that share no
word trigram with the other article are replaced by unique placeholders first, so common words
cannot match on their own and the matcher only works on the shared stretches. Matching blocks
of `min_block` words or more are joined across gaps of up to `max_gap` words on each side (a
changed, added or dropped word or two), or of up to `max_skip` words on one side and `max_gap`
on the other between blocks of `skip_block` words or more (a sentence dropped or added); a
joined run with at least `min_words` matching words is a copied passage. The alignment is
repeated with the found runs masked (`rounds` passes), so passages copied in a different order
are found too. The numbers are `config.CopySettings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..config import CopySettings

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


def _joins(gap_a: int, gap_b: int, before: int, after: int, settings: CopySettings) -> bool:
    """Whether two blocks (of `before` and `after` words) this far apart make one passage."""
    small, large = sorted((gap_a, gap_b))
    if large <= settings.max_gap:
        return True
    return small <= settings.max_gap and large <= settings.max_skip and \
        min(before, after) >= settings.skip_block


def _join_blocks(blocks: Sequence[tuple[int, int, int]], settings: CopySettings) -> list[Run]:
    """Join monotone matching blocks (a, b, size) across small gaps; keep runs with at least
    `settings.min_words` matching words."""
    min_words = max(settings.min_block, settings.min_words)
    runs: list[Run] = []
    current: list[tuple[int, int, int]] = []

    def close() -> None:
        matched = sum(size for _, _, size in current)
        if current and matched >= min_words:
            last_a, last_b, last_size = current[-1]
            runs.append(Run(current[0][0], last_a + last_size, current[0][1],
                             last_b + last_size, matched))

    for block in blocks:
        if block[2] < settings.min_block:
            continue
        if current:
            end_a, end_b = current[-1][0] + current[-1][2], current[-1][1] + current[-1][2]
            if _joins(block[0] - end_a, block[1] - end_b, current[-1][2], block[2], settings):
                current.append(block)
                continue
            close()
        current = [block]
    close()
    return runs


def align(a: Sequence[int], b: Sequence[int], settings: CopySettings) -> list[Run]:
    """Copied passages between two word-id sequences, in the order of `a`."""
    shared_a = _shared_words(a, _trigrams(b))
    shared_b = _shared_words(b, _trigrams(a))
    if not any(shared_a):
        return []
    runs: list[Run] = []
    for _ in range(settings.rounds):
        # Placeholders: negative, different in a (odd) and b (even), never equal to a word id.
        seq_a = [word if keep else -2 * index - 1 for index, (word, keep)
                 in enumerate(zip(a, shared_a, strict=True))]
        seq_b = [word if keep else -2 * index - 2 for index, (word, keep)
                 in enumerate(zip(b, shared_b, strict=True))]
        matcher = SequenceMatcher(None, seq_a, seq_b, autojunk=False)
        found = _join_blocks([(block.a, block.b, block.size)
                              for block in matcher.get_matching_blocks()],
                             settings)
        if not found:
            break
        runs.extend(found)
        for run in found:
            shared_a[run.a_first:run.a_last] = [False] * (run.a_last - run.a_first)
            shared_b[run.b_first:run.b_last] = [False] * (run.b_last - run.b_first)
    return sorted(runs, key=lambda run: (run.a_first, run.b_first))
