"""Text that fits a drawn chart: labels on one line, without characters a document cannot hold,
cut to the room a chart gives them.

Only plain text is made here, never markup: the macros in `templates/charts.html.j2` escape
it. Widths are in the units of the charts' SVG viewBox, which is WIDTH wide.
"""

from __future__ import annotations

import re

WIDTH = 960.0
"""The width of every chart's viewBox; the SVG scales to its container, so it is a proportion."""
CHAR_WIDTH = 6.2
"""Roughly the advance of one character at the charts' 11-unit font size, used to fit text."""

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def clean_text(text: str | None) -> str:
    """`text` on one line, without characters a document cannot hold (controls, lone
    surrogates): what a label shows. Escaping is the template's job, not this one's."""
    if not text:
        return ""
    return _SPACE.sub(" ", _UNPRINTABLE.sub("", text)).strip()


def fit_label(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, "…" included, at a word boundary when one is
    near the cut (a label reads better ending on a whole word; the line is already clean)."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    if space > 0.6 * limit:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"
