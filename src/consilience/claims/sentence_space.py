"""The story's sentences as units of alignment, and how alike two of them are.

A reader takes a sentence as one statement, and a fact's text is one sentence, so facts are
made of whole sentences: every claim of a sentence goes where its sentence goes. Two
sentences of different articles are as alike as the mean of two measures:

- what they mean: the cosine of their sentence vectors (`vectors`), which sees that
  "resigned" and "stepped down", "taxpayer funds" and "public money" say one thing;
- what they name: the weighted Dice overlap of their claims' feature bags (`align`): the
  same entities, numbers, dates, predicate classes and rare words, weighted by how telling
  each is in the story.

A shared name alone never makes two sentences alike: when the sentences share no telling
feature (a word, class, number or date, not only an entity), they must mean the same by
their vectors alone (`AlignConfig.paraphrase`), as a paraphrase does.

The candidate pairs are every pair of different articles' sentences in a story of up to
`AlignConfig.all_pairs` sentences; above that, each sentence's nearest neighbours by vector
and the pairs that share a rare feature (`align.candidate_pairs`'s blocking), so large
stories cost N times the neighbours, not N squared.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from ..config import AlignConfig
from ..models import Claim, Span
from ..vectors import sentence_vectors
from .features import claim_features

_CHUNK = 1024


def sentence_key(claim: Claim) -> tuple[str, str]:
    """The claim's article and sentence as its words (the same sentence in two places of an
    article is one sentence); a claim without a known sentence is one on its own."""
    if claim.sentence is None:
        return claim.span.article, f"#{claim.id}"
    return claim.span.article, " ".join(claim.sentence.text.split())


class SentenceSpace:
    """A story's sentences (in the order of their first claims), their claims, feature bags
    and vectors."""

    def __init__(self, claims: Sequence[Claim], config: AlignConfig = AlignConfig()):
        self.config = config
        by_sentence: dict[tuple[str, str], list[Claim]] = {}
        for claim in claims:
            by_sentence.setdefault(sentence_key(claim), []).append(claim)
        self.claims: list[list[Claim]] = list(by_sentence.values())
        self.articles = [members[0].span.article for members in self.claims]
        raw: list[dict[str, float]] = []
        for members in self.claims:
            bag: dict[str, float] = {}
            for claim in members:
                for feature, weight in claim_features(claim).items():
                    bag[feature] = max(bag.get(feature, 0.0), weight)
            raw.append(bag)
        frequency = Counter(feature for bag in raw for feature in bag)
        total = max(len(raw), 1)
        idf = {feature: math.log(1.0 + total / count) for feature, count in frequency.items()}
        self.bags = [{feature: weight * idf[feature] for feature, weight in bag.items()}
                     for bag in raw]
        self.mass = [sum(bag.values()) for bag in self.bags]
        self.vectors = sentence_vectors([self.span(index).text for index in range(len(self))])

    def __len__(self) -> int:
        return len(self.claims)

    def span(self, index: int) -> Span:
        """The sentence itself (the claim's own span when its sentence is not known)."""
        first = self.claims[index][0]
        return first.sentence or first.span

    def overlap(self, left: int, right: int) -> tuple[float, bool]:
        """Weighted Dice overlap of two sentences' feature bags, and whether they share a
        telling feature (anything but an entity or a word of its name)."""
        bag, other = self.bags[left], self.bags[right]
        if len(other) < len(bag):
            bag, other = other, bag
        shared = 0.0
        telling = False
        for feature, weight in bag.items():
            if feature in other:
                shared += min(weight, other[feature])
                telling = telling or feature[0] not in "#~"
        mass = self.mass[left] + self.mass[right]
        return (2.0 * shared / mass if mass else 0.0), telling

    def similarity(self, left: int, right: int) -> float:
        """How alike two sentences are, in [0, 1] (see the module's docstring)."""
        meaning = max(0.0, float(self.vectors[left] @ self.vectors[right]))
        dice, telling = self.overlap(left, right)
        if not telling and meaning < self.config.paraphrase:
            return 0.0
        weight = self.config.meaning_weight
        return weight * meaning + (1.0 - weight) * dice

    def candidate_pairs(self) -> set[tuple[int, int]]:
        """Pairs of sentences of different articles worth comparing (see the module's
        docstring)."""
        count = len(self)
        articles = np.array(self.articles)
        pairs: set[tuple[int, int]] = set()
        if count <= self.config.all_pairs:
            for left in range(count):
                for right in np.nonzero(articles[left + 1:] != articles[left])[0]:
                    pairs.add((left, left + 1 + int(right)))
            return pairs
        neighbours = min(self.config.neighbours, count - 1)
        for start in range(0, count, _CHUNK):
            block = self.vectors[start:start + _CHUNK] @ self.vectors.T
            block[articles[start:start + _CHUNK, None] == articles[None, :]] = -2.0
            nearest = np.argpartition(-block, neighbours, axis=1)[:, :neighbours]
            for offset, row in enumerate(nearest):
                left = start + offset
                for right in row.tolist():
                    if articles[right] != articles[left]:
                        pairs.add((min(left, right), max(left, right)))
        return pairs | self._shared_rare_features()

    def _shared_rare_features(self) -> set[tuple[int, int]]:
        postings: dict[str, list[int]] = defaultdict(list)
        for index, bag in enumerate(self.bags):
            for feature in sorted(bag, key=lambda name: (-bag[name], name))[:self.config.keys]:
                postings[feature].append(index)
        pairs: set[tuple[int, int]] = set()
        for members in postings.values():
            if len(members) < 2 or len(members) > self.config.max_postings:
                continue
            for position, left in enumerate(members):
                for right in members[position + 1:]:
                    if self.articles[left] != self.articles[right]:
                        pairs.add((left, right))
        return pairs
