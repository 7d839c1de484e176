"""Choose the brief: whole sentences copied from the articles, in three parts.

1. the lead: the main event, as the articles' opening sentences agree on it (see `lead`); then
   corroborated facts, most independent sources first, then the most central (sharing entities
   and terms with the rest of the story), then the earliest in its article;
2. what is disputed: for each conflict, most-supported first, one sentence per side, so both
   versions are read side by side;
3. notable single-source facts (with numbers, dates, named entities, an attribution) to fill up
   to `limit`; vaguer ones only to reach `minimum`.

A sentence is chosen once, with every fact it states; a sentence that says what a chosen one
already says (same facts, or mostly the same content words) is skipped. Sentences are spaCy's
when the articles' parses are given (see `sentences`); the parts of the choice live in
`sentences` (where a span's sentence is, eligibility), `words` (content words), `lead` (the
opening sentence), `ranking` (centrality, notability, support) and `selection` (the picks).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..config import BriefSettings
from ..lang.sentences import sentence_bounds
from ..models import Article, BriefSentence, Conflict, Fact
from .lead import choose_lead
from .ranking import centrality, fact_spans, notability, support
from .selection import SECTIONS, Section, Selection
from .sentences import SentenceKey, dangling, eligible
from .words import content_words, jaccard

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "SECTIONS",
    "Section",
    "SentenceKey",
    "centrality",
    "content_words",
    "dangling",
    "eligible",
    "jaccard",
    "notability",
    "select_brief",
    "sentence_bounds",
]

# What a reader most needs to see both sides of first.
_KIND_ORDER = ("status", "number", "date", "attribution", "name", "wording", "other")


def _conflict_plan(selection: Selection, conflict: Conflict) -> list[tuple[SentenceKey, int]]:
    """One eligible sentence per side (the first of its spans that has one), with the side;
    for a change over time, the later version first."""
    plan: list[tuple[SentenceKey, int]] = []
    sides = list(enumerate(conflict.sides))
    if conflict.change_over_time:
        sides.reverse()
    for number, side in sides:
        key = selection.first_eligible(side.spans)
        if key is not None and key not in [chosen for chosen, _ in plan]:
            plan.append((key, number))
    return plan


def select_brief(articles: Sequence[Article], facts: Sequence[Fact],
                 conflicts: Sequence[Conflict], docs: Sequence[Doc] | None = None, *,
                 limit: int | None = None, minimum: int | None = None,
                 settings: BriefSettings = BriefSettings()) -> tuple[BriefSentence, ...]:
    """An extractive brief of at most `limit` whole sentences, each copied from an article.

    The lead comes first (the opening sentence the articles' openings agree on most, when two
    or more articles share one), then corroborated facts, then both sides of each conflict,
    then single-source facts; vague single-source facts only to reach `minimum`. Fewer
    eligible facts give a shorter brief; the same input always gives the same brief. `docs`,
    the articles' parses in order, give the sentences (spaCy's, as claims have them); without
    them the text is split alone. `limit` and `minimum`, when given, override `settings`
    (`config.BriefSettings`, which holds every number of the brief).
    """
    limit = settings.limit if limit is None else limit
    minimum = settings.minimum if minimum is None else minimum
    if limit <= 0 or not articles:
        return ()
    selection = Selection(articles, facts, conflicts, docs, settings)
    central = centrality(facts, settings)
    order = {fact.id: number for number, fact in enumerate(facts)}

    def position(fact: Fact) -> int:
        indexes = [selection.sentences.index(span) for span in fact_spans(fact)]
        return min((index for index in indexes if index is not None), default=1 << 30)

    def fact_key(fact: Fact) -> SentenceKey | None:
        return selection.first_eligible(fact_spans(fact))

    corroborated = sorted(
        (fact for fact in facts
         if fact.status == "corroborated" and fact.id not in selection.disputed),
        key=lambda fact: (tuple(-count for count in support(fact)), -central[fact.id],
                          position(fact), order[fact.id]))
    single = sorted(
        (fact for fact in facts
         if fact.status == "single-source" and fact.id not in selection.disputed),
        key=lambda fact: (-notability(fact), -central[fact.id], position(fact), order[fact.id]))
    ranked_conflicts = sorted(
        enumerate(conflicts),
        key=lambda item: (item[1].fact is None,
                          -len({article for side in item[1].sides for article in side.articles}),
                          _KIND_ORDER.index(item[1].kind) if item[1].kind in _KIND_ORDER
                          else len(_KIND_ORDER), item[0]))
    plans = [(conflict, plan) for _, conflict in ranked_conflicts
             if (plan := _conflict_plan(selection, conflict))]

    def add_facts(candidates: Iterable[Fact], section: Section, until: int) -> None:
        for fact in candidates:
            if len(selection) >= until:
                return
            key = fact_key(fact)
            if key is None:
                continue
            if not selection.new(key) or not selection.repeats(key):
                selection.add(key, section, (fact.id,))

    def add_conflicts(until: int) -> None:
        for conflict, plan in plans:
            fresh = [key for key, _ in plan if selection.new(key)]
            if len(selection) + len(fresh) > until:
                continue
            for key, side in plan:
                selection.add(key, "disputed", [conflict.fact] if conflict.fact else [],
                              conflict.sides[side].articles)

    sides = {key for _, plan in plans for key, _ in plan}
    lead = choose_lead(selection.sentences, [article.id for article in articles],
                       selection.stated, sides, settings)
    if lead is not None:
        selection.add(lead.key, "corroborated", (), lead.articles)
    reserve, cap = 0, (limit - 1) // 2
    for _, plan in plans[:2]:
        if reserve + len(plan) <= cap:
            reserve += len(plan)
    add_facts(corroborated, "corroborated", limit - reserve)
    add_conflicts(limit)
    add_facts((fact for fact in single if notability(fact) > 0), "single-source", limit)
    add_facts(corroborated, "corroborated", limit)
    add_facts(single, "single-source", min(limit, minimum))
    return selection.result()
