"""Quotes across outlets: the same statement rendered by several articles (`same_as`), and
where the renderings disagree: an altered quote (same speaker, different quoted words) is a
`wording` conflict, the same words credited to different people an `attribution` conflict.

Two quotes render one statement when the content words of the shorter are mostly in the longer
(a truncated quote is still the same) and their speakers are compatible: the same story
entity, descriptions sharing their head word ("a US defense official", "a defence official"),
or an unknown speaker on one side. Candidates come from an index of content words, so quotes
are not compared pair by pair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..lang.en.stopwords import STOPWORDS
from ..models import ConflictSide, Quote

_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,]\d+)?")
_SAME = 0.6  # least share of the shorter quote's words found in the longer
_VERBATIM = 0.9  # at least this share: the same words (truncation allowed)
_MIN_WORDS = 4
_SPELLING = str.maketrans({"s": "z"})  # defence / defense


def content_words(text: str) -> frozenset[str]:
    return frozenset(word.casefold().translate(_SPELLING) for word in _WORD.findall(text)
                     if word.casefold() not in STOPWORDS)


def _containment(left: frozenset[str], right: frozenset[str]) -> float:
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


def _head(text: str | None) -> str:
    words = [word.casefold().translate(_SPELLING) for word in _WORD.findall(text or "")]
    return words[-1] if words else ""


def _speakers_compatible(left: Quote, right: Quote) -> bool:
    if left.speaker and right.speaker:
        return left.speaker == right.speaker
    if not left.speaker_text or not right.speaker_text:
        return True
    if bool(left.speaker) != bool(right.speaker):
        return False  # a named person and a description: cannot tell
    return _head(left.speaker_text) == _head(right.speaker_text)


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
            if _speakers_compatible(quote, partner):
                same[number].add(other)
                same[other].add(number)
                if quote.direct and partner.direct and containment < _VERBATIM:
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
