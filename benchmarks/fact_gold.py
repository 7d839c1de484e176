"""Matching output facts to the public seed gold (`shared/gold/japan-2plus2.json`, "facts").

The gold's own rule: an output fact matches a gold fact when its text or one of its claims
contains every "must" term (case-insensitive; "|" separates alternatives); the gold "articles"
are the reports (file-name prefixes 000..004) that state it. For each gold fact we report
whether any output fact matches and the support-set Jaccard of the best match, and also of a
one-to-one assignment (no output fact credited for two gold facts), which is stricter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class FactMatch:
    gold: str
    found: bool
    jaccard: float  # best matching output fact
    fact: str | None
    articles: tuple[str, ...]  # gold keys of that fact's articles
    one_to_one_jaccard: float


def gold_keys(articles: Sequence[Any]) -> dict[str, str]:
    """article id -> gold key: the "000" prefix of the file an article was read from."""
    return {article.id: Path(article.source).name[:3] for article in articles}


def matches(terms: Sequence[str], texts: Sequence[str]) -> bool:
    lowered = [text.casefold() for text in texts]
    return all(any(any(option.casefold() in text for text in lowered)
                   for option in term.split("|")) for term in terms)


def _jaccard(left: set[str], right: set[str]) -> float:
    return len(left & right) / len(left | right) if left | right else 1.0


def match_facts(gold_facts: Sequence[Mapping[str, Any]], facts: Sequence[Any],
                keys: Mapping[str, str]) -> list[FactMatch]:
    candidates: list[list[tuple[float, int]]] = []
    for gold in gold_facts:
        expected = set(gold["articles"])
        found = []
        for number, fact in enumerate(facts):
            texts = [fact.text, *(claim.span.text for claim in fact.claims)]
            if matches(gold["must"], texts):
                support = {keys.get(article, article) for article in fact.articles}
                found.append((_jaccard(expected, support), number))
        found.sort(key=lambda item: (-item[0], item[1]))
        candidates.append(found)
    assigned: dict[int, float] = {}
    used: set[int] = set()
    order = sorted(range(len(gold_facts)), key=lambda index: len(candidates[index]))
    for index in order:
        choice = next(((score, number) for score, number in candidates[index]
                       if number not in used), None)
        if choice is not None:
            used.add(choice[1])
            assigned[index] = choice[0]
    results = []
    for index, gold in enumerate(gold_facts):
        best = candidates[index][0] if candidates[index] else None
        fact = facts[best[1]] if best else None
        results.append(FactMatch(
            gold=gold["id"], found=best is not None, jaccard=best[0] if best else 0.0,
            fact=fact.id if fact else None,
            articles=tuple(sorted(keys.get(article, article) for article in fact.articles))
            if fact else (),
            one_to_one_jaccard=assigned.get(index, 0.0)))
    return results
