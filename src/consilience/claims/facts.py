"""Facts: aligned claims as story records, with support, origins and status.

A fact's text is a real sentence of a source: the sentence of its most central claim. Its
independent sources count the articles that state it, those that credit the same named
origin ("according to Reuters") counted once. Until cited-source provenance is read, the
origin of a claim is its attribution when that names a story entity, else its article.
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


def origins_of(group: Sequence[Claim], named: frozenset[str]) -> tuple[str, ...]:
    """One origin per independent source: a named attribution, else the article."""
    by_article: dict[str, set[str]] = {}
    for claim in group:
        attributed = claim.attributed_to
        origin = f"cited:{attributed.casefold()}" if attributed and attributed in named \
            else f"article:{claim.span.article}"
        by_article.setdefault(claim.span.article, set()).add(origin)
    independent: list[str] = []
    covered: set[str] = set()
    for origins_of_article in by_article.values():
        if origins_of_article & covered:
            continue
        choice = sorted(origins_of_article)[0]
        independent.append(choice)
        covered |= origins_of_article
    return tuple(independent)


def build_facts(articles: Sequence[Article], claims: Sequence[Claim],
                named_sources: frozenset[str] = frozenset(),
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
        origins = origins_of(group, named_sources)
        facts.append(Fact(
            id="",
            text=sentence.text,
            status="corroborated" if len(supporting) > 1 else "single-source",
            articles=supporting,
            claims=tuple(group),
            independent_sources=len(origins),
            span=sentence,
            origins=origins,
        ))
    facts.sort(key=lambda fact: (-len(fact.articles), -(fact.independent_sources or 0),
                                 order.get(fact.claims[0].span.article, 0),
                                 fact.claims[0].span.start))
    return [_numbered(fact, number) for number, fact in enumerate(facts, start=1)]


def _numbered(fact: Fact, number: int) -> Fact:
    return Fact(f"f{number}", fact.text, fact.status, fact.articles, fact.claims,
                fact.independent_sources, fact.span, fact.origins)
