"""The value of a figure written with digits and separators ("1,000", "3,5", "1 000").

Decisions on ambiguous separators:

* "1,000" is a thousand (English grouping); "3,5" and "1,0005" (a single comma not followed
  by exactly three digits) are comma decimals. "1.000.000" and "1.000,5" are European grouping.
  A lone "1.000" is the decimal 1.0: a dot means thousands only with a second ".ddd" group or
  a ",d" decimal after it. Any other mix of separators ("3.5.1", "1,2,3") is not a number.
* Grouping with a narrow, thin or no-break space ("1 000") is read as thousands; a plain space
  never joins figures.

Every pattern is linear (no nested unbounded quantifiers), so adversarial input costs time
proportional to its length.
"""

from __future__ import annotations

import re

SPACE = r"[ \t\u00a0\u202f]"
"""A space that may separate a figure from its unit or scale (plain, tab, no-break, narrow)."""

_MAX_TOKEN = 40
_MAX_INT_DIGITS = 15

_DIGIT_RUN = re.compile(r"(?<![0-9])[0-9]+(?:[.,:/\u00a0\u202f\u2009][0-9]+)*")
_GROUP_SPACE = re.compile(r"[\u00a0\u202f\u2009]")
_US_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_EU_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_SPACE_GROUPED = re.compile(r"[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})+(?:[.,][0-9]+)?")
_PLAIN = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


def parse_figure(token: str) -> float | None:
    """The value of a figure with its separators, or None when it is not one number."""
    if len(token) > _MAX_TOKEN or ":" in token or "/" in token:
        return None
    if _PLAIN.fullmatch(token):
        whole, _, fraction = token.replace(",", ".").partition(".")
        if len(whole) > 1 and whole.startswith("0"):
            return None
        if len(whole) > _MAX_INT_DIGITS:
            return None
        if "," in token and len(fraction) == 3 and len(whole) <= 3:
            return float(whole + fraction)
        return float(f"{whole}.{fraction}") if fraction else float(whole)
    if _US_GROUPED.fullmatch(token):
        return float(token.replace(",", ""))
    if _EU_GROUPED.fullmatch(token):
        return float(token.replace(".", "").replace(",", "."))
    if _SPACE_GROUPED.fullmatch(token):
        return float(_GROUP_SPACE.sub("", token).replace(",", "."))
    return None


def digit_runs(text: str) -> list[tuple[int, int, float | None]]:
    """Each run of figures and separators in `text` with its value (None: not a number).

    A run joined by special spaces that is not thousands grouping is split at the spaces.
    """
    runs: list[tuple[int, int, float | None]] = []
    for match in _DIGIT_RUN.finditer(text):
        token = match.group()
        if _GROUP_SPACE.search(token) and not _SPACE_GROUPED.fullmatch(token):
            for piece in re.finditer(r"[^\u00a0\u202f\u2009]+", token):
                runs.append((match.start() + piece.start(), match.start() + piece.end(),
                             parse_figure(piece.group())))
            continue
        runs.append((match.start(), match.end(), parse_figure(token)))
    return runs
