"""Resolve: entities across the articles of a story."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..models import Article, Entity, Mention
from .surface import entities_by_surface, entity_id, surface_key

__all__ = ["entities_by_surface", "entity_id", "resolve_entities", "surface_key"]


def resolve_entities(articles: Sequence[Article], docs: Sequence[Doc],
                     mentions: Sequence[Mention]) -> list[Entity]:
    """Story entities from the mentions of all articles (`docs[i]` is `articles[i]` parsed).

    Mentions may come from the tagger or from elsewhere (gold annotations in benchmarks); a
    mention's label may be empty when its type is unknown.
    """
    del articles, docs  # the surface baseline needs only the mentions
    return entities_by_surface(mentions)
