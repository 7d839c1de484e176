"""Align the claims of different articles that state the same thing into groups: the facts.

Claims are compared two ways. `ClaimSpace` holds each claim's weighted feature bag
(`features`), each feature weighing its inverse frequency among the story's claims times its
own prior, and says how alike two claims are (weighted Dice); the conflicts stage uses it to
tell whether two claims are about the same thing. Facts are made of whole sentences
(`sentence_space`): a sentence states one thing to a reader and is the text of one fact, so
the sentences of different articles are aligned, each carrying all its claims.

Sentences are merged greedily, the most alike pair first, by average linkage: two groups join
when the pair is alike enough (`AlignConfig.threshold`) and their sentences of different
articles are alike on average (`AlignConfig.linkage`). A group holds at most
`AlignConfig.per_article` sentences of one article (one by default: an outlet that says a
thing twice, in its lead and again further down, gives a second, single-source row; letting
two in joins loosely related sentences into topics, not facts).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..config import AlignConfig
from ..models import Claim
from .features import Prior, claim_features
from .sentence_space import SentenceSpace


class ClaimSpace:
    """Weighted feature bags of a story's claims, and their pairwise similarity."""

    def __init__(self, claims: Sequence[Claim], prior: Prior | None = None):
        self.claims = list(claims)
        raw = [claim_features(claim) for claim in self.claims]
        if prior is not None:
            raw = [{feature: (prior(feature) if feature[0].isalpha() else weight)
                    for feature, weight in bag.items()} for bag in raw]
        frequency = Counter(feature for bag in raw for feature in bag)
        total = max(len(raw), 1)
        self.idf = {feature: math.log(1.0 + total / count) for feature, count in frequency.items()}
        self.bags = [{feature: weight * self.idf[feature] for feature, weight in bag.items()}
                     for bag in raw]
        self.mass = [sum(bag.values()) for bag in self.bags]
        self.index = {claim.id: position for position, claim in enumerate(self.claims)}

    def claim_similarity(self, left: Claim, right: Claim) -> float:
        """`similarity` of two claims of the space, by their ids."""
        return self.similarity(self.index[left.id], self.index[right.id])

    def similarity(self, left: int, right: int) -> float:
        """Weighted Dice overlap of two claims' feature bags, in [0, 1]."""
        bag, other = self.bags[left], self.bags[right]
        if len(other) < len(bag):
            bag, other = other, bag
        shared = 0.0
        telling = False  # a shared entity alone does not make two claims say the same
        for feature, weight in bag.items():
            if feature in other:
                shared += min(weight, other[feature])
                telling = telling or feature[0] not in "#~"
        if not telling:
            return 0.0
        mass = self.mass[left] + self.mass[right]
        return 2.0 * shared / mass if mass else 0.0


def _average_linkage(space: SentenceSpace, left: list[int], right: list[int],
                     scores: dict[tuple[int, int], float]) -> float:
    total = 0.0
    count = 0
    for first in left[:40]:
        for second in right[:40]:
            if space.articles[first] == space.articles[second]:
                continue
            key = (first, second) if first < second else (second, first)
            if key not in scores:
                scores[key] = space.known_similarity(*key)
            total += scores[key]
            count += 1
    return total / count if count else 0.0


def _fits(space: SentenceSpace, left: list[int], right: list[int], limit: int) -> bool:
    """Whether the joined group holds at most `limit` sentences of any one article."""
    counts = Counter(space.articles[index] for index in left)
    counts.update(space.articles[index] for index in right)
    return max(counts.values()) <= limit


def align_sentences(space: SentenceSpace, config: AlignConfig | None = None
                    ) -> list[list[int]]:
    """Groups of the space's sentences that state the same thing (see the module's
    docstring), each in sentence order; `config` gives other merge thresholds than the
    space's own."""
    config = config or space.config
    scores = dict(space.scored_pairs(config.threshold))
    group_of = list(range(len(space)))
    members: dict[int, list[int]] = {index: [index] for index in range(len(space))}
    for (left, right), score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if score < config.threshold:
            break
        first, second = group_of[left], group_of[right]
        if first == second or not _fits(space, members[first], members[second],
                                         config.per_article):
            continue
        single = len(members[first]) == len(members[second]) == 1
        # two single sentences are as alike on average as their pair
        linkage = score if single else _average_linkage(space, members[first],
                                                         members[second], scores)
        if linkage < config.linkage:
            continue
        if len(members[first]) < len(members[second]):
            first, second = second, first
        for index in members[second]:
            group_of[index] = first
        members[first].extend(members.pop(second))
    return [sorted(group) for group in members.values()]


def align_claims(claims: Sequence[Claim], config: AlignConfig = AlignConfig(),
                 space: SentenceSpace | None = None) -> list[list[Claim]]:
    """Groups of claims that state the same thing (singletons included), each group the
    claims of whole sentences, the groups with the most articles first. `space` is
    `SentenceSpace(claims, config)` when the caller has it already."""
    if not claims:
        return []
    space = space if space is not None else SentenceSpace(claims, config)
    position = {claim.id: index for index, claim in enumerate(claims)}
    groups = [sorted((claim for index in group for claim in space.claims[index]),
                     key=lambda claim: position[claim.id])
              for group in align_sentences(space, config)]
    groups.sort(key=lambda group: (-len({claim.span.article for claim in group}),
                                   _first_position(group)))
    return groups


def _first_position(group: Iterable[Claim]) -> tuple[str, int]:
    first = min(group, key=lambda claim: (claim.span.article, claim.span.start))
    return first.span.article, first.span.start


def comparable_groups(space: SentenceSpace) -> list[list[Claim]]:
    """The claims of sentences alike enough to compare their values (numbers, days), in
    groups of two or more articles: a looser alignment than facts (`AlignConfig.compare_*`).
    Two outlets that disagree on a figure state it in sentences that differ in that figure
    and often in much else, so they fall below the likeness that joins a fact; the same
    quantity of the same thing in them (`conflicts.values`) is what makes them comparable."""
    config = space.config
    looser = replace(config, threshold=config.compare_threshold,
                     linkage=config.compare_linkage, per_article=config.compare_per_article)
    groups = [[claim for index in group for claim in space.claims[index]]
              for group in align_sentences(space, looser)]
    return [group for group in groups if len({claim.span.article for claim in group}) > 1]
