"""Overlapping candidates and ranges: "3-4%", "3 to 4 million", "$3-4bn", "between 2 and 3".

Decisions:

* Of overlapping candidates the earliest, then the longest, is kept.
* Ranges give two quantities that share the unit, scale and currency; a hyphen range needs
  the first figure smaller, so a score ("won 3-1") is skipped. Hyphen chains of three or more
  figures (ISO dates, phone numbers) are skipped, and so is a hyphen range with a date or year.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .candidate import Candidate
from .figures import SPACE

_RANGE_GAP = re.compile(r"-|‐|" + SPACE + r"?[–—]" + SPACE + r"?|" + SPACE + r"+to" + SPACE
                        + r"+|" + SPACE + r"+and" + SPACE + r"+")


def without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the earliest, then longest, of overlapping candidates, sorted by start."""
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda item: (item.start, -item.end)):
        if kept and candidate.start < kept[-1].end:
            continue
        kept.append(candidate)
    return kept


def _link(text: str, first: Candidate, second: Candidate) -> str:
    """How two neighbouring candidates are joined: "chain", "dash", "to", "and" or ""."""
    gap = text[first.end:second.start]
    if len(gap) > 7 or not _RANGE_GAP.fullmatch(gap):
        return ""
    if gap in ("-", "‐"):
        plain_first = first.end == first.core_end and first.digits
        return "chain" if plain_first and second.digits else "dash"
    if "to" in gap:
        return "to"
    if "and" in gap:
        between = text[max(0, first.start - 24):first.start].lower().rstrip()
        return "and" if re.search(r"(?:^|[^a-z])between(?: [a-z$€£¥]+)?\Z", between) else ""
    return "dash"


def join_ranges(text: str, candidates: list[Candidate]) -> None:
    """Skip hyphen chains that are dates or codes and let range ends share their units."""
    links = [_link(text, first, second) for first, second in pairwise(candidates)]
    index = 0
    while index < len(candidates):
        last = index
        while last < len(links) and links[last] == "chain":
            last += 1
        if last - index >= 2:
            for member in candidates[index:last + 1]:
                member.skip = member.skip or "chain"
        index = last + 1
    for position, link in enumerate(links):
        if link:
            _join_pair(candidates[position], candidates[position + 1], link)


def _join_pair(first: Candidate, second: Candidate, link: str) -> None:
    """Let the two ends of a range share unit, scale and currency, or skip both."""
    hyphen = link in ("chain", "dash")
    if hyphen and ({first.skip, second.skip} & {"date", "year", "chain", "word"}):
        first.skip = first.skip or "date"
        second.skip = second.skip or "date"
        return
    if first.skip or second.skip:
        return
    if link == "chain":
        year_first = len(first.plain) == 4 and 1800 <= first.base <= 2100
        if year_first or first.base >= second.base:
            first.skip = second.skip = "score"
            return
    if first.currency and not second.currency and second.kind == "count" and not second.unit:
        second.currency = first.currency
    if second.currency and not first.currency and first.kind == "count" and not first.unit:
        first.currency = second.currency
    if second.scaled and not first.scaled and abs(first.base) <= abs(second.base):
        first.scale, first.scaled = second.scale, True
    if not first.unit and first.kind == "count" and second.unit and not first.currency:
        first.unit, first.kind = second.unit, second.kind
    if link != "to":
        second.range_of = id(first)
