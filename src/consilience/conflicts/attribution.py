"""Attribution conflicts: the same statement credited to different people.

Only claims of one fact that are credited to two different named people of the story count,
and only when the two claims say nearly the same words (a fact may gather several people's
different statements about one event); an unnamed description ("a US official") may be
either person and is no conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Set

from ..models import Claim, ConflictSide, Fact

SAME_STATEMENT = 0.55
"""Least similarity for two claims to be one statement rather than two about one event."""


def attribution_conflict(fact: Fact, people: Set[str],
                         similarity: Callable[[Claim, Claim], float]) -> list[ConflictSide]:
    """Sides of the fact's claims by the named person they are credited to, when one
    statement is credited to two or more people (else [])."""
    credited = [claim for claim in fact.claims
                if claim.attributed_to and claim.attributed_to in people]
    clashing: set[str] = set()
    for number, claim in enumerate(credited):
        for other in credited[number + 1:]:
            if claim.attributed_to != other.attributed_to and \
                    claim.span.article != other.span.article and \
                    similarity(claim, other) >= SAME_STATEMENT:
                clashing.update((claim.id, other.id))
    by_person: dict[str, list[Claim]] = {}
    for claim in credited:
        if claim.id in clashing:
            by_person.setdefault(claim.attributed_to or "", []).append(claim)
    if len(by_person) < 2:
        return []
    return [ConflictSide(value=person,
                         articles=tuple(dict.fromkeys(claim.span.article for claim in claims)),
                         spans=tuple(claim.attribution or claim.span for claim in claims),
                         attributed_to=(person,))
            for person, claims in by_person.items()]
