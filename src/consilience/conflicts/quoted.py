"""Checks on conflicts about quotes (found by the provenance stage): whether two renderings
of a quote really disagree, and whether two articles really credit one statement to different
people.

The provenance stage pairs quotes whose content words mostly coincide. That pairing is
generous, and a conflict is a strong statement, so before one is reported the outlets' own
words must bear it out:

- wording: a rendering whose words (less editorial insertions in square brackets and what an
  ellipsis leaves out) stand verbatim in the other outlet's article is quoted alike by both;
  and two renderings that share nothing but names ("AARP ... Social Security") are two
  statements that mention the same names, not one statement reworded.
- attribution: a credit through a pronoun ("he said") is the tool's reading, not the
  article's; and when an article names the other speaker next to its credit (the paragraph
  itself or the one before), which of the two spoke is a matter of reading, not of the
  outlets disagreeing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from ..lang.en.pronouns import REFERRING_PRONOUNS, SPEAKER_PRONOUNS
from ..lang.en.stopwords import STOPWORDS
from ..models import ConflictSide, Span

_WORD = re.compile(r"[^\W_]+")
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,]\d+)?")
_EDITORIAL = re.compile(r"\[[^\]]*\]|…|\.\.\.")
"""Square-bracketed insertions and ellipses: the quoting outlet's marks, not the speaker's."""
_LEAST_PIECE_WORDS = 3
"""A shorter piece of a rendering proves nothing by standing in another article."""
_LEAST_RUN = 2
_NEARLY_ALL = 0.8
_PRONOUNS = SPEAKER_PRONOUNS | REFERRING_PRONOUNS


def _words(text: str) -> str:
    """The words of `text`, folded and space-joined, with spaces at both ends."""
    return " " + " ".join(word.casefold() for word in _WORD.findall(text)) + " "


def quoted_alike(rendering: str, article_text: str) -> bool:
    """Whether every piece of `rendering` (split at bracketed insertions and ellipses) of
    three or more words stands, word for word, in `article_text`, and at least one does."""
    pieces = [_words(piece) for piece in _EDITORIAL.split(rendering)]
    pieces = [piece for piece in pieces if len(piece.split()) >= _LEAST_PIECE_WORDS]
    if not pieces:
        return False
    text = _words(article_text)
    return all(piece in text for piece in pieces)


def _content(text: str) -> list[tuple[str, bool, bool]]:
    """(folded word, whether capitalised, whether first of a sentence) for the content words
    of `text`, less editorial insertions."""
    kept = _EDITORIAL.sub(" ", text)
    words: list[tuple[str, bool, bool]] = []
    for match in _CONTENT_WORD.finditer(kept):
        word = match.group()
        before = kept[:match.start()].rstrip(" \"'\u201c\u2018(")
        if word.casefold() not in STOPWORDS:
            words.append((word.casefold(), word[:1].isupper(),
                          not before or before[-1] in ".?!:"))
    return words


def _names(*renderings: list[tuple[str, bool, bool]]) -> set[str]:
    """Words written as names: capitalised wherever they stand, and somewhere not merely
    because they begin a sentence."""
    every = [word for rendering in renderings for word in rendering]
    lower = {word for word, capital, _ in every if not capital}
    inside = {word for word, capital, first in every if capital and not first}
    return inside - lower


def share_more_than_names(first: str, second: str) -> bool:
    """Whether two renderings share more than names: two or more content words not written
    as names in both, or a run of two or more content words not all names, or nearly all
    their words (a list of names in another order)."""
    left, right = _content(first), _content(second)
    left_words, right_words = [word for word, *_ in left], [word for word, *_ in right]
    shared = set(left_words) & set(right_words)
    if shared and min(len(shared) / len(set(left_words)),
                      len(shared) / len(set(right_words))) >= _NEARLY_ALL:
        return True
    names = _names(left, right)
    if len(shared - names) >= _LEAST_RUN:
        return True
    matcher = SequenceMatcher(None, left_words, right_words, autojunk=False)
    return any(block.size >= _LEAST_RUN
               and any(word not in names for word in left_words[block.a:block.a + block.size])
               for block in matcher.get_matching_blocks())


def wording_disagrees(sides: Sequence[ConflictSide], texts: Mapping[str, str]) -> bool:
    """Whether the renderings of a wording conflict differ as the outlets wrote them: no
    rendering stands verbatim in an article of another side, and every two share more than
    names."""
    for number, side in enumerate(sides):
        for other in sides[number + 1:]:
            if not share_more_than_names(side.value, other.value):
                return False
            for rendering, articles in ((side.value, other.articles),
                                        (other.value, side.articles)):
                if any(quoted_alike(rendering, texts.get(article, "")) for article in articles):
                    return False
    return True


def _paragraph_and_previous(text: str, span: Span) -> str:
    """The paragraph holding `span` and the one before it."""
    end = text.find("\n", span.end)
    start = text.rfind("\n", 0, span.start) + 1
    if start:
        cut = start - 1
        while cut > 0 and text[cut - 1] == "\n":
            cut -= 1
        start = text.rfind("\n", 0, cut) + 1
    return text[start:end if end >= 0 else len(text)]


def _surname(speaker: str) -> str:
    words = _CONTENT_WORD.findall(speaker)
    return words[-1].casefold() if words else ""


def _names_near(text: str, span: Span, speaker: str) -> bool:
    surname = _surname(speaker)
    return bool(surname) and f" {surname} " in _words(_paragraph_and_previous(text, span))


def attribution_disagrees(sides: Sequence[ConflictSide], texts: Mapping[str, str]) -> bool:
    """Whether each side's article credits its speaker by name, with no other side's
    speaker named beside the credit."""
    for side in sides:
        for span in side.spans:
            if span.text.strip().casefold() in _PRONOUNS:
                return False
            text = texts.get(span.article, "")
            if any(_names_near(text, span, other.value) for other in sides
                   if other.value != side.value):
                return False
    return True
