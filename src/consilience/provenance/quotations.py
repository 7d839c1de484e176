"""Quotation marks: where direct quotes are in a text.

Straight ("...") and curly (“...”) double quotes are paired within a paragraph. A paragraph
that opens a quote and does not close it continues into the next paragraph when that one
opens with a quotation mark again (the news convention for quotes over several paragraphs);
otherwise the quote ends with its paragraph. Single quotes are left alone (apostrophes); an
unbalanced mark never makes the rest of the article a quote.

A plain function of the text, not a spaCy component: it reads characters only, and its one
reader (`quotes`) needs the exact character ranges, which span groups would round out to
token boundaries.
"""

from __future__ import annotations

import re

_OPEN = "“«„"
_CLOSE = "”»"
_STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n\s*\n")
_MAX_QUOTE_CHARS = 4000


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(first, last) for first, last in bounds if last > first]


def _pairs_in(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Quotations (content char ranges) closed within [start, end), and where a quotation
    left open at the end starts (content start), if any."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for index in range(start, end):
        character = text[index]
        if character in _OPEN:
            if opened is None:
                opened = index + 1
        elif character in _CLOSE or character == _STRAIGHT:
            if opened is not None:
                if index > opened:
                    found.append((opened, index))
                opened = None
            elif character == _STRAIGHT:
                opened = index + 1
    return found, opened


def find_quotations(text: str) -> list[tuple[int, int]]:
    """Char ranges of the words inside quotation marks (marks excluded), in order."""
    quotations: list[tuple[int, int]] = []
    paragraphs = _paragraphs(text)
    carried: int | None = None  # content start of a quote running on from earlier paragraphs
    carried_end = 0  # where the paragraphs it has run through end
    for number, (start, end) in enumerate(paragraphs):
        lead = start
        while lead < end and text[lead].isspace():
            lead += 1
        scan = start
        if carried is not None:
            if lead < end and text[lead] in _OPEN + _STRAIGHT:
                # the opening mark continues the quote; its first closing mark ends it
                close = next((index for index in range(lead + 1, end)
                              if text[index] in _CLOSE + _STRAIGHT), None)
                if close is None:
                    carried_end = end
                    continue
                quotations.append((carried, close))
                scan = close + 1
            else:  # not continued: the quote ended with the last paragraph
                quotations.append((carried, carried_end))
            carried = None
        pairs, opened = _pairs_in(text, scan, end)
        quotations.extend(pairs)
        if opened is not None:
            following = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
            if following is not None and text[following:following + 1] in _OPEN + _STRAIGHT:
                carried, carried_end = opened, end
            else:
                quotations.append((opened, end))
    if carried is not None:
        quotations.append((carried, carried_end))
    return [(first, last) for first, last in _trimmed(text, quotations)
            if last - first <= _MAX_QUOTE_CHARS]


def _trimmed(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    trimmed = []
    for start, end in ranges:
        while start < end and (text[start].isspace() or text[start] in _OPEN + _STRAIGHT):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _CLOSE + _STRAIGHT):
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed
