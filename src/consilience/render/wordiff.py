"""Which words of one side of a conflict the other side does not have, for highlighting."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

_TOKENS = re.compile(r"\s+|[^\s]+")
_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")


class Piece(NamedTuple):
    """A run of text and whether it differs from the other side."""

    text: str
    differs: bool


def _key(token: str) -> str:
    return _EDGE_PUNCTUATION.sub("", token.casefold()) or token


def _words(text: str) -> list[str]:
    return _TOKENS.findall(text)


SIMILAR = 0.4
"""Below this share of matching words two sides are different sentences, not two wordings of
one: a word-by-word difference would mark nearly everything, so the side's value is marked."""
STEM = 5


def differing_words(text: str, other: str, value: str = "") -> list[Piece]:
    """`text` cut into pieces, the words not matched in `other` marked; whitespace and
    punctuation at a word's edges do not count as a difference. When the two are different
    sentences, the words of `value` (the side's version: "postponed", "3.5%") are marked
    instead, if the text has them. Adjacent pieces of the same kind are joined, so a page
    gets few elements."""
    tokens = _words(text)
    words = [index for index, token in enumerate(tokens) if not token.isspace()]
    other_keys = [_key(token) for token in _words(other) if not token.isspace()]
    matcher = SequenceMatcher(None, [_key(tokens[i]) for i in words], other_keys,
                              autojunk=False)
    same: set[int] = set()
    for block in matcher.get_matching_blocks():
        same.update(words[block.a + offset] for offset in range(block.size))
    if value and words and matcher.ratio() < SIMILAR:
        stems = {_key(word)[:STEM] for word in value.split() if len(_key(word)) >= 2}
        named = {index for index in words if _key(tokens[index])[:STEM] in stems}
        if named:
            same = set(words) - named
    pieces: list[Piece] = []
    for index, token in enumerate(tokens):
        differs = not token.isspace() and index not in same
        if token.isspace() and pieces:
            differs = pieces[-1].differs and index + 1 < len(tokens) \
                and (index + 1) not in same
        if pieces and pieces[-1].differs == differs:
            pieces[-1] = Piece(pieces[-1].text + token, differs)
        else:
            pieces.append(Piece(token, differs))
    return pieces
