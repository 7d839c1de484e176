"""Entities by surface name: one entity per distinct name as written, across all articles.

This is the baseline that cross-document resolution improves on: mentions whose names differ
only in case, a leading article, a possessive ending or spacing are one entity; anything else
is kept apart. The type is voted over all mentions, so one mislabelled sentence does not decide.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..models import Alias, Entity, EntityType, Mention

_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?$")
_SPACES = re.compile(r"\s+")

SCHEMA_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "LOC",
    "EVENT": "EVENT", "FAC": "LOC",
}


def surface_key(text: str) -> str:
    """The name with case, a leading article, a possessive ending and spacing normalised."""
    name = _SPACES.sub(" ", text).strip()
    name = _LEADING_ARTICLE.sub("", name)
    name = _POSSESSIVE.sub("", name).strip()
    return name.casefold()


def _display_name(texts: Counter[str]) -> str:
    """The most used spelling, preferring one without a leading article or possessive."""
    def rank(item: tuple[str, int]) -> tuple[int, int, str]:
        text, count = item
        bare = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text)).strip()
        return (-(bare == text), -count, text)
    best = min(texts.items(), key=rank)[0]
    return _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", best)).strip() or best


def entity_id(key: str) -> str:
    return "e-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def entities_by_surface(mentions: Iterable[Mention]) -> list[Entity]:
    """One entity per surface key, most mentioned first."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        key = surface_key(mention.span.text)
        if key:
            groups[key].append(mention)
    entities: list[Entity] = []
    for key, group in groups.items():
        votes = Counter(SCHEMA_TYPES.get(mention.label, "OTHER") for mention in group)
        entity_type = max(votes.items(), key=lambda item: (item[1], item[0] != "OTHER"))[0]
        spellings = Counter(mention.span.text for mention in group)
        articles_by_spelling: dict[str, list[str]] = defaultdict(list)
        for mention in group:
            used = articles_by_spelling[mention.span.text]
            if mention.span.article not in used:
                used.append(mention.span.article)
        aliases = tuple(
            Alias(text, count, tuple(articles_by_spelling[text]), "name")
            for text, count in sorted(spellings.items(), key=lambda item: (-item[1], item[0]))
        )
        articles = tuple(dict.fromkeys(mention.span.article for mention in group))
        entities.append(Entity(
            id=entity_id(key),
            name=_display_name(spellings),
            type=entity_type,
            aliases=aliases,
            articles=articles,
            mentions=tuple(mention.span for mention in group),
        ))
    entities.sort(key=lambda entity: (-len(entity.mentions), entity.name.casefold()))
    return entities
