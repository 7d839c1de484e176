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

In a story of up to `AlignConfig.all_pairs` sentences every pair of different articles'
sentences is compared, at once, as matrices: the vectors' cosines in one product, the
feature overlaps summed feature by feature over the sentences that hold each. Above that,
only each sentence's nearest neighbours by vector and the pairs that share a rare feature
(`SentenceSpace.candidate_pairs`) are, one by one, so a large story costs N times the
neighbours, not N squared. Either way each pair is scored once per story.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from ..config import AlignConfig
from ..models import Claim, Span
from ..vectors import sentence_vectors
from .features import claim_features

_CHUNK = 512


def sentence_key(claim: Claim) -> tuple[str, str]:
    """The claim's article and sentence as its words (the same sentence in two places of an
    article is one sentence); a claim without a known sentence is one on its own."""
    if claim.sentence is None:
        return claim.span.article, f"#{claim.id}"
    return claim.span.article, " ".join(claim.sentence.text.split())


def _incidence(bags: Sequence[dict[str, float]]
               ) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """Which sentence holds which feature (a 0/1 sparse matrix), each feature's weight and
    whether it is telling. A feature weighs the same in every sentence that holds it (its
    prior times its inverse frequency in the story), so the weighted overlap of two bags is
    the weights of the features both hold, summed: one sparse product for many pairs."""
    index: dict[str, int] = {}
    weights: list[float] = []
    rows: list[int] = []
    columns: list[int] = []
    for row, bag in enumerate(bags):
        for feature, weight in bag.items():
            if feature not in index:
                index[feature] = len(weights)
                weights.append(weight)
            rows.append(row)
            columns.append(index[feature])
    holds = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)),
                              shape=(len(bags), len(weights)))
    telling = np.array([feature[0] not in "#~" for feature in index], dtype=np.float64)
    return holds, np.array(weights, dtype=np.float64), telling


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
        self._holds, self._weights, self._telling = _incidence(self.bags)
        self._scored: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._known: dict[int, float] | None = None

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
        """How alike two sentences are, in [0, 1] (see the module's docstring); 0 for two
        sentences of one article."""
        if self.articles[left] == self.articles[right]:
            return 0.0
        meaning = max(0.0, float(self.vectors[left] @ self.vectors[right]))
        dice, telling = self.overlap(left, right)
        if not telling and meaning < self.config.paraphrase:
            return 0.0
        weight = self.config.meaning_weight
        return weight * meaning + (1.0 - weight) * dice

    def known_similarity(self, left: int, right: int) -> float:
        """`similarity`, read from the scored pairs when every pair alike at all was scored
        (a story of up to `all_pairs` sentences: any other pair is 0), else computed."""
        if len(self) > self.config.all_pairs:
            return self.similarity(left, right)
        if self._known is None:
            self.scored_pairs(1.0)
            assert self._scored is not None
            lefts, rights, scores = self._scored
            self._known = dict(zip((lefts * len(self) + rights).tolist(), scores.tolist(),
                                   strict=True))
        low, high = (left, right) if left < right else (right, left)
        return self._known.get(low * len(self) + high, 0.0)

    def scored_pairs(self, floor: float) -> list[tuple[tuple[int, int], float]]:
        """((left, right), similarity) of the compared pairs (left < right, different
        articles) at least `floor` alike (`floor` > 0)."""
        if self._scored is None:
            if len(self) > self.config.all_pairs:
                pairs = sorted(self.candidate_pairs())
                lefts = np.array([left for left, _ in pairs], dtype=np.int64)
                rights = np.array([right for _, right in pairs], dtype=np.int64)
                self._scored = lefts, rights, self._similarities(lefts, rights)
            else:
                self._scored = self._all_alike()
        lefts, rights, scores = self._scored
        kept = scores >= floor
        return [((left, right), score) for left, right, score
                in zip(lefts[kept].tolist(), rights[kept].tolist(), scores[kept].tolist(),
                       strict=True)]

    def _all_alike(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every pair of different articles' sentences that is alike at all, with its
        similarity: the pairs sharing a telling feature (a sparse product) and those whose
        vectors are a paraphrase's, scored in blocks of rows."""
        count = len(self)
        weighted = self._holds.multiply(self._weights[None, :]).tocsr()
        shared = sparse.triu(weighted @ self._holds.T, k=1).tocsr()
        telling_holds = self._holds.multiply(self._telling[None, :]).tocsr()
        telling = sparse.triu(telling_holds @ telling_holds.T, k=1).tocsr()
        articles = np.array(self.articles)
        mass = np.array(self.mass)
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for start in range(0, count, _CHUNK):
            end = min(start + _CHUNK, count)
            meaning = np.clip(self.vectors[start:end] @ self.vectors.T, 0.0, None)
            tells = telling[start:end].toarray() > 0
            alike = np.triu(tells | (meaning >= self.config.paraphrase), k=1 - start)
            rows, columns = np.nonzero(alike)
            rows_in_story = rows + start
            apart = articles[rows_in_story] != articles[columns]
            rows, columns, rows_in_story = rows[apart], columns[apart], rows_in_story[apart]
            overlap = np.asarray(shared[start:end].toarray()[rows, columns], dtype=np.float64)
            found.append((rows_in_story, columns, self._mean(
                meaning[rows, columns].astype(np.float64), overlap,
                mass[rows_in_story] + mass[columns])))
        if not found:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        lefts, rights, scores = (np.concatenate(parts) for parts in zip(*found, strict=True))
        return lefts.astype(np.int64), rights.astype(np.int64), scores

    def _similarities(self, lefts: np.ndarray, rights: np.ndarray) -> np.ndarray:
        """`similarity` of many pairs of different articles at once."""
        if not len(lefts):
            return np.zeros(0)
        meaning = np.clip(np.einsum("ij,ij->i", self.vectors[lefts], self.vectors[rights]),
                          0.0, None).astype(np.float64)
        both = self._holds[lefts].multiply(self._holds[rights]).tocsr()
        telling = (both @ self._telling) > 0
        mass = np.array(self.mass)
        scores = self._mean(meaning, both @ self._weights, mass[lefts] + mass[rights])
        return np.where(telling | (meaning >= self.config.paraphrase), scores, 0.0)

    def _mean(self, meaning: np.ndarray, overlap: np.ndarray, mass: np.ndarray) -> np.ndarray:
        """The weighted mean of cosines and Dice overlaps (`overlap`: the weight of the
        features both sentences hold; `mass`: both bags' total weight), pair by pair."""
        dice = np.divide(2.0 * overlap, mass, out=np.zeros_like(mass), where=mass > 0)
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
