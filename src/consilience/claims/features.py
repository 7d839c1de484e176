"""A claim as a weighted bag of features: its content lemmas, the classes of its predicates
("@cancel" for cancel / call off / pull out), its story entities, its normalised quantities
and dates. A feature's own weight is a prior from general English word frequency (wordfreq)
for a word, so a rare name or a number counts for more than a common word; the story's
inverse frequency is applied by whoever compares claims (`align.ClaimSpace`,
`sentence_space.SentenceSpace`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

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
