"""Pronouns within one article: "he", "she", "who", "they" join the entity they refer to.

The tagger never proposes pronouns as mentions; they arrive from annotations (benchmarks) and,
later, from quote attribution ("he said"). The rules are the classic salience ones: an entity of a
compatible kind in the latest sentence within a short distance, the first-mentioned in that
sentence (most often its subject), with gender learnt from the pronouns already attached; a
relative pronoun joins the name right before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.en.pronouns import FEMININE, MASCULINE, PERSON_NOUNS, PLURAL
from ..lang.en.pronouns import PERSON_RELATIVES as RELATIVE
from ..models import Mention
from .local import PLACE_TYPES, LocalEntity, NamedMention
from .names import parse_name

_MAX_SENTENCES_BACK = 2
_RELATIVE_GAP = re.compile(r"^\s*+,?\s*+$")  # possessive: a long gap of spaces fails at once


def _kind(entity: LocalEntity) -> str:
    votes = entity.types
    top = votes.most_common(1)[0][0] if votes else ""
    return "person" if top == "PERSON" else "place" if top in PLACE_TYPES else "thing"


def attach_pronouns(pronouns: Sequence[Mention], entities: Sequence[LocalEntity],
                    text: str) -> None:
    """Add each pronoun to the entity it most likely refers to (in place); a pronoun with no
    fitting antecedent is left out."""
    gender: dict[int, str] = {}
    for pronoun in sorted(pronouns, key=lambda mention: mention.span.start):
        word = pronoun.span.text.strip().casefold()
        best: tuple[int, int, LocalEntity] | None = None
        for entity in entities:
            for named in entity.mentions:
                span = named.mention.span
                if span.end > pronoun.span.start:
                    continue
                if pronoun.sentence - named.mention.sentence > _MAX_SENTENCES_BACK:
                    continue
                if not _fits(word, entity, span.end, pronoun.span.start, text, gender):
                    continue
                # the latest sentence first; in it, the first mention (most often the subject)
                rank = (named.mention.sentence, -span.start)
                if word in RELATIVE:
                    rank = (span.end, 0)
                if best is None or rank > best[:2]:
                    best = (*rank, entity)
        if best is None:
            continue
        entity = best[2]
        if word in MASCULINE | FEMININE:
            gender[id(entity)] = "m" if word in MASCULINE else "f"
        entity.mentions.append(NamedMention(pronoun, parse_name(pronoun.span.text), (),
                                            reference_only=True))


def _fits(word: str, entity: LocalEntity, end: int, start: int, text: str,
          gender: dict[int, str]) -> bool:
    kind = _kind(entity)
    if word in RELATIVE:
        return kind == "person" and bool(_RELATIVE_GAP.match(text[end:start]))
    if word in MASCULINE or word in FEMININE:
        wanted = "m" if word in MASCULINE else "f"
        return kind == "person" and gender.get(id(entity), wanted) == wanted
    if word in PLURAL:
        return kind in ("thing", "place") or "NORP" in entity.types
    return kind != "person"


_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")


def _is_nominal(named: NamedMention) -> bool:
    """A common-noun mention ("the driver", a headline's "Gunman"), not a name."""
    return named.common


def _person_noun(head: str) -> bool:
    return head in PERSON_NOUNS or (len(head) > 5 and head.endswith(_AGENT_SUFFIXES))


def attach_nominals(entities: list[LocalEntity]) -> None:
    """A common-noun entity ("the driver") joins the named person of the article it
    describes: the one whose roles include the noun, else, for a person noun, the nearest
    named person before it within two sentences. In place; merged entities are removed."""
    people = [entity for entity in entities if _kind(entity) == "person"
              and any(not _is_nominal(named) for named in entity.mentions
                      if not named.reference_only)]
    for entity in list(entities):
        names = [named for named in entity.mentions if not named.reference_only]
        if not names or not all(_is_nominal(named) for named in names) or entity in people:
            continue
        head = names[0].form.last
        first = min(named.mention.span.start for named in names)
        sentence = min(named.mention.sentence for named in names)
        by_role = [person for person in people if head in person.role_words]
        target = by_role[0] if len(by_role) == 1 else None
        if target is None and _person_noun(head):
            before = [(named.mention.span.end, person) for person in people
                      for named in person.mentions
                      if named.mention.span.end <= first
                      and sentence - named.mention.sentence <= _MAX_SENTENCES_BACK]
            target = max(before, key=lambda item: item[0])[1] if before else None
        if target is not None:
            target.mentions.extend(NamedMention(named.mention, named.form, named.roles,
                                                reference_only=True)
                                   for named in entity.mentions)
            entities.remove(entity)
