"""How much a fact matters to the brief: how central it is to the story (the entities and terms
it shares with the other facts), how concrete it is, and how many sources support it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..config import BriefSettings
from ..models import Fact, Span
from .words import content_words

_COMMON_FEATURE = 200


def fact_spans(fact: Fact) -> list[Span]:
    """Where the fact is stated: its representative claim first, then every claim."""
    spans = [claim.span for claim in fact.claims]
    if fact.span is not None:
        inside = [span for span in spans if span.article == fact.span.article
                  and fact.span.start <= span.start < fact.span.end]
        spans = [inside[0] if inside else fact.span, *spans]
    return spans


def _features(fact: Fact, entity_weight: float) -> dict[str, float]:
    """Weighted entities and terms of a fact (content words of its text when it has none)."""
    features = {f"e:{entity}": entity_weight for claim in fact.claims for entity in claim.entities}
    terms = {term.lower() for claim in fact.claims for term in claim.terms}
    if not features and not terms:
        terms = set(content_words(fact.text))
    features.update({f"t:{term}": 1.0 for term in terms})
    return features


def centrality(facts: Sequence[Fact], settings: BriefSettings = BriefSettings()
               ) -> dict[str, float]:
    """For each fact id, the summed weighted Jaccard overlap of its entities and terms with
    every other fact: how much of the story's vocabulary it shares (an entity weighs
    `settings.entity_weight` terms)."""
    features = [_features(fact, settings.entity_weight) for fact in facts]
    totals = [sum(weights.values()) for weights in features]
    postings: dict[str, list[int]] = defaultdict(list)
    for number, weights in enumerate(features):
        for feature in weights:
            postings[feature].append(number)
    common = max(_COMMON_FEATURE, len(facts) // 20)
    scores: dict[str, float] = {}
    for number, weights in enumerate(features):
        shared: dict[int, float] = defaultdict(float)
        for feature, weight in weights.items():
            if len(postings[feature]) > common:  # in a large story, too common to tell
                continue
            for other in postings[feature]:
                if other != number:
                    shared[other] += weight
        scores[facts[number].id] = sum(
            overlap / (totals[number] + totals[other] - overlap)
            for other, overlap in shared.items())
    return scores


def notability(fact: Fact) -> int:
    """How concrete a fact is: numbers, dates, named entities, an attribution; hedging counts
    against it. 0 or less is vague commentary."""
    claims = fact.claims
    anchors = (2 * any(claim.quantities for claim in claims)
               + 2 * any(claim.dates for claim in claims)
               + min(2, len({entity for claim in claims for entity in claim.entities})))
    if not anchors:
        return 0
    attributed = any(claim.attributed_to for claim in claims)
    hedged = any(claim.hedges or claim.modality in ("hedged", "possible") for claim in claims)
    return anchors + attributed + (-1 if hedged else 1)


def support(fact: Fact) -> tuple[int, int]:
    """(independent sources, articles) that state the fact."""
    sources = fact.independent_sources if fact.independent_sources is not None \
        else len(fact.articles)
    return sources, len(fact.articles)
