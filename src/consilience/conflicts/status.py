"""Status conflicts: outlets saying incompatible things became of the same thing (cancelled
vs postponed; scheduled to attend vs absent; imposed vs proposed or on hold; confirmed vs
denied).

Two statuses are about the same thing when they are said of the same noun (or nouns of one
kind: a meeting, talks and a summit are all gatherings) and their claims share context: a
story entity, a quantity, a date, or enough weighted words.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..claims.align import ClaimSpace
from ..claims.lexicon import incompatible
from ..models import Claim, ConflictSide, Status

_THING_KINDS: dict[str, str] = {
    **dict.fromkeys(("meeting", "talk", "talks", "dialogue", "summit", "conference",
                     "consultation", "session", "negotiation", "visit", "trip", "forum",
                     "gathering", "meet"), "gathering"),
    **dict.fromkeys(("tariff", "duty", "levy", "tax", "sanction", "ban", "embargo"),
                    "measure"),
}
_LEAST_CONTEXT = 0.18


def _kind(thing: str) -> str:
    return _THING_KINDS.get(thing, thing)


def _context_shared(space: ClaimSpace, left: int, right: int) -> bool:
    first, second = space.claims[left], space.claims[right]
    if set(first.entities) & set(second.entities):
        return True
    if {quantity.value for quantity in first.quantities} & \
            {quantity.value for quantity in second.quantities}:
        return True
    if set(first.dates) & set(second.dates):
        return True
    return space.similarity(left, right) >= _LEAST_CONTEXT


def status_conflicts(claims: Sequence[Claim], space: ClaimSpace | None = None
                     ) -> list[list[ConflictSide]]:
    """Groups of sides, each group one thing with incompatible statuses."""
    space = space if space is not None else ClaimSpace(claims)
    index = {claim.id: position for position, claim in enumerate(space.claims)}
    mentions: list[tuple[Status, Claim]] = [
        (status, claim) for claim in claims for status in claim.statuses if status.thing]
    parent = list(range(len(mentions)))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    by_kind: dict[str, list[int]] = {}
    for position, (status, _) in enumerate(mentions):
        by_kind.setdefault(_kind(status.thing), []).append(position)
    linked = False
    for positions in by_kind.values():
        for number, left in enumerate(positions):
            status, claim = mentions[left]
            for right in positions[number + 1:]:
                other_status, other_claim = mentions[right]
                clash = incompatible(status.state, other_status.state)
                if not clash and status.state != other_status.state:
                    continue
                if claim.id == other_claim.id or _context_shared(
                        space, index[claim.id], index[other_claim.id]):
                    linked = linked or clash
                    parent[find(right)] = find(left)
    if not linked:
        return []
    groups: dict[int, list[tuple[Status, Claim]]] = {}
    for position, mention in enumerate(mentions):
        groups.setdefault(find(position), []).append(mention)
    found = []
    for members in groups.values():
        states = list(dict.fromkeys(status.state for status, _ in members))
        states = [state for state in states if any(incompatible(state, other)
                                                   for other in states)]
        if len(states) < 2:
            continue
        sides = []
        for state in states:
            chosen = [(status, claim) for status, claim in members if status.state == state]
            sides.append(ConflictSide(
                value=chosen[0][0].span.text,
                articles=tuple(dict.fromkeys(claim.span.article for _, claim in chosen)),
                spans=tuple(dict.fromkeys(claim.span for _, claim in chosen)),
                attributed_to=tuple(dict.fromkeys(claim.attributed_to for _, claim in chosen
                                                  if claim.attributed_to))))
        found.append(sides)
    return found
