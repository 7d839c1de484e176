"""Markdown emphasis (**bold**, *italic*, ~~struck~~, `code`, __bold__, _italic_) removed,
keeping the text inside.

This is the regular expression

    (\\*\\*|\\*|~~|`)(?=\\S)(.+?)(?<=\\S)\\1|(?<!\\w)(__|_)(?=\\S)(.+?)(?<=\\S)\\3(?!\\w)

applied with `sub`, computed without its cost: from every opening mark that is never closed,
the lazy `.+?` scans to the end of the line, so a paragraph of 50,000 unclosed "*a " took ten
seconds and grew with the square of its length. Here the closing marks of each kind are listed
once and the first one after an opening mark is found by bisection. Same matches, in the same
order (tests/fuzz/test_regex_fixes.py compares the two).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

# In the order the regex tries them at one position; underscores must not touch a word.
_MARKS = ("**", "*", "~~", "`", "__", "_")
_WORDY = ("__", "_")


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # exactly re's \w on str


def _closers(text: str, mark: str) -> list[int]:
    """Positions where `mark` can close: after a non-space, and (underscores) before no word
    character."""
    found = []
    size = len(mark)
    start = text.find(mark, 1)
    while start >= 0:
        end = start + size
        if not text[start - 1].isspace() and not (
                mark in _WORDY and end < len(text) and _is_word(text[end])):
            found.append(start)
        start = text.find(mark, start + 1)
    return found


class _Scanner:
    """The first match of the regex at each position, found in logarithmic time."""

    def __init__(self, text: str):
        self.text = text
        self._closers: dict[str, list[int]] = {}

    def closers(self, mark: str) -> list[int]:
        if mark not in self._closers:
            self._closers[mark] = _closers(self.text, mark)
        return self._closers[mark]

    def match_at(self, position: int) -> tuple[int, str] | None:
        """(end, inner text) of the emphasis opening at `position`, else None."""
        text = self.text
        for mark in _MARKS:
            if not text.startswith(mark, position):
                continue
            if mark in _WORDY and position > 0 and _is_word(text[position - 1]):
                continue
            inner = position + len(mark)
            if inner >= len(text) or text[inner].isspace():
                continue
            line_end = text.find("\n", inner)
            limit = len(text) if line_end < 0 else line_end  # "." does not cross a line
            closers = self.closers(mark)
            index = bisect_left(closers, inner + 1)  # at least one character inside
            if index < len(closers) and closers[index] <= limit:
                close = closers[index]
                return close + len(mark), text[inner:close]
        return None


def strip_emphasis(text: str) -> str:
    """One pass of `EMPHASIS.sub(inner text, text)`."""
    if not any(mark in text for mark in ("*", "~~", "`", "_")):
        return text
    scanner = _Scanner(text)
    parts: list[str] = []
    kept_from = position = 0
    while position < len(text):
        if text[position] not in "*~`_":
            position += 1
            continue
        found = scanner.match_at(position)
        if found is None:
            position += 1
            continue
        end, inner = found
        parts.append(text[kept_from:position])
        parts.append(inner)
        kept_from = position = end
    parts.append(text[kept_from:])
    return "".join(parts)


def strip_all_emphasis(text: str, strip: Callable[[str], str] = strip_emphasis) -> str:
    """Passes until nothing changes, so nested emphasis ("**a *b* c**") goes too."""
    previous = None
    while previous != text:
        previous, text = text, strip(text)
    return text
