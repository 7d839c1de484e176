"""Number and date conflicts: outlets stating different values for the same quantity or day
of the same fact.

Precision comes first. A value an article presents as an earlier one ("up from 3%") is not
compared; two values of which any one article states both are two quantities, not a
disagreement (the article that knows both is telling of a change, or of two things); and each
side must be held by articles that do not also hold the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from ..isodates import parse_iso
from ..lang.en.predicates import event_kind
from ..models import Claim, ConflictSide, Quantity, Span

_NEXT_WORD = re.compile(r"[\s-]*(?:[A-Za-z]+(?:-[A-Za-z]+)+\s+)*([A-Za-z]{3,})")
"""The word a count counts: "200 people", "the 35-word oath", past hyphenated modifiers
("16 House-passed measures", "3 well-armed men")."""
_MAGNITUDE = 10.0
"""Figures of one quantity that outlets disagree on are of one order of magnitude ("$5.6
billion" vs "$5.7 billion", 12 vs 45 dead as a toll rises); values further apart than this
factor are two quantities that happen to share a unit ($106,800 of taxable income, $6.5
trillion of shortfall)."""
Slot = tuple[str, str]  # (slot kind, unit or precision)


def _counted(claim: Claim, quantity: Quantity) -> str:
    """The word a count counts: "people" in "200 people" ("" when none follows)."""
    after = claim.span.text[quantity.span.end - claim.span.start:]
    match = _NEXT_WORD.match(after)
    return match.group(1).casefold().rstrip("s") if match else ""


_DENIED_BEFORE = re.compile(r"\b(?:not|no)\s+(?:even\s+|just\s+|only\s+)?\Z", re.IGNORECASE)
"""A figure right after "not" / "no" is one its sentence rejects ("No, not $2.5 billion, we
are asking for $5.6 billion"), not a value anyone states."""


def _denied(claim: Claim, quantity: Quantity) -> bool:
    around = claim.sentence if claim.sentence is not None and \
        claim.sentence.start <= quantity.span.start else claim.span
    offset = quantity.span.start - around.start
    return offset >= 0 and bool(_DENIED_BEFORE.search(around.text[max(0, offset - 20):offset]))


def _quantity_values(claim: Claim) -> Iterable[tuple[Slot, str, str, Span]]:
    for quantity in claim.quantities:
        if quantity.role == "previous" or quantity.kind == "ordinal" or \
                _denied(claim, quantity):
            continue
        unit = quantity.unit
        if quantity.kind == "count":  # counts of different things are different quantities
            unit = _counted(claim, quantity)
            if not unit:
                continue
        yield ("number", f"{quantity.kind}:{unit}"), _key(quantity), \
            quantity.normal or quantity.span.text, claim.span


def _key(quantity: Quantity) -> str:
    """The value to compare, to six significant figures."""
    return f"{quantity.value:.6g}"


def _date_values(claim: Claim) -> Iterable[tuple[Slot, str, str, Span]]:
    """Days and months; no ranges and no bare years, which a story's sentences name for many
    events (on the story gold, year comparisons found one real disagreement and three false
    ones)."""
    for value in claim.dates:
        if len(value) in (7, 10):
            yield ("date", "calendar"), value, value, claim.span


def _article_values(claims: Iterable[Claim],
                    reader: Callable[[Claim], Iterable[tuple[Slot, str, str, Span]]]
                    ) -> dict[str, set[tuple[Slot, str]]]:
    held: dict[str, set[tuple[Slot, str]]] = {}
    for claim in claims:
        for slot, key, _, _ in reader(claim):
            held.setdefault(claim.span.article, set()).add((slot, key))
    return held


Held = dict[str, dict[str, set[tuple[Slot, str]]]]
"""reader name -> article id -> the (slot, value) pairs the article states anywhere."""
_READERS = {"number": _quantity_values, "date": _date_values}


def story_values(claims: Sequence[Claim]) -> Held:
    """Every value each article states, to tell two quantities from one disagreement."""
    return {name: _article_values(claims, reader) for name, reader in _READERS.items()}


def _subject(slot: Slot) -> str:
    """What a slot measures, for the summary: "people" for a count of people."""
    kind, _, unit = slot[1].partition(":")
    return f"'{unit}'" if kind == "count" and unit else ""


def value_conflicts(claims: Sequence[Claim], held: Held, kinds: Iterable[str] = _READERS
                    ) -> list[tuple[str, list[ConflictSide], str]]:
    """(kind, sides, what it measures) for each number or date disagreement among claims
    that state one thing (a fact's); `held` is `story_values` of the story's claims; `kinds`
    the values compared ("number", "date")."""
    found: list[tuple[str, list[ConflictSide], str]] = []
    for name in kinds:
        reader = _READERS[name]
        story_held = held[name]
        by_slot: dict[Slot, dict[str, list[tuple[str, str, Span]]]] = {}
        for claim in claims:
            values = list(reader(claim))
            slots = {slot for slot, *_ in values}
            for slot, key, label, span in values:
                if sum(1 for other, *_ in values if other == slot) > 1 and len(slots) == 1:
                    continue  # a claim with several values of one kind: a range or a list
                by_slot.setdefault(slot, {}).setdefault(key, []).append(
                    (claim.span.article, label, span))
        for slot, by_value in by_slot.items():
            if len(by_value) < 2:
                continue
            sides = _disjoint_sides(slot, by_value, story_held)
            if len(sides) >= 2:
                found.append((slot[0], sides, _subject(slot)))
    return found


def _comparable(slot: Slot, first: str, second: str) -> bool:
    """Whether two values of a slot can be one quantity told two ways: figures of one order
    of magnitude; days or months of which neither holds the other ("February" and "February
    28" agree) and that lie within `_NEARBY` of each other."""
    if slot[0] != "number":
        return _nearby_and_apart(first, second)
    low, high = sorted((abs(float(first)), abs(float(second))))
    return low > 0 and high / low <= _MAGNITUDE


_NEARBY = timedelta(days=183)
"""Outlets that disagree on when one thing happens give dates weeks apart, not a year: dates
further apart are different events, or one month name read into two years."""


def _nearby_and_apart(first: str, second: str) -> bool:
    if first.startswith(second) or second.startswith(first):
        return False
    spans = [_calendar_span(value) for value in (first, second)]
    if None in spans:
        return False
    (first_start, first_end), (second_start, second_end) = spans  # type: ignore[misc]
    gap = max(first_start, second_start) - min(first_end, second_end)
    return gap <= _NEARBY


def _calendar_span(value: str) -> tuple[date, date] | None:
    """The first and last day of an ISO day or month."""
    start = parse_iso(value if len(value) == 10 else f"{value}-01")
    if start is None:
        return None
    if len(value) == 10:
        return start, start
    following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start, following - timedelta(days=1)


def _disjoint_sides(slot: Slot, by_value: dict[str, list[tuple[str, str, Span]]],
                    story_held: dict[str, set[tuple[Slot, str]]]) -> list[ConflictSide]:
    """One side per value, keeping only values that no article holds together with another
    value of the same slot anywhere in the story; a month goes to the side of the one day
    in it that is told ("February" and "February 28" are one side)."""
    keys = list(by_value)
    clashing = set()
    for first_index, first in enumerate(keys):
        for second in keys[first_index + 1:]:
            shared = any((slot, first) in held and (slot, second) in held
                         for held in story_held.values())
            if not shared and _comparable(slot, first, second):
                clashing.update((first, second))
    mentions_of = {key: list(by_value[key]) for key in keys if key in clashing}
    if slot[0] == "date":
        for key in list(mentions_of):  # "February" goes with "February 28" when it is the one
            finer = [other for other in mentions_of if other != key and other.startswith(key)]
            if len(finer) == 1:
                mentions_of[finer[0]].extend(mentions_of.pop(key))
    sides = []
    for mentions in mentions_of.values():
        sides.append(ConflictSide(
            value=mentions[0][1],
            articles=tuple(dict.fromkeys(article for article, _, _ in mentions)),
            spans=tuple(dict.fromkeys(span for _, _, span in mentions))))
    return sides


_YEAR = re.compile(r"\d{4}")
_LEAST_SHARED_TERMS = 2
_LOWER_WORD = re.compile(r"\b[a-z]+\b")


def _common_terms(claim: Claim) -> frozenset[str]:
    """The claim's content lemmas written in lower case in it (not a name's words)."""
    lower = _LOWER_WORD.findall(claim.span.text)
    return frozenset(term for term in claim.terms if term.isalpha() and any(
        word.startswith(term[:4]) for word in lower))


def year_conflicts(claims: Sequence[Claim]) -> list[tuple[str, list[ConflictSide], str]]:
    """One event placed in consecutive years by two outlets ("his term ends in 2019" / "before
    his term ends in 2018"): claims of different articles that each state one bare year, the
    years one apart, sharing two or more content words, neither article naming the other
    year anywhere. Bare years are otherwise not compared (a story's sentences name years for
    many events); the shared words and the single year of each tie the two to one event."""
    years_of: dict[str, set[str]] = {}
    dated = []
    for claim in claims:
        years_of.setdefault(claim.span.article, set()).update(
            value[:4] for value in claim.dates if value[:4].isdigit())
        years = [value for value in claim.dates if _YEAR.fullmatch(value)]
        if len(years) == 1:
            dated.append((claim, years[0], _common_terms(claim)))
    found: list[tuple[str, list[ConflictSide], str]] = []
    for index, (first, first_year, first_terms) in enumerate(dated):
        for second, second_year, second_terms in dated[index + 1:]:
            if first.span.article == second.span.article \
                    or abs(int(first_year) - int(second_year)) != 1 \
                    or len(first_terms & second_terms) < _LEAST_SHARED_TERMS \
                    or second_year in years_of[first.span.article] \
                    or first_year in years_of[second.span.article]:
                continue
            found.append(("date", [
                ConflictSide(value=first_year, articles=(first.span.article,),
                             spans=(first.span,)),
                ConflictSide(value=second_year, articles=(second.span.article,),
                             spans=(second.span,))], ""))
    return found


_NEAR = 0.1
"""Figures of one kind and unit this close (as a share of the larger) are one quantity told
two ways ("$5.6 billion" / "$5.7 billion" for one demand, "$5,687.75" / "$5,587.75" for one
expense, the "35-word" / "38-word" oath), wherever in the articles they stand: two different
things a story measures in one unit are seldom this close. On the story gold, every such pair
of figures that no one article states both of is a real disagreement."""


def near_value_conflicts(claims: Sequence[Claim], held: Held
                         ) -> list[tuple[str, list[ConflictSide], str]]:
    """Figures of one slot (kind, unit, what a count counts) within `_NEAR` of each other and
    not equal, stated by claims of different articles with no article stating both: one
    number conflict per pair of values, however differently the sentences are worded (a
    figure inside a longer quote, a list or a negation is read on its own here).
    Percentages are left to aligned sentences: a share of one group is often near a share of
    another."""
    story_held = held["number"]
    figures = [(claim.span.article, slot, key, label, span) for claim in claims
               for slot, key, label, span in _quantity_values(claim)
               if not slot[1].startswith("percent")]
    told: dict[tuple[Slot, str, str], dict[str, list[tuple[str, str, Span]]]] = {}
    for first_index, second_index in _near_pairs(figures):
        article, slot, key, label, span = figures[first_index]
        other_article, _, other_key, other_label, other_span = figures[second_index]
        if any((slot, key) in values and (slot, other_key) in values
               for values in story_held.values()):
            continue
        low_key, high_key = sorted((key, other_key))
        sides = told.setdefault((slot, low_key, high_key), {})  # sides in text order
        sides.setdefault(key, []).append((article, label, span))
        sides.setdefault(other_key, []).append((other_article, other_label, other_span))
    return [("number", [ConflictSide(value=mentions[0][1],
                                     articles=tuple(dict.fromkeys(a for a, _, _ in mentions)),
                                     spans=tuple(dict.fromkeys(s for _, _, s in mentions)))
                        for mentions in by_value.values()], _subject(slot))
            for (slot, _, _), by_value in told.items()]


def _near_pairs(figures: Sequence[tuple[str, Slot, str, str, Span]]) -> list[tuple[int, int]]:
    """(earlier, later) positions of the figures of one slot, of different articles, unequal
    and within `_NEAR` of each other, in text order: each slot's figures sorted by size and
    each compared only with those up to `_NEAR` larger (a story of thousands of figures
    compares a few pairs, not millions)."""
    by_slot: dict[Slot, list[tuple[float, int]]] = {}
    for position, (_, slot, key, _, _) in enumerate(figures):
        size = abs(float(key))
        if size > 0:
            by_slot.setdefault(slot, []).append((size, position))
    pairs = []
    for sized in by_slot.values():
        sized.sort()
        for index, (low, position) in enumerate(sized):
            for high, other in sized[index + 1:]:
                if (high - low) / high > _NEAR:
                    break
                if figures[position][0] != figures[other][0] and \
                        figures[position][2] != figures[other][2]:
                    pairs.append((min(position, other), max(position, other)))
    return sorted(pairs)


def same_event_groups(claims: Sequence[Claim]) -> list[list[Claim]]:
    """The claims of a loosely alike group (`claims.comparable_groups`) that tell of one
    kind of event (`lang.en.predicates.event_kind`: the same predicate class, else the same
    predicate), in groups of two or more articles: whose days to compare. Loosely alike
    sentences of a story tell of many events ("stood firm on Friday", "since their Dec. 11
    meeting", "return on Friday"), and different days of different events are no
    disagreement."""
    by_event: dict[str, list[Claim]] = {}
    for claim in claims:
        event = event_kind(claim.predicate, claim.predicate_class)
        if event and claim.dates:
            by_event.setdefault(event, []).append(claim)
    return [group for group in by_event.values()
            if len({claim.span.article for claim in group}) > 1]

