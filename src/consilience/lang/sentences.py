"""Sentence bounds as character ranges: spaCy's sentences when there is a parse, one text-only
splitter when there is none.

Every stage that has a parsed Doc uses `parsed_sentence_bounds`, so the brief, the copied
passages and the claims agree on where a sentence starts and ends. Stages that run without a
parse (story clustering during `ingest --no-analysis`) use `split_sentences`, the one regular
splitter of the project.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..syntax import doc_text
from .en.abbreviations import ABBREVIATIONS, NUMBER_ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc

SentenceBounds = tuple[tuple[int, int], ...]
"""(start, end) character offsets of each sentence, white space trimmed, in text order."""

CLOSING_MARKS = "\"'”’»)]"
"""Quotation marks and brackets that may follow a sentence's final punctuation."""

# A run of sentence punctuation (with closing quotes or brackets) before white space or the
# end, or a line break. Only from the start of a run, and without giving any back: otherwise
# a long run of dots not followed by a space is scanned again from each of its characters.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s|$)|\n")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)\.$")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_ABBREVIATIONS = ABBREVIATIONS
_BEFORE_NUMBERS = NUMBER_ABBREVIATIONS  # 'No. 10', 'Art. 9'


def _abbreviation_at(text: str, stop: int) -> bool:
    """The full stop at `stop` closes an abbreviation or initialism (Mr., U.S., e.g.)."""
    match = _WORD_BEFORE.search(text, max(0, stop - 24), stop + 1)
    if not match:
        return False
    word = match.group(1).lower()
    if word in _BEFORE_NUMBERS:
        return text[stop + 1:stop + 3].lstrip()[:1].isdigit()
    return word in _ABBREVIATIONS or _INITIALISM.fullmatch(word) is not None


def _continues(text: str, after: int) -> bool:
    """The text after the stop goes on in lower case ('approx. five', '"No!" she said')."""
    rest = text[after:after + 8].lstrip(" \t" + CLOSING_MARKS + "\"“‘")
    return bool(rest) and rest[0].islower()


def _add_trimmed(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + len(piece) - len(piece.lstrip())
        bounds.append((offset, offset + len(stripped)))


def split_sentences(text: str) -> SentenceBounds:
    """(start, end) of every sentence of `text`, from the text alone.

    A sentence ends at . ! ? … (with any closing quotes) before white space, or at a line
    break; not after an abbreviation or initialism, nor where the text goes on in lower case.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group() == "\n":
            end = match.start()
        else:
            marks = match.group().rstrip(CLOSING_MARKS)
            if marks == "." and _abbreviation_at(text, match.start()):
                continue
            if _continues(text, match.end()):
                continue
            end = match.end()
        _add_trimmed(text, start, end, bounds)
        start = match.end()
    _add_trimmed(text, start, len(text), bounds)
    return tuple(bounds)


_BOUNDS_KEY = "consilience_sentence_bounds"


def parsed_sentence_bounds(doc: Doc) -> SentenceBounds:
    """(start, end) of every sentence spaCy found in `doc` (the ones claims are read from).

    White space is trimmed. A piece without a letter or digit (a quotation mark the parser
    left on its own) belongs to the sentence before it when no line break separates them (a
    closing mark), else to the one after it when none does (an opening mark), and is dropped
    otherwise: it is not a sentence for any reader. Computed once per Doc (kept in its
    `user_data`), as the brief and copies both read them.
    """
    known = doc.user_data.get(_BOUNDS_KEY)
    if known is not None:
        return known
    text = doc_text(doc)
    bounds: list[tuple[int, int]] = []
    opening: tuple[int, int] | None = None  # a wordless piece waiting for the next sentence
    for sentence in doc.sents:
        found: list[tuple[int, int]] = []
        _add_trimmed(text, sentence.start_char, sentence.end_char, found)
        if not found:
            continue
        start, end = found[0]
        if any(character.isalnum() for character in text[start:end]):
            if opening is not None and "\n" not in text[opening[1]:start]:
                start = opening[0]
            bounds.append((start, end))
            opening = None
        elif bounds and opening is None and "\n" not in text[bounds[-1][1]:start]:
            bounds[-1] = (bounds[-1][0], end)
        else:
            opening = (opening[0] if opening is not None else start, end)
    found_bounds = tuple(bounds)
    doc.user_data[_BOUNDS_KEY] = found_bounds
    return found_bounds


def sentence_bounds(text: str, doc: Doc | None = None) -> SentenceBounds:
    """The sentences of `text`: spaCy's when its parse `doc` is given, else `split_sentences`."""
    return parsed_sentence_bounds(doc) if doc is not None else split_sentences(text)
