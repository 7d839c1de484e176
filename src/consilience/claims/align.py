"""Align claims from different articles that state the same thing.

Each claim becomes a weighted bag of features: its content lemmas, the classes of its
predicates ("@cancel" for cancel / call off / pull out), its story entities, its normalised
quantities and dates. A feature weighs its inverse frequency among the story's claims times a
prior from general English word frequency (wordfreq), so a rare name or a number counts for
more than a common word. Two claims are as similar as the weighted Dice overlap of their bags.

Candidates are not all pairs: each claim is indexed under its rarest features and compared
only with claims sharing one (blocking), so alignment grows with the story, not its square.
Claims are then merged greedily, best pair first, by average linkage. Last, the claims of one
sentence are gathered in one group (`gather_sentences`): a sentence states one thing to a
reader, and is the text of one fact.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from ..config import AlignConfig
from ..models import Claim
from .quantities import quantity_key

Prior = Callable[[str], float]

_ENTITY_WEIGHT = 1.3
_NAME_WORD_WEIGHT = 0.3
_CLASS_WEIGHT = 1.6
_QUANTITY_WEIGHT = 2.0
_DATE_WEIGHT = 1.6


@lru_cache(maxsize=65536)
def word_prior(term: str) -> float:
    """How telling a word is in general English: rare words near 1.5, common ones 0.3."""
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(term, "en") if term.isascii() else 0.0
    return min(1.5, max(0.3, (7.0 - zipf) / 3.0))


def claim_features(claim: Claim) -> dict[str, float]:
    """The claim's features with their own weights (before story frequency)."""
    features: dict[str, float] = {}
    for term in claim.terms:
        if term.startswith("@"):
            features[term] = _CLASS_WEIGHT
        elif term.startswith("~"):  # a word of an entity's name: the entity counts already
            features[term] = _NAME_WORD_WEIGHT * word_prior(term[1:])
        elif not any(character.isdigit() for character in term):
            features[term] = word_prior(term)
    for entity in claim.entities:
        features[f"#{entity}"] = _ENTITY_WEIGHT
    for quantity in claim.quantities:
        kind, value = quantity_key(quantity)
        features[f"={kind}:{value:g}"] = _QUANTITY_WEIGHT
    for value in claim.dates:
        features[f"^{value}"] = _DATE_WEIGHT
    return features


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

    def keys(self, index: int, count: int) -> list[str]:
        """The claim's most telling features, to block on."""
        bag = self.bags[index]
        return sorted(bag, key=lambda feature: (-bag[feature], feature))[:count]


def candidate_pairs(space: ClaimSpace, config: AlignConfig) -> set[tuple[int, int]]:
    """Pairs of claims of different articles that share one of their telling features."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index in range(len(space.claims)):
        for key in space.keys(index, config.keys):
            postings[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) < 2 or len(members) > config.max_postings:
            continue
        for position, left in enumerate(members):
            article = space.claims[left].span.article
            for right in members[position + 1:]:
                if space.claims[right].span.article != article:
                    pairs.add((left, right) if left < right else (right, left))
    return pairs


def _average_linkage(space: ClaimSpace, left: list[int], right: list[int],
                     scores: dict[tuple[int, int], float]) -> float:
    total = 0.0
    count = 0
    for first in left[:40]:
        for second in right[:40]:
            if space.claims[first].span.article == space.claims[second].span.article:
                continue
            key = (first, second) if first < second else (second, first)
            if key not in scores:
                scores[key] = space.similarity(*key)
            total += scores[key]
            count += 1
    return total / count if count else 0.0


def align_claims(claims: Sequence[Claim], config: AlignConfig = AlignConfig(),
                 space: ClaimSpace | None = None) -> list[list[Claim]]:
    """Groups of claims that state the same thing (singletons included), largest first.
    `space` is `ClaimSpace(claims)` when the caller has it already."""
    if not claims:
        return []
    space = space if space is not None else ClaimSpace(claims)
    scores = {pair: space.similarity(*pair) for pair in candidate_pairs(space, config)}
    group_of = list(range(len(claims)))
    members: dict[int, list[int]] = {index: [index] for index in range(len(claims))}
    for (left, right), score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if score < config.threshold:
            break
        first, second = group_of[left], group_of[right]
        if first == second:
            continue
        if _average_linkage(space, members[first], members[second], scores) < config.linkage:
            continue
        if len(members[first]) < len(members[second]):
            first, second = second, first
        for index in members[second]:
            group_of[index] = first
        members[first].extend(members.pop(second))
    position = {claim.id: index for index, claim in enumerate(claims)}
    aligned = [[claims[index] for index in sorted(group)] for group in members.values()]
    groups = [sorted(group, key=lambda claim: position[claim.id])
              for group in gather_sentences(aligned, space.claim_similarity)]
    groups.sort(key=lambda group: (-len({claim.span.article for claim in group}),
                                   _first_position(group)))
    return groups


def _sentence_key(claim: Claim) -> str:
    """The claim's sentence as its words (the same sentence in two places is one sentence);
    a claim without a known sentence is one on its own."""
    if claim.sentence is None:
        return f"#{claim.id}"
    return " ".join(claim.sentence.text.split())


def gather_sentences(groups: Sequence[Sequence[Claim]],
                     similarity: Callable[[Claim, Claim], float] | None = None
                     ) -> list[list[Claim]]:
    """The groups with all the claims of each sentence in one of them: the group where the
    sentence's claims have the most articles with them, then where they align best with the
    other articles' claims (by `similarity`, when given), then where most of them are, then
    the larger group, then the earlier one. Each sentence chooses from the groups as
    aligned, so the choice does not depend on the order sentences are looked at; groups left
    empty go."""
    found: dict[str, dict[int, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for number, group in enumerate(groups):
        for claim in group:
            found[_sentence_key(claim)][number].append(claim)
    articles = [len({claim.span.article for claim in group}) for group in groups]

    def strength(number: int, own: list[Claim]) -> float:
        """How well the sentence's claims in the group align with other articles' claims."""
        if similarity is None:
            return 0.0
        return sum(max((similarity(claim, other) for other in groups[number]
                        if other.span.article != claim.span.article), default=0.0)
                   for claim in own)

    def home(by_group: dict[int, list[Claim]]) -> int:
        """The group a sentence's claims go to: most articles, then the best aligned, then
        the one holding most of them, then the larger, then the earlier."""
        return max(by_group, key=lambda number: (
            articles[number], strength(number, by_group[number]), len(by_group[number]),
            len(groups[number]), -number))

    chosen = {key: home(by_group) for key, by_group in found.items()}
    gathered: list[list[Claim]] = [[] for _ in groups]
    for group in groups:
        for claim in group:
            gathered[chosen[_sentence_key(claim)]].append(claim)
    return [group for group in gathered if group]


def _first_position(group: Iterable[Claim]) -> tuple[str, int]:
    first = min(group, key=lambda claim: (claim.span.article, claim.span.start))
    return first.span.article, first.span.start
