"""Quotes across outlets: the same statement rendered by several articles (`same_as`), and
where the renderings disagree: an altered quote (same speaker, different quoted words) is a
`wording` conflict, the same words credited to different people an `attribution` conflict.

Two quotes render one statement when the content words of the shorter are mostly in the longer
(a truncated quote is still the same) and their speakers are compatible: the same story
entity, descriptions sharing their head word ("a US defense official", "a defence official"),
an unknown speaker on one side, or a named person and a description when the words are the
same (five or more content words, nearly all shared). Candidates come from an index of
content words, so quotes are not compared pair by pair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from ..lang.en.stopwords import STOPWORDS
from ..lang.sentences import split_sentences
from ..models import ConflictSide, Quote
from ..vectors import sentence_vectors

_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,]\d+)?")
_SAME = 0.6  # least share of the shorter quote's words found in the longer
_VERBATIM = 0.9  # at least this share of content words: the same words (truncation allowed)
_MIN_WORDS = 4
_VERBATIM_WORDS = 5
"""Content words a quote needs for its words alone to say it is the same statement."""
_ALIKE_DESCRIPTIONS = 0.6  # least cosine of two descriptions of one speaker
_SPELLING = str.maketrans({"s": "z"})  # defence / defense
_ELLIPSIS = re.compile(r"…|\.\.\.")


def content_sequence(text: str) -> list[str]:
    """The content words of `text` in order, folded (case, defence/defense)."""
    return [word.casefold().translate(_SPELLING) for word in _WORD.findall(text)
            if word.casefold() not in STOPWORDS]


def content_words(text: str) -> frozenset[str]:
    return frozenset(content_sequence(text))


_ANY_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|&")
_CONTRACTIONS = {"n't": ["not"], "'re": ["are"], "'m": ["am"], "'ll": ["will"],
                 "'ve": ["have"], "'d": ["would"]}
_IRREGULAR_NEGATIONS = {"won't": ["will", "not"], "can't": ["can", "not"],
                        "shan't": ["shall", "not"]}
_IS_AFTER = frozenset({"it", "that", "there", "he", "she", "what", "here", "who", "where",
                       "this", "let"})
"""Words whose "'s" is "is" ("it's"), not a possessive ("Smith's")."""
_LEAST_SHARED_RUN = 3
"""Shorter runs of every word ("of the") are shared by any two sentences."""


def wording_sequence(text: str) -> list[str]:
    """Every word of `text` in order, folded, contractions written out ("We're" is "we
    are", "won't" "will not", "it's" "it is"), "&" as "and": the words a quote's wording is
    compared on, so a contraction is not a rewording and a changed function word ("open
    up" / "open the") is."""
    words: list[str] = []
    for match in _ANY_WORD.finditer(text):
        word = match.group().casefold().replace("\u2019", "'").replace("&", "and")
        if word in _IRREGULAR_NEGATIONS:
            words.extend(_IRREGULAR_NEGATIONS[word])
            continue
        for ending, written in _CONTRACTIONS.items():
            if word.endswith(ending) and len(word) > len(ending):
                words.append(word[:-len(ending)])
                words.extend(written)
                break
        else:
            if word.endswith("'s") and word[:-2] in _IS_AFTER:
                words.extend([word[:-2], "us" if word == "let's" else "is"])
            else:
                words.append(word)
    return [word.translate(_SPELLING) for word in words]


def _pieces(text: str) -> list[list[str]]:
    """The words of each sentence of `text`, an ellipsis ending a piece too."""
    pieces: list[list[str]] = []
    for part in _ELLIPSIS.split(text):
        pieces.extend(wording_sequence(part[start:end]) for start, end in split_sentences(part))
    return [piece for piece in pieces if piece]


def _shared_sentences(first: list[list[str]], second: list[list[str]]
                      ) -> tuple[list[str], list[str]]:
    """The words of the sentences of each rendering that share a run of three or more
    words with the other: the stretch both quote."""
    flat_a = [word for piece in first for word in piece]
    flat_b = [word for piece in second for word in piece]
    in_run_a: set[int] = set()
    in_run_b: set[int] = set()
    for block in SequenceMatcher(None, flat_a, flat_b, autojunk=False).get_matching_blocks():
        if block.size >= _LEAST_SHARED_RUN:
            in_run_a.update(range(block.a, block.a + block.size))
            in_run_b.update(range(block.b, block.b + block.size))

    def kept(pieces: list[list[str]], in_run: set[int]) -> list[str]:
        words: list[str] = []
        position = 0
        for piece in pieces:
            if any(index in in_run for index in range(position, position + len(piece))):
                words.extend(piece)
            position += len(piece)
        return words

    return kept(first, in_run_a), kept(second, in_run_b)


def reworded(left: str, right: str) -> bool:
    """Whether two renderings of one quote differ in wording where they overlap.

    Outlets quote different stretches of one statement: sentences only one rendering quotes,
    words it adds at either end of the shared stretch (a truncation) and what an ellipsis
    leaves out are not a different wording, and neither punctuation, case nor a contraction
    ("we're" / "we are") is. Within the sentences that share a run of three or more words,
    any word replaced by another ("pew" / "pews", "have" / "got"), or dropped or added
    inside, is. Renderings that share no such run share only scattered words: reworded."""
    first, second = _shared_sentences(_pieces(left), _pieces(right))
    if not first or not second:
        return True
    opcodes = SequenceMatcher(None, first, second, autojunk=False).get_opcodes()
    return any(tag == "replace" or (tag != "equal" and 0 < number < len(opcodes) - 1)
               for number, (tag, *_) in enumerate(opcodes))


def _containment(left: frozenset[str], right: frozenset[str]) -> float:
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


def _head(text: str | None) -> str:
    words = [word.casefold().translate(_SPELLING) for word in _WORD.findall(text or "")]
    return words[-1] if words else ""


def _speakers_compatible(left: Quote, right: Quote, verbatim: bool = False) -> bool:
    """Whether two quotes may be one speaker's: the same entity, descriptions alike, an
    unknown speaker on one side, a speaker one outlet resolved ("the ad" said: the campaign
    that released it) described as the other describes its own ("the advertisement"), or
    (`verbatim`: the same words) a named person and a description ("the Republican
    leader")."""
    if left.speaker and right.speaker:
        return left.speaker == right.speaker
    if not left.speaker_text or not right.speaker_text:
        return True
    if bool(left.speaker) != bool(right.speaker):
        named, described = (left, right) if left.speaker else (right, left)
        own_words = named.source_span.text if named.source_span is not None else ""
        return verbatim or (bool(own_words) and own_words != named.speaker_text
                            and _alike(own_words, described.speaker_text or ""))
    return _alike(left.speaker_text, right.speaker_text)


def _alike(left: str, right: str) -> bool:
    """Two descriptions of one speaker: the same head word, or meaning the same."""
    return _head(left) == _head(right) or _descriptions_alike(left, right)


def _descriptions_alike(left: str, right: str) -> bool:
    """Two descriptions of a speaker that mean the same ("the ad", "the advertisement")."""
    vectors = sentence_vectors([left, right])
    return float(vectors[0] @ vectors[1]) >= _ALIKE_DESCRIPTIONS


def link_quotes(quotes: Sequence[Quote]) -> tuple[list[Quote], list[list[ConflictSide]],
                                                  list[list[ConflictSide]]]:
    """(quotes with `same_as` filled, wording conflicts' sides, attribution conflicts' sides)."""
    words = [content_words(quote.span.text) for quote in quotes]
    index: dict[str, list[int]] = defaultdict(list)
    for number, bag in enumerate(words):
        for word in bag:
            index[word].append(number)
    same: dict[int, set[int]] = defaultdict(set)
    wording: list[list[ConflictSide]] = []
    attribution: list[list[ConflictSide]] = []
    for number, quote in enumerate(quotes):
        if len(words[number]) < _MIN_WORDS:
            continue
        shared: dict[int, int] = defaultdict(int)
        for word in words[number]:
            for other in index[word]:
                if other > number:
                    shared[other] += 1
        for other, count in shared.items():
            partner = quotes[other]
            if partner.span.article == quote.span.article or count < 2 or \
                    len(words[other]) < _MIN_WORDS:
                continue
            containment = _containment(words[number], words[other])
            if containment < _SAME:
                continue
            verbatim = containment >= _VERBATIM and \
                min(len(words[number]), len(words[other])) >= _VERBATIM_WORDS
            if _speakers_compatible(quote, partner, verbatim):
                same[number].add(other)
                same[other].add(number)
                if quote.direct and partner.direct and \
                        reworded(quote.span.text, partner.span.text):
                    wording.append(_sides(quote, partner, by_speaker=False))
            elif quote.speaker and partner.speaker and containment >= _VERBATIM:
                attribution.append(_sides(quote, partner, by_speaker=True))
    linked = [replace(quote, same_as=tuple(sorted(quotes[other].id for other in same[number])))
              for number, quote in enumerate(quotes)]
    return linked, wording, attribution


def _sides(left: Quote, right: Quote, by_speaker: bool) -> list[ConflictSide]:
    return [ConflictSide(
        value=(quote.speaker_text or "unknown") if by_speaker else quote.span.text,
        articles=(quote.span.article,),
        spans=(quote.source_span or quote.span,) if by_speaker else (quote.span,),
        attributed_to=(quote.speaker_text,) if quote.speaker_text else ())
        for quote in (left, right)]
