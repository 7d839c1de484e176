"""Coreference scores: MUC, B-cubed, CEAF-e and the CoNLL F1 (their mean), in pure Python.

Key and response are partitions given as lists of sets of mention ids (any hashable). The
definitions follow Pradhan et al. 2014, "Scoring Coreference Partitions of Predicted Mentions:
A Reference Implementation" (ACL), which is what the reference scorer (v8) computes:

- MUC (Vilain et al. 1995): recall = sum over key entities K of (|K| - |p(K)|) / sum (|K| - 1),
  where p(K) is the partition of K by the response, a mention of K in no response entity
  counting as a part of its own; precision swaps key and response.
- B-cubed (Bagga & Baldwin 1998): recall = sum over K, R of |K & R|^2 / |K|, divided by the
  number of key mentions; precision the same with |R| and the response mentions.
- CEAF-e (Luo 2005): phi4(K, R) = 2 |K & R| / (|K| + |R|), summed over the best one-to-one
  alignment of key and response entities (Hungarian algorithm, here per connected component
  of the overlap graph); recall divides by the number of key entities, precision by the number
  of response entities.

Empty sets are ignored. A score whose denominator is zero is 0 (as in the reference scorer,
e.g. MUC recall of a key made only of singletons), and so is F1 when precision + recall = 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

Cluster = frozenset[Hashable]
Partition = Sequence[Cluster]


@dataclass(frozen=True, slots=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0


@dataclass(frozen=True, slots=True)
class CorefScores:
    muc: Score
    b3: Score
    ceafe: Score

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceafe.f1) / 3


def _clusters(partition: Iterable[Iterable[Hashable]]) -> list[Cluster]:
    return [cluster for cluster in (frozenset(items) for items in partition) if cluster]


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _muc_recall(key: list[Cluster], response: list[Cluster]) -> float:
    owner = {mention: index for index, cluster in enumerate(response) for mention in cluster}
    numerator = denominator = 0
    for cluster in key:
        parts = {owner.get(mention, ("alone", mention)) for mention in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return _ratio(numerator, denominator)


def muc(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    k, r = _clusters(key), _clusters(response)
    return Score(_muc_recall(k, r), _muc_recall(r, k))


def _overlaps(key: list[Cluster], response: list[Cluster]) -> dict[tuple[int, int], int]:
    """|K & R| for every pair of key and response entities that share a mention."""
    owner = {mention: index for index, cluster in enumerate(response) for mention in cluster}
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for index, cluster in enumerate(key):
        for mention in cluster:
            other = owner.get(mention)
            if other is not None:
                counts[(index, other)] += 1
    return counts


def b_cubed(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
            ) -> Score:
    k, r = _clusters(key), _clusters(response)
    overlaps = _overlaps(k, r)
    recall = sum(n * n / len(k[i]) for (i, _), n in overlaps.items())
    precision = sum(n * n / len(r[j]) for (_, j), n in overlaps.items())
    return Score(_ratio(recall, sum(map(len, k))), _ratio(precision, sum(map(len, r))))


def hungarian_max(weights: Sequence[Sequence[float]]) -> tuple[float, list[tuple[int, int]]]:
    """The maximum-weight one-to-one assignment of rows to columns of a rectangular matrix.

    Returns the total weight and the (row, column) pairs. Pure Python, O(n^2 m) for n <= m
    (the shortest augmenting path form of the Hungarian algorithm, Kuhn-Munkres).
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return 0.0, []
    transposed = rows > cols
    if transposed:
        weights = [list(column) for column in zip(*weights, strict=True)]
        rows, cols = cols, rows
    top = max(max(row) for row in weights)
    cost = [[top - value for value in row] for row in weights]  # minimise, all >= 0
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    match = [0] * (cols + 1)  # match[j] = row (1-based) assigned to column j; 0 = none
    way = [0] * (cols + 1)
    for row in range(1, rows + 1):
        match[0] = row
        column = 0
        least = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[column] = True
            current = match[column]
            delta = inf
            nearest = 0
            cost_row = cost[current - 1]
            u_current = u[current]
            for j in range(1, cols + 1):
                if used[j]:
                    continue
                reduced = cost_row[j - 1] - u_current - v[j]
                if reduced < least[j]:
                    least[j] = reduced
                    way[j] = column
                if least[j] < delta:
                    delta = least[j]
                    nearest = j
            for j in range(cols + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            column = nearest
            if match[column] == 0:
                break
        while column:
            previous = way[column]
            match[column] = match[previous]
            column = previous
    pairs = [(match[j] - 1, j - 1) for j in range(1, cols + 1) if match[j]]
    if transposed:
        pairs = [(j, i) for i, j in pairs]
        total = sum(weights[j][i] for i, j in pairs)
    else:
        total = sum(weights[i][j] for i, j in pairs)
    return total, sorted(pairs)


def _components(pairs: Iterable[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """Connected components of the bipartite overlap graph: (key indices, response indices)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in pairs:
        a, b = find(("k", i)), find(("r", j))
        if a != b:
            parent[a] = b
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for node in list(parent):
        side, index = node
        groups[find(node)][0 if side == "k" else 1].append(index)
    return [(sorted(keys), sorted(responses)) for keys, responses in groups.values()]


def ceaf_e(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    k, r = _clusters(key), _clusters(response)
    overlaps = _overlaps(k, r)
    total = 0.0
    # Entities that share no mention score 0, so the best alignment of the whole matrix is
    # the union of the best alignments of each connected component.
    for key_ids, response_ids in _components(overlaps):
        matrix = [[2 * overlaps.get((i, j), 0) / (len(k[i]) + len(r[j]))
                   for j in response_ids] for i in key_ids]
        if len(key_ids) == 1 or len(response_ids) == 1:
            total += max(max(row) for row in matrix)
        else:
            total += hungarian_max(matrix)[0]
    return Score(_ratio(total, len(k)), _ratio(total, len(r)))


def score(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
          ) -> CorefScores:
    k, r = _clusters(key), _clusters(response)
    return CorefScores(muc(k, r), b_cubed(k, r), ceaf_e(k, r))
