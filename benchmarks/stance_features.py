"""How a body of evidence claims stands towards one claim, as features for a learned combiner.

Two groups of features describe one claim against the claims of one article:

* relatedness: how well the claim aligns with the evidence (the best and the top-k weighted
  Dice similarity of the claim space, the similarity in the lead), and how much of the claim's
  weighted features, entities, quantities, rare words and predicate class the evidence holds;
* stance cues, read on the best-aligned evidence claims and over the whole evidence: negation
  that differs from the claim's, predicate classes that exclude the claim's (cancelled vs
  postponed, confirmed vs denied), refuting words and denials, hedges and modality, credit to
  a source, quotation, and the number, date and status conflicts the conflicts stage would
  report between the claim and the evidence.

Nothing here decides a stance: a classifier trained on labelled pairs weighs the features
(`fnc.py`, on FNC-1). The word lists are general English news usage, like the claim lexicon.
It lives with the benchmarks because only they use it: the conflicts stage reports typed
disagreements (numbers, dates, statuses, attributions) without a trained stance model, and
these features reuse its finders (`consilience.conflicts`) to say what it would report.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from consilience.conflicts.status import status_conflicts
from consilience.conflicts.values import story_values, value_conflicts
from consilience.lang.en.predicates import incompatible
from consilience.models import Claim


class Space(Protocol):
    """The alignment stage's weighted feature bags of some claims (`claims.ClaimSpace`):
    `bags[i]` maps each feature of `claims[i]` to its own weight times `idf[feature]`; a word
    feature's own weight is its rarity in general English, from 0.3 (common) to 1.5 (rare)."""

    claims: list[Claim]
    bags: list[dict[str, float]]
    idf: dict[str, float]
    mass: list[float]

    def similarity(self, left: int, right: int) -> float: ...

    def claim_similarity(self, left: Claim, right: Claim) -> float: ...


REFUTING_WORDS: frozenset[str] = frozenset({
    "false", "falsely", "fake", "faked", "hoax", "hoaxes", "debunk", "debunked", "debunks",
    "deny", "denied", "denies", "denying", "denial", "untrue", "fabricated", "fabrication",
    "bogus", "fraud", "fraudulent", "baseless", "unfounded", "groundless", "nonsense",
    "misleading", "incorrect", "refute", "refuted", "refutes", "rebut", "rebutted", "dismiss",
    "dismissed", "dismisses", "retract", "retracted", "retraction", "prank", "satire",
    "satirical", "myth", "spoof", "doctored", "photoshopped", "disputed", "disputes",
    "contradict", "contradicted", "contradicts",
})
"""Words with which a text says a claim is not so."""

REFUTING_PHRASES: tuple[str, ...] = (
    "not true", "no truth", "no evidence", "not real", "never happened", "did not happen",
    "didn't happen", "no such", "not the case", "made up", "no basis", "no proof",
)

REPORTING_CUES: frozenset[str] = frozenset({
    "reportedly", "allegedly", "apparently", "purportedly", "supposedly", "seemingly",
    "possibly", "probably", "likely", "unlikely", "perhaps", "maybe", "rumor", "rumors",
    "rumour", "rumours", "rumored", "rumoured", "unconfirmed", "unverified", "alleged",
    "claimed", "suspected", "believed", "appear", "appears", "appeared", "seem", "seems",
    "seemed", "reports", "reported", "report", "claims", "claim", "according", "speculation",
    "speculate", "may", "might", "could", "would", "if", "whether", "purported", "anonymous",
    "sources",
})
"""Words with which a text passes a claim on without taking it as its own."""

CONFIRMING_WORDS: frozenset[str] = frozenset({
    "confirm", "confirmed", "confirms", "confirmation", "verified", "verify", "proof",
    "proved", "proven", "indeed", "officially", "announced", "acknowledged", "admitted",
})

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_QUOTES = ('"', "“", "”", "‘", "’")
_NEGATION_WORDS = frozenset({"not", "no", "never", "n't", "nothing", "none", "nobody", "neither",
                             "nor", "without"})
_RARE_PRIOR = 1.0
_CONTEXT = 0.18  # least similarity for an evidence claim to count as about the same thing


@dataclass(frozen=True, slots=True)
class Cues:
    """What one claim's own words say about its stance towards what it states."""

    refuting: int
    reporting: int
    confirming: int
    negation_words: int
    quoted: bool
    question: bool
    hedged: bool
    attributed: bool
    negated: bool
    denial: bool


@lru_cache(maxsize=65536)
def _cues(text: str, attribution: str, hedges: tuple[str, ...], modality: str,
          attributed: bool, negated: bool, predicate_class: str | None) -> Cues:
    lowered = text.casefold().replace("’", "'")
    words = _WORD.findall(lowered)
    refuting = sum(1 for word in words if word in REFUTING_WORDS) + sum(
        lowered.count(phrase) for phrase in REFUTING_PHRASES)
    refuting += sum(1 for word in _WORD.findall(attribution.casefold())
                    if word in REFUTING_WORDS)
    return Cues(
        refuting=refuting,
        reporting=sum(1 for word in words if word in REPORTING_CUES),
        confirming=sum(1 for word in words if word in CONFIRMING_WORDS),
        negation_words=sum(1 for word in words if word in _NEGATION_WORDS or
                           word.endswith("n't")),
        quoted=any(mark in text for mark in _QUOTES),
        question=text.rstrip(" \"'”’)»").endswith("?"),
        hedged=bool(hedges) or modality in ("hedged", "possible"),
        attributed=attributed,
        negated=negated,
        denial=predicate_class == "deny" or refuting > 0,
    )


def claim_cues(claim: Claim) -> Cues:
    """The stance cues of one claim, read off its span, attribution and slots (the
    attribution's words count: "officials denied that ..." is a denial even though the claim
    is what they denied)."""
    return _cues(claim.span.text, claim.attribution.text if claim.attribution else "",
                 claim.hedges, claim.modality, claim.attributed_to is not None, claim.negated,
                 claim.predicate_class)


def _share(bag: dict[str, float], present: set[str], keep: Callable[[str], bool]
           ) -> tuple[float, int]:
    """Weighted share of the bag's features that `keep` selects found in `present`, and how
    many the bag has."""
    total = found = 0.0
    count = 0
    for feature, weight in bag.items():
        if not keep(feature):
            continue
        count += 1
        total += weight
        if feature in present:
            found += weight
    return (found / total if total else 0.0), count


def _own_weights(space: Space, index: int) -> dict[str, float]:
    """The claim's features with their own weights (before the space's idf)."""
    return {feature: weight / space.idf[feature] for feature, weight in space.bags[index].items()}


def _is_term(feature: str) -> bool:
    return feature[0].isalpha()


FEATURE_GROUPS: dict[str, tuple[str, ...]] = {
    "relatedness": (
        "sim_max", "sim_top", "sim_mean", "sim_lead", "sim_second", "aligned_share",
        "cover_max", "cover_top", "feature_share", "term_share", "rare_share", "rare_found",
        "entity_share", "entity_count", "quantity_share", "date_share", "class_found",
        "best_position", "evidence_size", "prior_share", "prior_lead_share", "term_hits",
        "topic_density", "rare_density"),
    "claim cues": (
        "claim_refuting", "claim_reporting", "claim_hedged", "claim_negated",
        "claim_question", "claim_attributed", "claim_quoted", "claim_negation_words"),
    "best-aligned evidence cues": (
        "top_negated", "top_negation_mismatch", "top_negation_words", "top_refuting",
        "top_denial", "top_reporting", "top_hedged", "top_attributed", "top_quoted",
        "top_confirming", "top_incompatible", "top_same_class", "best_negation_mismatch",
        "best_refuting", "best_hedged", "best_attributed"),
    "related and all evidence cues": (
        "near_refuting", "near_denial", "near_negated", "near_reporting", "near_incompatible",
        "all_refuting", "all_denial", "all_reporting", "all_hedged", "all_attributed",
        "all_quoted", "all_confirming", "all_negated", "refuting_count", "reporting_count"),
    "conflicts": ("status_conflicts", "number_conflicts", "date_conflicts"),
}
"""The features by kind: how related the evidence is; the claim's own cues; cues on the
best-aligned evidence claims; on those about the same thing and on all; and the number, date
and status conflicts the conflicts stage would report."""

FEATURE_NAMES: tuple[str, ...] = tuple(name for group in FEATURE_GROUPS.values()
                                       for name in group)


def stance_features(space: Space, claim: int, evidence: Sequence[int],
                    top: int = 3) -> dict[str, float]:
    """Features of the evidence claims `evidence` (indexes into `space.claims`, in reading
    order) towards the claim `space.claims[claim]`, by name (FEATURE_NAMES, in that order).
    `top` is how many of the best-aligned evidence claims the stance cues are read on."""
    target = space.claims[claim]
    features = dict.fromkeys(FEATURE_NAMES, 0.0)
    own = claim_cues(target)
    features.update({
        "claim_refuting": float(own.refuting), "claim_reporting": float(own.reporting),
        "claim_hedged": float(own.hedged), "claim_negated": float(own.negated),
        "claim_question": float(own.question), "claim_attributed": float(own.attributed),
        "claim_quoted": float(own.quoted), "claim_negation_words": float(own.negation_words),
    })
    if not evidence:
        return features
    scores = [space.similarity(claim, other) for other in evidence]
    ranked = sorted(range(len(evidence)), key=lambda position: (-scores[position], position))
    best = ranked[:top]
    bag = space.bags[claim]
    mass = space.mass[claim]

    def cover(other: int) -> float:
        theirs = space.bags[other]
        return sum(min(weight, theirs[feature]) for feature, weight in bag.items()
                   if feature in theirs) / mass if mass else 0.0

    covers = sorted((cover(evidence[position]) for position in ranked[:max(top, 5)]),
                    reverse=True)
    present: set[str] = set()
    for other in evidence:
        present.update(space.bags[other])
    top_scores = [scores[position] for position in best]
    features.update({
        "sim_max": top_scores[0],
        "sim_top": sum(top_scores) / top,
        "sim_mean": sum(scores) / len(scores),
        "sim_lead": max(scores[:3]),
        "sim_second": top_scores[1] if len(top_scores) > 1 else 0.0,
        "aligned_share": sum(1 for score in scores if score >= _CONTEXT) / len(scores),
        "cover_max": covers[0],
        "cover_top": sum(covers[:top]) / top,
        "best_position": ranked[0] / len(evidence),
        "evidence_size": math.log1p(len(evidence)),
    })
    features["feature_share"], _ = _share(bag, present, lambda feature: True)
    features["term_share"], _ = _share(bag, present, _is_term)
    own_weights = _own_weights(space, claim)
    rare = {feature for feature, weight in own_weights.items()
            if _is_term(feature) and weight >= _RARE_PRIOR}
    features["rare_share"], _ = _share(bag, present, rare.__contains__)
    features["rare_found"] = float(len(rare & present))
    features["entity_share"], entities = _share(bag, present, lambda f: f[0] == "#")
    features["entity_count"] = float(entities)
    features["quantity_share"], _ = _share(bag, present, lambda f: f[0] == "=")
    features["date_share"], _ = _share(bag, present, lambda f: f[0] == "^")
    features.update(_spread(space, own_weights, rare, evidence))
    features["class_found"] = float(target.predicate_class is not None and any(
        space.claims[other].predicate_class == target.predicate_class for other in evidence))

    cues = [claim_cues(space.claims[other]) for other in evidence]
    weights = [max(top_scores[index], 1e-6) for index in range(len(best))]
    weight_sum = sum(weights)

    def top_mean(value: Callable[[int], float]) -> float:
        return sum(weight * value(position) for weight, position in zip(weights, best,
                                                                         strict=True)) / weight_sum

    def clash(position: int) -> bool:
        return incompatible(target.predicate_class, space.claims[evidence[position]]
                            .predicate_class)

    features.update({
        "top_negated": top_mean(lambda p: cues[p].negated),
        "top_negation_mismatch": top_mean(lambda p: cues[p].negated != own.negated),
        "top_negation_words": top_mean(lambda p: min(cues[p].negation_words, 3)),
        "top_refuting": top_mean(lambda p: min(cues[p].refuting, 3)),
        "top_denial": top_mean(lambda p: cues[p].denial),
        "top_reporting": top_mean(lambda p: min(cues[p].reporting, 3)),
        "top_hedged": top_mean(lambda p: cues[p].hedged),
        "top_attributed": top_mean(lambda p: cues[p].attributed),
        "top_quoted": top_mean(lambda p: cues[p].quoted),
        "top_confirming": top_mean(lambda p: min(cues[p].confirming, 3)),
        "top_incompatible": float(any(clash(position) for position in best)),
        "top_same_class": float(target.predicate_class is not None and any(
            space.claims[evidence[position]].predicate_class == target.predicate_class
            for position in best)),
    })
    first = cues[best[0]]
    features.update({
        "best_negation_mismatch": float(first.negated != own.negated),
        "best_refuting": float(min(first.refuting, 3)),
        "best_hedged": float(first.hedged),
        "best_attributed": float(first.attributed),
    })
    near = [position for position in range(len(evidence)) if scores[position] >= _CONTEXT]
    if near:
        features.update({
            "near_refuting": sum(min(cues[p].refuting, 3) for p in near) / len(near),
            "near_denial": sum(cues[p].denial for p in near) / len(near),
            "near_negated": sum(cues[p].negated for p in near) / len(near),
            "near_reporting": sum(min(cues[p].reporting, 3) for p in near) / len(near),
            "near_incompatible": float(any(clash(position) for position in near)),
        })
    count = len(evidence)
    features.update({
        "all_refuting": sum(cue.refuting > 0 for cue in cues) / count,
        "all_denial": sum(cue.denial for cue in cues) / count,
        "all_reporting": sum(cue.reporting > 0 for cue in cues) / count,
        "all_hedged": sum(cue.hedged for cue in cues) / count,
        "all_attributed": sum(cue.attributed for cue in cues) / count,
        "all_quoted": sum(cue.quoted for cue in cues) / count,
        "all_confirming": sum(cue.confirming > 0 for cue in cues) / count,
        "all_negated": sum(cue.negated for cue in cues) / count,
        "refuting_count": math.log1p(sum(cue.refuting for cue in cues)),
        "reporting_count": math.log1p(sum(cue.reporting for cue in cues)),
    })
    features.update(_conflict_counts(space, claim, [evidence[p] for p in best],
                                     [evidence[p] for p in near] or [evidence[best[0]]]))
    return features


def _spread(space: Space, own: dict[str, float], rare: set[str], evidence: Sequence[int]
            ) -> dict[str, float]:
    """How the claim's features spread over the evidence, weighted by their own weights
    (word rarity in general English, not frequency among these claims, so a word the
    evidence repeats in every claim still counts): the share found anywhere and in the lead,
    how many evidence claims hold each (log), and the share of evidence claims holding any of
    its telling features (rare words, entities, quantities, dates) or any rare word."""
    total = sum(own.values())
    if not total:
        return {}
    held: dict[str, int] = dict.fromkeys(own, 0)
    lead: set[str] = set()
    telling = {feature for feature in own if feature[0] in "#=^"} | rare
    topical = rare_hits = 0
    for position, other in enumerate(evidence):
        theirs = space.bags[other]
        shared = [feature for feature in own if feature in theirs]
        for feature in shared:
            held[feature] += 1
        if position < 3:
            lead.update(shared)
        topical += any(feature in telling for feature in shared)
        rare_hits += any(feature in rare for feature in shared)
    return {
        "prior_share": sum(own[feature] for feature, hits in held.items() if hits) / total,
        "prior_lead_share": sum(own[feature] for feature in lead) / total,
        "term_hits": sum(own[feature] * math.log1p(hits) for feature, hits in held.items())
        / total,
        "topic_density": topical / len(evidence),
        "rare_density": rare_hits / len(evidence),
    }


def _conflict_counts(space: Space, claim: int, best: Sequence[int],
                     near: Sequence[int]) -> dict[str, float]:
    """How many number, date and status conflicts the conflicts stage finds between the claim
    and its best-aligned evidence (values) or the evidence about the same thing (statuses)."""
    target = space.claims[claim]
    counts = {"status_conflicts": 0.0, "number_conflicts": 0.0, "date_conflicts": 0.0}
    if target.quantities or target.dates:
        group = (target, *(space.claims[other] for other in best))
        held = story_values([target, *(space.claims[other] for other in near)])
        for kind, _sides, _subject in value_conflicts(group, held):
            key = f"{kind}_conflicts"
            if key in counts:
                counts[key] += 1.0
    if target.statuses and any(space.claims[other].statuses for other in near):
        claims = [target, *(space.claims[other] for other in near)]
        for sides, _thing in status_conflicts(claims, space.claim_similarity):
            articles = [set(side.articles) for side in sides]
            if any(target.span.article in side for side in articles) and any(
                    target.span.article not in side for side in articles):
                counts["status_conflicts"] += 1.0
    return counts
