"""Facts: aligned claims as story records, with their support and status.

A fact's text is a real sentence of a source: the sentence of its most central claim. How
many independent origins it rests on is read later, from citations and copies, by the
provenance stage (`provenance.with_independence`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Article, Claim, Fact
from .align import AlignConfig, align_sentences
from .sentence_space import SentenceSpace


def _central(group: Sequence[int], space: SentenceSpace) -> int:
    """The sentence most alike to the other articles' sentences of its group (earliest on
    ties)."""
    if len(group) <= 2:
        return group[0]

    def centrality(index: int) -> float:
        return sum(space.similarity(index, other) for other in group
                   if space.articles[other] != space.articles[index])

    return max(group, key=lambda index: (centrality(index), -index))


def build_facts(articles: Sequence[Article], claims: Sequence[Claim],
                config: AlignConfig | None = None, space: SentenceSpace | None = None
                ) -> list[Fact]:
    """Facts of a story from its claims (in article order), the best supported first
    (status "disputed" is set later, by the conflicts stage). `space` is
    `SentenceSpace(claims, config)` when the caller has it already."""
    order = {article.id: number for number, article in enumerate(articles)}
    space = space if space is not None else SentenceSpace(claims, config or AlignConfig())
    position = {claim.id: index for index, claim in enumerate(claims)}
    facts: list[Fact] = []
    for group in align_sentences(space, config):
        members = sorted((claim for index in group for claim in space.claims[index]),
                         key=lambda claim: (order.get(claim.span.article, 0),
                                            position[claim.id]))
        sentence = space.span(_central(group, space))
        supporting = tuple(sorted(dict.fromkeys(claim.span.article for claim in members),
                                  key=lambda article: order.get(article, 0)))
        facts.append(Fact(
            id="",
            text=sentence.text,
            status="corroborated" if len(supporting) > 1 else "single-source",
            articles=supporting,
            claims=tuple(members),
            span=sentence,
        ))
    facts.sort(key=lambda fact: (-len(fact.articles), -len(fact.claims),
                                 order.get(fact.claims[0].span.article, 0),
                                 fact.claims[0].span.start))
    return [_numbered(fact, number) for number, fact in enumerate(facts, start=1)]


def _numbered(fact: Fact, number: int) -> Fact:
    return Fact(f"f{number}", fact.text, fact.status, fact.articles, fact.claims,
                fact.independent_sources, fact.span, fact.origins)
