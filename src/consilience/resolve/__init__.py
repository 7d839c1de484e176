"""Resolve: one entity per real-world person, organisation and place across a story's articles.

Within each article, short forms, titles and acronyms are linked to the full names they stand
for (`local`); across articles, those entities are clustered on name similarity, phonetic codes,
name structure, roles and type (`link`); each story entity then gets its canonical name, aliases
with their kinds, roles, and `name` conflicts for spelling variants (`canonical`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..models import Article, Conflict, Entity, Mention
from .anaphora import attach_nominals, attach_pronouns
from .canonical import bare_names, build_entity
from .complete import complete_mentions
from .link import cluster_entities
from .local import LocalEntity, drop_relation_compounds, link_article, story_prominence

__all__ = [
    "Resolution",
    "resolve_entities",
    "resolve_story",
]


@dataclass(frozen=True, slots=True)
class Resolution:
    entities: tuple[Entity, ...]
    conflicts: tuple[Conflict, ...]


def resolve_story(articles: Sequence[Article], docs: Sequence[Doc | None],
                  mentions: Sequence[Mention]) -> Resolution:
    """Story entities and spelling-variant conflicts from the mentions of all articles.

    `docs[i]` is `articles[i]` parsed (None when unavailable: roles are then not read).
    Mentions may come from the tagger or elsewhere (gold annotations in benchmarks); a
    mention's label may be empty when its type is unknown. Mentions that are only a title
    ("Defense" out of "Defense Secretary X") are not entities and are left out.
    """
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.span.article, []).append(mention)
    local: list[LocalEntity] = []
    definitions: dict[str, str] = {}
    order = {article.id: number for number, article in enumerate(articles)}
    prominence = story_prominence(mentions)
    for article, doc in zip(articles, docs, strict=True):
        linked = link_article(article.id, article.text, by_article.get(article.id, []), doc,
                              prominence)
        attach_pronouns(linked.pronouns, linked.entities, article.text)
        attach_nominals(linked.entities)
        local.extend(linked.entities)
        definitions.update(linked.definitions)
    entities: list[Entity] = []
    conflicts: list[Conflict] = []
    local = drop_relation_compounds(local)
    clusters = cluster_entities(local, definitions)
    complete_mentions(clusters, articles, docs, mentions)
    bare = [bare_names(cluster) for cluster in clusters]
    written_by: dict[str, int] = {}
    for names in bare:
        for name in names:
            written_by[name] = written_by.get(name, 0) + 1
    for cluster, names in zip(clusters, bare, strict=True):
        entity, conflict = build_entity(cluster, order, _WrittenByOthers(written_by, names))
        entities.append(entity)
        if conflict is not None:
            conflicts.append(conflict)
    entities.sort(key=lambda entity: (-len(entity.articles), -len(entity.mentions),
                                      entity.name.casefold()))
    return Resolution(tuple(_unique_ids(entities)), tuple(conflicts))


class _WrittenByOthers:
    """The bare names another entity of the story is written by (`written_by`: how many
    entities are written by each; `own`: this entity's), asked name by name rather than built
    as a set for each of thousands of entities."""

    def __init__(self, written_by: dict[str, int], own: set[str]):
        self.written_by = written_by
        self.own = own

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.written_by.get(name, 0) > (name in self.own)


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    seen: dict[str, int] = {}
    unique = []
    for entity in entities:
        count = seen.get(entity.id, 0)
        seen[entity.id] = count + 1
        if count:
            entity = Entity(f"{entity.id}-{count + 1}", entity.name, entity.type, entity.aliases,
                            entity.articles, entity.mentions, entity.roles)
        unique.append(entity)
    return unique


def resolve_entities(articles: Sequence[Article], docs: Sequence[Doc | None],
                     mentions: Sequence[Mention]) -> list[Entity]:
    """The story entities of `resolve_story`, for callers that need only those."""
    return list(resolve_story(articles, docs, mentions).entities)
