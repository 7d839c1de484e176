"""All conflicts of a story, typed, with summaries that say when publication times may
explain a difference ("an earlier report said X, a later one Y"), and facts marked disputed."""

from __future__ import annotations

import logging
from collections.abc import Sequence, Set
from dataclasses import replace

from ..models import Article, Claim, Conflict, ConflictKind, ConflictSide, Fact
from .attribution import attribution_conflict
from .quoted import attribution_disagrees, wording_disagrees
from .status import Similarity, status_conflicts
from .values import (
    near_value_conflicts,
    same_event_groups,
    story_values,
    value_conflicts,
    year_conflicts,
)

logger = logging.getLogger(__name__)

_KIND_WORDS: dict[str, str] = {
    "number": "figures", "date": "dates for the same event", "status": "accounts of what happened",
    "attribution": "speakers credited with the same words", "name": "spellings",
    "wording": "quoted words for the same statement",
}


def _published(articles: Sequence[Article]) -> dict[str, str]:
    return {article.id: article.published for article in articles if article.published}


def _in_time(sides: Sequence[ConflictSide], published: dict[str, str]
             ) -> tuple[ConflictSide, str, ConflictSide, str] | None:
    """(earlier side, its latest day, later side, its earliest day) when there are two
    sides, every article dated, and every article of one side was published on an earlier
    day than every article of the other."""
    if len(sides) != 2 or set(sides[0].articles) & set(sides[1].articles):
        return None
    days = [[published[article][:10] for article in side.articles if article in published]
            for side in sides]
    if any(len(dates) != len(side.articles) for dates, side in zip(days, sides, strict=True)):
        return None
    for early, late in ((0, 1), (1, 0)):
        if max(days[early]) < min(days[late]):
            return sides[early], max(days[early]), sides[late], min(days[late])
    return None


def _conflict(number: int, kind: ConflictKind, sides: Sequence[ConflictSide], subject: str,
              fact: str | None, published: dict[str, str]) -> Conflict:
    """The conflict numbered `number`, with its summary; when its sides were published on
    different days, earlier first, said to be a possible change over time."""
    timing = _in_time(sides, published)
    if timing is not None:
        early, early_day, late, late_day = timing
        sides = (early, late)
    values = " vs ".join(f"{side.value!r} ({len(side.articles)} article"
                         f"{'s' if len(side.articles) != 1 else ''})" for side in sides)
    if kind == "status" and subject:
        head = f"Different accounts of what became of {subject}"
    else:
        head = f"Different {_KIND_WORDS.get(kind, 'accounts')}" + (
            f" about {subject}" if subject else "")
    summary = f"{head}: {values}."
    if timing is not None:
        summary += (f" Earlier reports ({early_day}) said {early.value!r}; later ones "
                    f"({late_day}) said {late.value!r}: the difference may be a change over "
                    f"time rather than a disagreement.")
    return Conflict(id=f"k{number}", kind=kind, summary=summary, sides=tuple(sides),
                    fact=fact, change_over_time=timing is not None)


def _fact_of(sides: Sequence[ConflictSide], facts: Sequence[Fact]) -> str | None:
    """The fact whose claims hold the most of the conflict's spans."""
    spans = {span for side in sides for span in side.spans}
    best, best_count = None, 0
    for fact in facts:
        count = sum(1 for claim in fact.claims if claim.span in spans)
        if count > best_count:
            best, best_count = fact.id, count
    return best


ValueConflict = tuple[str, list[ConflictSide], str]


def _fullest(conflicts: Sequence[ValueConflict]) -> list[ValueConflict]:
    """Each disagreement once: a conflict whose spans another one of its kind holds too
    (found again in a wider group, with a third value or another article) is left out, the
    first of equal ones kept."""
    told = [frozenset((kind, span) for side in sides for span in side.spans)
            for kind, sides, _ in conflicts]
    return [conflict for index, conflict in enumerate(conflicts)
            if not any(told[index] < other or (told[index] == other and earlier < index)
                       for earlier, other in enumerate(told))]


def _joined(conflicts: Sequence[ValueConflict]) -> list[ValueConflict]:
    """Number conflicts that share a side (one value in the same words) told as one: a
    figure compared in an aligned group and again with a near figure elsewhere ("$5 billion"
    vs "$5.7 billion", "$5.6 billion" vs "$5.7 billion") is one disagreement with three
    values. The first conflict told is the base; a later one's side whose articles are
    already on another side of it is left out (an article stating both values tells of two
    quantities)."""
    joined: list[ValueConflict] = []
    for kind, sides, subject in conflicts:
        keys = {(side.value, span) for side in sides for span in side.spans}
        twin = next((index for index, (other_kind, other_sides, _) in enumerate(joined)
                     if kind == other_kind == "number" and keys & {
                         (side.value, span) for side in other_sides for span in side.spans}),
                    None)
        if twin is None:
            joined.append((kind, list(sides), subject))
            continue
        by_value = {side.value: side for side in joined[twin][1]}
        for side in sides:
            known = by_value.get(side.value)
            if known is None and any(set(side.articles) & set(other.articles)
                                     for other in by_value.values()):
                continue
            by_value[side.value] = side if known is None else replace(
                known, articles=tuple(dict.fromkeys(known.articles + side.articles)),
                spans=tuple(dict.fromkeys(known.spans + side.spans)))
        joined[twin] = (kind, list(by_value.values()), joined[twin][2] or subject)
    return joined


def find_conflicts(articles: Sequence[Article], facts: Sequence[Fact], claims: Sequence[Claim],
                   similarity: Similarity, name_conflicts: Sequence[Conflict] = (),
                   people: Set[str] = frozenset(),
                   comparable: Sequence[Sequence[Claim]] = ()) -> list[Conflict]:
    """Every typed conflict of the story: spelling variants from the entity stage first, then
    numbers, dates, statuses and attributions. `similarity` is the alignment stage's measure
    of how alike two claims are; numbers and days are compared among the claims of each
    fact and of each group of `comparable` claims (`claims.comparable_groups`, a looser
    alignment: days there only between claims of one kind of event), each disagreement
    once."""
    published = _published(articles)
    found: list[tuple[ConflictKind, list[ConflictSide], str | None, str]] = []
    held = story_values(claims)
    values = near_value_conflicts(claims, held)
    for fact in facts:
        values += value_conflicts(fact.claims, held)
    for group in comparable:  # days only of one kind of event: see same_event_groups
        values += value_conflicts(group, held, ("number",))
        for event in same_event_groups(group):
            values += value_conflicts(event, held, ("date",))
    values += year_conflicts(claims)
    for kind, sides, subject in _joined(_fullest(values)):
        found.append((kind, sides, _fact_of(sides, facts), subject))  # type: ignore[arg-type]
    for fact in facts:
        sides = attribution_conflict(fact, people, similarity)
        if sides:
            found.append(("attribution", sides, fact.id, ""))
    for sides, thing in status_conflicts(claims, similarity):
        found.append(("status", sides, _fact_of(sides, facts), f"the {thing}"))
    conflicts = [replace(conflict, id=f"k{number}")
                 for number, conflict in enumerate(name_conflicts, start=1)]
    for kind, sides, fact, subject in found:
        if len({article for side in sides for article in side.articles}) < 2:
            continue  # one article telling two versions is not outlets disagreeing
        conflicts.append(_conflict(len(conflicts) + 1, kind, sides, subject, fact, published))
    return conflicts


_QUOTE_CHECKS = {"wording": wording_disagrees, "attribution": attribution_disagrees}
"""Kinds found by a later stage from quotes, and the check the outlets' words must pass."""


def extend_conflicts(conflicts: Sequence[Conflict], kind: ConflictKind,
                     groups: Sequence[Sequence[ConflictSide]], articles: Sequence[Article],
                     subject: str = "") -> list[Conflict]:
    """The conflicts with more of one kind appended (found by a later stage: altered quotes,
    quotes credited to different people), numbered on and summarised alike. Quote conflicts
    the articles' own words do not bear out (see `quoted`) are left out."""
    published = _published(articles)
    texts = {article.id: article.text for article in articles}
    check = _QUOTE_CHECKS.get(kind)
    extended = list(conflicts)
    seen: set[frozenset[tuple[str, str]]] = set()
    for sides in groups:
        key = frozenset((side.value, article) for side in sides for article in side.articles)
        if len(sides) < 2 or key in seen:
            continue
        if check is not None and not check(sides, texts):
            logger.debug("dropped a %s conflict the articles do not bear out: %s", kind,
                         " vs ".join(side.value for side in sides))
            continue
        seen.add(key)
        extended.append(_conflict(len(extended) + 1, kind, sides, subject, None, published))
    return extended


def mark_disputed(facts: Sequence[Fact], conflicts: Sequence[Conflict]) -> list[Fact]:
    """Facts that a conflict is about get the status "disputed"."""
    disputed = {conflict.fact for conflict in conflicts if conflict.fact}
    return [replace(fact, status="disputed") if fact.id in disputed else fact for fact in facts]
