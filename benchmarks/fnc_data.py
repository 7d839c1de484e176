"""FNC-1 (Fake News Challenge, stage 1): the CSV reader, body-grouped splits and the official
scorer (a line-for-line port of the challenge's scorer.py), with per-class F1.

The data are the challenge's four CSV files in one folder: train_bodies.csv and
competition_test_bodies.csv ("Body ID", "articleBody"), train_stances.csv and
competition_test_stances.csv ("Headline", "Body ID", "Stance").
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
RELATED: tuple[str, ...] = LABELS[:3]
SPLITS: dict[str, str] = {"train": "train", "test": "competition_test"}


@dataclass(frozen=True, slots=True)
class Pair:
    headline: str
    body: int
    stance: str


@dataclass(frozen=True, slots=True)
class Split:
    name: str
    bodies: dict[int, str]
    pairs: list[Pair]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_split(directory: Path, split: str) -> Split:
    """The bodies and (headline, body, stance) pairs of "train" or "test"."""
    prefix = SPLITS[split]
    bodies = {int(row["Body ID"]): row["articleBody"]
              for row in _rows(directory / f"{prefix}_bodies.csv")}
    pairs = []
    for row in _rows(directory / f"{prefix}_stances.csv"):
        stance = row["Stance"].strip()
        if stance not in LABELS:
            raise ValueError(f"{prefix}_stances.csv: unknown stance {stance!r}")
        body = int(row["Body ID"])
        if body not in bodies:
            raise ValueError(f"{prefix}_stances.csv: body {body} not in {prefix}_bodies.csv")
        pairs.append(Pair(row["Headline"], body, stance))
    return Split(split, bodies, pairs)


def limit_bodies(split: Split, count: int, seed: int = 0) -> Split:
    """The split restricted to `count` bodies drawn at random (and their pairs)."""
    if count >= len(split.bodies):
        return split
    chosen = set(random.Random(seed).sample(sorted(split.bodies), count))
    return Split(split.name, {body: text for body, text in split.bodies.items() if body in chosen},
                 [pair for pair in split.pairs if pair.body in chosen])


def split_by_body(pairs: Sequence[Pair], held_out: float, seed: int = 0
                  ) -> tuple[list[int], list[int]]:
    """Indexes of pairs to fit on and to hold out, so that no body is on both sides."""
    bodies = sorted({pair.body for pair in pairs})
    random.Random(seed).shuffle(bodies)
    held = set(bodies[:round(len(bodies) * held_out)])
    fit = [index for index, pair in enumerate(pairs) if pair.body not in held]
    rest = [index for index, pair in enumerate(pairs) if pair.body in held]
    return fit, rest


def split_by_topic(pairs: Sequence[Pair], held_out: float, seed: int = 0
                   ) -> tuple[list[int], list[int]]:
    """Indexes of pairs to fit on and to hold out, by topic: bodies joined through a headline
    they are related to (agree, disagree, discuss) are one topic, and a topic is wholly on one
    side, so neither a body nor a related headline is on both (as in the test set, whose
    bodies and headlines are all new). About `held_out` of the bodies are held out."""
    parent: dict[tuple[str, object], tuple[str, object]] = {}

    def find(item: tuple[str, object]) -> tuple[str, object]:
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for pair in pairs:
        body = find(("body", pair.body))
        if pair.stance != "unrelated":
            parent[find(("headline", pair.headline))] = body
    topics: dict[tuple[str, object], list[int]] = {}
    for body in sorted({pair.body for pair in pairs}):
        topics.setdefault(find(("body", body)), []).append(body)
    groups = sorted(topics.values())
    random.Random(seed).shuffle(groups)
    total = sum(len(group) for group in groups)
    held: set[int] = set()
    for group in groups:
        if len(held) >= held_out * total:
            break
        held.update(group)
    fit = [index for index, pair in enumerate(pairs) if pair.body not in held]
    rest = [index for index, pair in enumerate(pairs) if pair.body in held]
    return fit, rest


def score_submission(gold: Iterable[str], predicted: Iterable[str]
                     ) -> tuple[float, list[list[int]]]:
    """The official FNC-1 score and confusion matrix (rows gold, columns predicted, in LABELS
    order): +0.25 for an exact match, +0.50 more when that match is a related stance, and
    +0.25 whenever gold and prediction are both related (any of agree, disagree, discuss)."""
    score = 0.0
    matrix = [[0] * len(LABELS) for _ in LABELS]
    for gold_stance, test_stance in zip(gold, predicted, strict=True):
        if gold_stance == test_stance:
            score += 0.25
            if gold_stance != "unrelated":
                score += 0.50
        if gold_stance in RELATED and test_stance in RELATED:
            score += 0.25
        matrix[LABELS.index(gold_stance)][LABELS.index(test_stance)] += 1
    return score, matrix


def max_score(gold: Iterable[str]) -> float:
    """The score of a perfect submission (the official scorer scores gold against itself)."""
    return sum(0.25 if stance == "unrelated" else 1.0 for stance in gold)


def relative_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Score as a percentage of the best possible: the figure the leaderboard reports."""
    best = max_score(gold)
    return 100.0 * score_submission(gold, predicted)[0] / best if best else 0.0


def f1_scores(matrix: Sequence[Sequence[int]]) -> dict[str, float]:
    """F1 of each class from a confusion matrix (rows gold, columns predicted), and "macro"
    (their unweighted mean); a class never gold nor predicted scores 0."""
    scores: dict[str, float] = {}
    for index, label in enumerate(LABELS):
        true = matrix[index][index]
        gold = sum(matrix[index])
        predicted = sum(row[index] for row in matrix)
        scores[label] = 2.0 * true / (gold + predicted) if gold + predicted else 0.0
    scores["macro"] = sum(scores[label] for label in LABELS) / len(LABELS)
    return scores
