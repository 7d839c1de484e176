"""An article's text in parts, so that an enormous article never makes an enormous page."""

from __future__ import annotations

PART_SIZE = 100_000
"""Most characters of clean text shown on one article page."""


def text_parts(text: str, size: int = PART_SIZE) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts of `text`, each at most `size` characters, broken
    after a line end (or else a space) in the second half of a part when there is one."""
    parts: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = text.rfind("\n", start + size // 2, limit)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, limit)
        end = cut + 1 if cut >= 0 else limit
        parts.append((start, end))
        start = end
    parts.append((start, len(text)))
    return parts
