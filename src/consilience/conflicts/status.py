"""Status conflicts: outlets saying incompatible things became of the same thing (cancelled
vs postponed; scheduled to attend vs absent; imposed vs proposed or on hold; confirmed vs
denied).

Two statuses are about the same thing when they are said of the same noun and their claims
share context (a story entity, a quantity, a date, or enough weighted words), or when they are
said of nouns of one kind (a meeting, talks and a summit are all gatherings) and their claims
share both an entity and a date or quantity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from ..lang.en.predicates import incompatible
from ..models import Claim, ConflictSide, Status

Similarity = Callable[[Claim, Claim], float]
"""How alike two claims are, in [0, 1] (the alignment stage's measure)."""

_THING_KINDS: dict[str, str] = {
    **dict.fromkeys(("meeting", "talk", "talks", "dialogue", "summit", "conference",
                     "consultation", "session", "negotiation", "visit", "trip", "forum",
                     "gathering", "meet"), "gathering"),
    **dict.fromkeys(("tariff", "duty", "levy", "tax", "sanction", "ban", "embargo"),
                    "measure"),
}
_LEAST_CONTEXT = 0.18
_NO_STATUS_MODALITIES = frozenset({"possible", "demanded"})
"""Modalities of claims that say what might or should be, not what became of a thing."""


def _hypothetical(claim: Claim) -> bool:
    """A claim that says what might be ("if you miss it", "may be postponed") or what
    someone says should be ("should withdraw the decision") states no status."""
    return claim.modality in _NO_STATUS_MODALITIES or "if" in claim.hedges


def _kind(thing: str) -> str:
    return _THING_KINDS.get(thing, thing)


def _context_shared(first: Claim, second: Claim, similarity: Similarity,
                    same_thing: bool) -> bool:
    """Whether two claims tell of the same thing. Said of the same noun, a shared entity,
    number, date or enough words will do; said of nouns of one kind only (a meeting and a
    summit), they must share both an entity and a date or number."""
    shared_entity = bool(set(first.entities) & set(second.entities))
    shared_value = bool(set(first.dates) & set(second.dates)) or bool(
        {quantity.value for quantity in first.quantities}
        & {quantity.value for quantity in second.quantities})
    if not same_thing:
        return shared_entity and shared_value
    return shared_entity or shared_value or similarity(first, second) >= _LEAST_CONTEXT


Members = list[tuple[Status, Claim]]


def _clashing_states(members: Members) -> list[str]:
    states = list(dict.fromkeys(status.state for status, _ in members))
    return [state for state in states if any(incompatible(state, other) for other in states)]


def _merge_alike(groups: list[Members]) -> list[Members]:
    """Join conflicts that clash over the same states of the same kind of thing and share an
    entity: "cancelled the meeting" / "postponed the talks" and "cancelled the talks" /
    "postponed the meeting" are one disagreement."""
    merged: list[Members] = []
    for members in groups:
        states = set(_clashing_states(members))
        kinds = {_kind(status.thing) for status, _ in members}
        entities = {entity for _, claim in members for entity in claim.entities}
        twin = next((other for other in merged if states and set(_clashing_states(other))
                     == states and kinds & {_kind(status.thing) for status, _ in other}
                     and entities & {entity for _, claim in other for entity in claim.entities}),
                    None)
        if twin is None:
            merged.append(list(members))
        else:
            twin.extend(members)
    return merged


def status_conflicts(claims: Sequence[Claim], similarity: Similarity
                     ) -> list[tuple[list[ConflictSide], str]]:
    """(sides, thing) for each thing said to be in incompatible states."""
    mentions: list[tuple[Status, Claim]] = [
        (status, claim) for claim in claims if not _hypothetical(claim)
        for status in claim.statuses if status.thing]
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
                        claim, other_claim, similarity, status.thing == other_status.thing):
                    linked = linked or clash
                    parent[find(right)] = find(left)
    if not linked:
        return []
    groups: dict[int, list[tuple[Status, Claim]]] = {}
    for position, mention in enumerate(mentions):
        groups.setdefault(find(position), []).append(mention)
    found = []
    for members in _merge_alike(list(groups.values())):
        states = _clashing_states(members)
        if len(states) < 2:
            continue
        sides = []
        for state in states:
            chosen = [(status, claim) for status, claim in members if status.state == state]
            wordings = Counter(status.span.text.casefold() for status, _ in chosen)
            sides.append(ConflictSide(
                value=max(wordings, key=lambda wording: (wordings[wording], -len(wording))),
                articles=tuple(dict.fromkeys(claim.span.article for _, claim in chosen)),
                spans=tuple(dict.fromkeys(claim.span for _, claim in chosen)),
                attributed_to=tuple(dict.fromkeys(claim.attributed_to for _, claim in chosen
                                                  if claim.attributed_to))))
        things = Counter(status.thing for status, _ in members)
        found.append((sides, max(things, key=lambda thing: (things[thing], thing))))
    return found
