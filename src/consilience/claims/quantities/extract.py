"""`find_quantities`: every quantity in a stretch of raw text, no parse needed.

Candidates come from three readers (figures, numbers in words, ordinals in words); those
inside URLs, e-mail addresses and phone numbers are masked, overlaps are resolved, ranges
joined, and each kept candidate gets its role and becomes a `Quantity`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import cast

from ...models import Quantity, QuantityKind, QuantityRole, Span
from .candidate import Candidate
from .context import masked
from .digits import digit_candidates
from .ranges import join_ranges, without_overlaps
from .roles import VerbForm, listed_verb_form, role
from .spelled import ordinal_candidates, spelled_candidates

logger = logging.getLogger(__name__)

Judge = Callable[[list[Candidate]], None]
"""Decides again which candidates are quantities (sets or clears `skip`), e.g. from a parse."""


def kept_candidates(sub: str, judge: Judge | None = None) -> list[Candidate]:
    """The candidates of `sub` after masking, overlaps and ranges, sorted by start; the ones
    that are not quantities keep their `skip` reason. `judge`, when given, may change the
    skip reasons after overlaps are resolved and before ranges are joined."""
    marks = masked(sub)
    candidates = digit_candidates(sub) + spelled_candidates(sub) + ordinal_candidates(sub)
    if marks:
        for candidate in candidates:
            if marks[candidate.core_end] - marks[candidate.core_start]:
                candidate.skip = candidate.skip or "masked"
    kept = without_overlaps(candidates)
    if judge is not None:
        judge(kept)
    join_ranges(sub, kept)
    return kept


def quantities_of(text: str, article: str, start: int, candidates: list[Candidate],
                  verb_form: VerbForm = listed_verb_form) -> list[Quantity]:
    """The quantities of the candidates not skipped, read in `text[start:...]`, with roles;
    the two ends of a range share the role of the first."""
    sub = text[start:]
    quantities: list[Quantity] = []
    roles: dict[int, QuantityRole] = {}
    previous_end = 0
    for candidate in candidates:
        if candidate.skip:
            continue
        found = roles.get(candidate.range_of) if candidate.range_of is not None else None
        found = found or role(sub, candidate, previous_end, verb_form)
        roles[id(candidate)] = found
        previous_end = candidate.end
        quantities.append(_to_quantity(text, article, start, candidate, found))
    return quantities


def find_quantities(text: str, article: str = "", start: int = 0,
                    end: int | None = None) -> list[Quantity]:
    """Every quantity in `text[start:end]`, sorted by start and non-overlapping.

    Spans index the whole `text`: `text[q.span.start:q.span.end] == q.span.text`.
    """
    start = max(0, min(start, len(text)))
    end = len(text) if end is None else max(start, min(end, len(text)))
    sub = text[start:end]
    if not sub.strip():
        return []
    quantities = quantities_of(text[:end], article, start, kept_candidates(sub))
    logger.debug("found %d quantities in %d characters", len(quantities), len(sub))
    return quantities


def _to_quantity(text: str, article: str, offset: int, candidate: Candidate,
                 found_role: QuantityRole) -> Quantity:
    """The public record for a kept candidate."""
    first, last = offset + candidate.start, offset + candidate.end
    span = Span(article, first, last, text[first:last])
    if candidate.currency:
        return Quantity(span, candidate.value, candidate.currency, "money", found_role)
    if candidate.kind == "percent":
        return Quantity(span, candidate.base, candidate.unit, "percent", found_role)
    kind = cast(QuantityKind, candidate.kind)
    return Quantity(span, candidate.value, candidate.unit, kind, found_role)
