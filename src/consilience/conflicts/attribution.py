"""Attribution conflicts: the same statement credited to different people.

Only claims of one fact that are credited to two different named people of the story count;
an unnamed description ("a US official") may be either of them and is no conflict.
"""

from __future__ import annotations

from collections.abc import Set

from ..models import ConflictSide, Fact


def attribution_conflict(fact: Fact, people: Set[str]) -> list[ConflictSide]:
    """Sides of the fact's claims by the named person they are credited to, when two or more
    people are credited with it (else [])."""
    by_person: dict[str, list] = {}
    for claim in fact.claims:
        if claim.attributed_to and claim.attributed_to in people:
            by_person.setdefault(claim.attributed_to, []).append(claim)
    if len(by_person) < 2:
        return []
    articles_of = {person: {claim.span.article for claim in claims}
                   for person, claims in by_person.items()}
    if all(len(articles) == 1 for articles in articles_of.values()) and \
            len(set.union(*articles_of.values())) == 1:
        return []  # one article quoting two people saying alike things
    return [ConflictSide(value=person,
                         articles=tuple(dict.fromkeys(claim.span.article for claim in claims)),
                         spans=tuple(claim.attribution or claim.span for claim in claims),
                         attributed_to=(person,))
            for person, claims in by_person.items()]
