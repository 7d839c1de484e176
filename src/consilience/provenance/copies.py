"""Copied passages: which articles of a story repeat each other's text, and where.

Three steps, each cheaper than comparing every passage with every other:

1. **Passages.** Each article's words (casefolded alphanumeric tokens with their character
   offsets) are cut into sentences (a paragraph break always ends one) and every window of one
   to three consecutive sentences (of 8 words or more), across paragraph breaks too, is a
   passage. Jaccard
   similarity between two passages is only high when their boundaries coincide; with windows
   of one to three sentences, a copy of whole sentences has a window on each side with the same
   sentences, wherever the copier put its paragraph breaks.
2. **Candidates.** Each passage's set of word shingles (`shingle` consecutive words) gets a
   MinHash (datasketch, fixed seed) and goes into one `MinHashLSH` at `threshold`; querying it
   with each passage gives the passage pairs of different articles likely to be near
   duplicates. The index favours recall over precision (weights 0.2 / 0.8), since every
   candidate is checked by exact alignment. Shingles are short (4 words by default) so that
   light rewriting keeps passages similar: with one word in fifteen changed, a passage keeps
   about 0.55 Jaccard similarity with 4-word shingles but only about 0.3 with 8-word ones,
   below the LSH threshold (see benchmarks/copies.py).
3. **Alignment.** For each article pair with a candidate, `difflib.SequenceMatcher`
   (autojunk off) aligns the two articles' word sequences. Words that share no word trigram
   with the other article are replaced by unique placeholders first, so common words cannot
   match on their own and the matcher only works on the shared stretches. Matching blocks of
   three words or more are joined across gaps of up to four words on each side (a changed,
   added or dropped word or two), or of up to 60 words on one side and four on the other
   between blocks of 8 words or more (a sentence dropped or added); a joined run with at least
   `min_words` matching words is a copied passage, one span on each side. The alignment is
   repeated with the found runs masked, so passages copied in a different order are found too.

Cost: tokenising, shingling and hashing are linear in the words; each article of S sentences
gives at most 3S passages, each inserted and queried once in the LSH (O(bands) per passage
plus the size of the buckets it hits), so candidate generation is linear in the passages as
long as passages are not repeated across most of the story. Only article pairs with a
candidate are aligned, each in about linear time in their words plus the square of their
shared stretches.

**Which is the original.** The article published earlier, when both have a date
(`Article.published`, ISO): compared as date-times when both give a time, else by their
common date precision. When the dates are missing or equal, the copier is the article whose
copied passages are the smaller share of its own text: a copier usually wraps what it takes in
material of its own (an introduction, a local angle, a credit line), while the original's
passages are its text. When the shares are equal too (an article repeated verbatim), the
article that comes first in the story is the original.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from difflib import SequenceMatcher

from datasketch import MinHash, MinHashLSH

from ..models import Article, Copy, Span

LOGGER = logging.getLogger(__name__)

SHINGLE = 4
"""Words per shingle, by default."""
NUM_PERM = 64
"""Permutations of each MinHash."""
SEED = 20240611
"""Seed of the MinHash permutations: fixed, so results do not change between runs."""
LSH_WEIGHTS = (0.2, 0.8)
"""Weights of false positives and false negatives when the LSH chooses its bands."""
WINDOWS = (1, 2, 3)
"""Passages are windows of this many consecutive sentences."""
MAX_SENTENCE_WORDS = 50
"""A longer run of words without a sentence end is cut into pieces of this many words."""
MIN_PASSAGE_WORDS = 8
"""Shorter windows are not indexed: too short to tell a copy from a common phrase."""
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

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
    "capt", "prof", "rev", "vs", "no", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "fig", "est", "approx",
})
_TRIGRAM = 3


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


@dataclass(frozen=True, slots=True)
class _Run:
    """A copied passage found by alignment: words [a_first, a_last) of article a match words
    [b_first, b_last) of article b, `matched` of them exactly."""

    a_first: int
    a_last: int
    b_first: int
    b_last: int
    matched: int


# ---- words, sentences and passages ------------------------------------------------------------

def read_words(text: str) -> Words:
    """The casefolded alphanumeric words of `text`, their offsets and the sentence starts."""
    matches = list(_WORD.finditer(text))
    words = tuple(match.group().casefold() for match in matches)
    starts = tuple(match.start() for match in matches)
    ends = tuple(match.end() for match in matches)
    sentences: list[int] = [0] if words else []
    for index in range(1, len(words)):
        if _ends_sentence(text[ends[index - 1]:starts[index]], words[index - 1], text,
                          starts[index]) or index - sentences[-1] >= MAX_SENTENCE_WORDS:
            sentences.append(index)
    return Words(words, starts, ends, tuple(sentences))


def _ends_sentence(gap: str, previous: str, text: str, start: int) -> bool:
    """Whether the text between two words ends a sentence: a line break, or a full stop (or ?
    !) followed by space, unless after a one-letter word or a common abbreviation, or before a
    lowercase word."""
    if "\n" in gap:
        return True
    if not _SENTENCE_END.match(gap):
        return False
    if gap[0] == "." and (len(previous) == 1 or previous in _ABBREVIATIONS):
        return False
    return not text[start].islower()


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


# ---- MinHash and LSH candidates -------------------------------------------------------------

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


def _candidate_articles(texts: Sequence[Words], shingle: int, threshold: float
                        ) -> list[tuple[int, int]]:
    """The article pairs (lower first) with at least one candidate passage pair, without
    listing the passage pairs (as many as the square of a repeated passage's copies)."""
    passages, groups, group_pairs = _sketch_groups(texts, shingle, threshold)
    articles = [sorted({passages[index].article for index in group}) for group in groups]
    found = {(min(left, right), max(left, right)) for group, other in group_pairs
             for left in articles[group] for right in articles[other] if left != right}
    return sorted(found)


def candidate_pairs(articles: Sequence[Article], *, shingle: int = SHINGLE, threshold: float = 0.5
                    ) -> list[tuple[Passage, Passage]]:
    """The passage pairs of different articles that the LSH proposes for alignment, in a stable
    order (this is all `find_copies` compares; see the module notes)."""
    texts = [read_words(article.text) for article in articles]
    passages, pairs = _candidates(texts, max(1, shingle), threshold)
    return [(passages[left], passages[right]) for left, right in sorted(pairs)]


# ---- alignment ------------------------------------------------------------------------------

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


def _join_blocks(blocks: Sequence[tuple[int, int, int]], min_words: int) -> list[_Run]:
    """Join monotone matching blocks (a, b, size) across small gaps; keep runs with at least
    `min_words` matching words."""
    runs: list[_Run] = []
    current: list[tuple[int, int, int]] = []

    def close() -> None:
        matched = sum(size for _, _, size in current)
        if current and matched >= min_words:
            last_a, last_b, last_size = current[-1]
            runs.append(_Run(current[0][0], last_a + last_size, current[0][1],
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


def align(a: Sequence[int], b: Sequence[int], min_words: int) -> list[_Run]:
    """Copied passages between two word-id sequences, in the order of `a`."""
    shared_a = _shared_words(a, _trigrams(b))
    shared_b = _shared_words(b, _trigrams(a))
    if not any(shared_a):
        return []
    runs: list[_Run] = []
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


# ---- which is the original ------------------------------------------------------------------

_DATE = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _moment(value: str | None) -> tuple[str, datetime | None] | None:
    """An ISO date or date-time as (its date part at its precision, the date-time when it has a
    time, in UTC when it has a zone)."""
    if not value:
        return None
    match = _DATE.match(value)
    if not match:
        return None
    day = "-".join(part for part in match.groups() if part)
    rest = value.strip()
    if len(rest) <= 10 or rest[10] not in "T ":
        return day, None
    try:
        moment = datetime.fromisoformat(rest.replace("Z", "+00:00"))
        # In UTC, 0001-01-01T00:00+14:00 falls before the year 1: OverflowError.
        return day, moment.astimezone(UTC) if moment.tzinfo else moment
    except (ValueError, OverflowError):
        return day, None


def published_order(first: Article, second: Article) -> int:
    """-1 when `first` was published before `second`, 1 when after, 0 when the dates are
    missing or equal (date-times compared when both have a time, else their common date
    precision)."""
    left, right = _moment(first.published), _moment(second.published)
    if left is None or right is None:
        return 0
    if (left[1] is not None and right[1] is not None
            and (left[1].tzinfo is None) == (right[1].tzinfo is None)):
        return (left[1] > right[1]) - (left[1] < right[1])
    size = min(len(left[0]), len(right[0]))
    return (left[0][:size] > right[0][:size]) - (left[0][:size] < right[0][:size])


def _covered(runs: Sequence[tuple[int, int]], total: int) -> float:
    """Share of `total` words inside the word ranges `runs` (counted once)."""
    if not total:
        return 0.0
    covered: set[int] = set()
    for first, last in runs:
        covered.update(range(first, last))
    return round(len(covered) / total, 3)


# ---- find_copies ------------------------------------------------------------------------------

def _span(article: Article, words: Words, first: int, last: int) -> Span:
    start, end = words.starts[first], words.ends[last - 1]
    return Span(article.id, start, end, article.text[start:end])


def _copy(articles: Sequence[Article], texts: Sequence[Words], left: int, right: int,
          runs: Sequence[_Run]) -> Copy:
    """The Copy for two articles (story positions left < right) sharing `runs`."""
    share_left = _covered([(run.a_first, run.a_last) for run in runs], len(texts[left].words))
    share_right = _covered([(run.b_first, run.b_last) for run in runs], len(texts[right].words))
    order = published_order(articles[left], articles[right])
    if order == 0:
        # Undated or same time: the smaller share copied; ties keep story order.
        order = -1 if share_left >= share_right else 1
    if order < 0:
        copier, original, share = right, left, share_right
        pairs = [((run.b_first, run.b_last), (run.a_first, run.a_last)) for run in runs]
    else:
        copier, original, share = left, right, share_left
        pairs = [((run.a_first, run.a_last), (run.b_first, run.b_last)) for run in runs]
    pairs.sort()
    return Copy(
        article=articles[copier].id,
        of_article=articles[original].id,
        overlap=share,
        spans=tuple(_span(articles[copier], texts[copier], *here) for here, _ in pairs),
        of_spans=tuple(_span(articles[original], texts[original], *there)
                       for _, there in pairs),
    )


def find_copies(articles: Sequence[Article], *, shingle: int = SHINGLE, threshold: float = 0.5,
                min_words: int = 20) -> list[Copy]:
    """Passages that articles of one story share (near-)verbatim: one Copy per article pair
    that shares at least one passage of `min_words` matching words, from the copier to the
    original (see the module notes for the method, its cost and the direction rule).

    `shingle`: words per shingle for the MinHash; `threshold`: the LSH's Jaccard threshold
    between passages' shingle sets. Copies come in story order of their article pair.
    """
    shingle = max(1, shingle)
    min_words = max(MIN_BLOCK, min_words)
    texts = [read_words(article.text) for article in articles]
    article_pairs = _candidate_articles(texts, shingle, threshold)
    vocabulary: dict[str, int] = {}
    ids = [[vocabulary.setdefault(word, len(vocabulary)) for word in words.words]
           for words in texts]
    copies: list[Copy] = []
    for left, right in article_pairs:
        runs = align(ids[left], ids[right], min_words)
        if runs:
            copies.append(_copy(articles, texts, left, right, runs))
    LOGGER.debug("copies: %d article pairs aligned, %d copies", len(article_pairs), len(copies))
    return copies

