"""Facts: aligned claims as story records, with their support and status.

A fact's text is a real sentence of a source: the sentence of its most central claim. How
many independent origins it rests on is read later, from citations and copies, by the
provenance stage (`provenance.with_independence`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import Article, Claim, Fact
from .align import AlignConfig, ClaimSpace, align_claims


def _central(group: Sequence[Claim], space: ClaimSpace, index: Mapping[str, int]) -> Claim:
    """The claim most similar to the others of its group (earliest on ties)."""
    if len(group) <= 2:
        return group[0]
    positions = [index[claim.id] for claim in group]

    def centrality(position: int) -> float:
        return sum(space.similarity(position, other) for other in positions if other != position)

    best = max(positions, key=lambda position: (centrality(position), -position))
    return space.claims[best]


def build_facts(articles: Sequence[Article], claims: Sequence[Claim],
                config: AlignConfig | None = None, space: ClaimSpace | None = None
                ) -> list[Fact]:
    """Facts of a story from its claims (in article order), the best supported first
    (status "disputed" is set later, by the conflicts stage). `space` is
    `ClaimSpace(claims)` when the caller has it already."""
    order = {article.id: number for number, article in enumerate(articles)}
    ordered = list(claims)
    space = space if space is not None else ClaimSpace(ordered)
    groups = align_claims(ordered, config or AlignConfig(), space)
    index = {claim.id: position for position, claim in enumerate(ordered)}
    facts: list[Fact] = []
    for group in groups:
        group = sorted(group, key=lambda claim: (order.get(claim.span.article, 0),
                                                 claim.span.start))
        central = _central(group, space, index)
        sentence = central.sentence or central.span
        supporting = tuple(dict.fromkeys(claim.span.article for claim in group))
        supporting = tuple(sorted(supporting, key=lambda article: order.get(article, 0)))
        facts.append(Fact(
            id="",
            text=sentence.text,
            status="corroborated" if len(supporting) > 1 else "single-source",
            articles=supporting,
            claims=tuple(group),
            span=sentence,
        ))
    facts.sort(key=lambda fact: (-len(fact.articles), -len(fact.claims),
                                 order.get(fact.claims[0].span.article, 0),
                                 fact.claims[0].span.start))
    return [_numbered(fact, number) for number, fact in enumerate(facts, start=1)]


def _numbered(fact: Fact, number: int) -> Fact:
    return Fact(f"f{number}", fact.text, fact.status, fact.articles, fact.claims,
                fact.independent_sources, fact.span, fact.origins)
