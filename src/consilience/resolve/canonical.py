"""Story entities as records: the canonical name, every alias with its kind, roles, and the
spelling variants reported as `name` conflicts."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Container, Sequence

from ..lang.en.names import GENDERED_HONORIFICS
from ..lang.en.titles import FORMS_OF_ADDRESS
from ..models import Alias, AliasKind, Conflict, ConflictSide, Entity, EntityType, Span
from .link import Cluster
from .local import NamedMention, members_of_party
from .names import NameForm, edit_distance, fold, initials, parse_name, similarity
from .roles import role_words

_TYPE_ORDER: tuple[EntityType, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "OTHER")
_MAX_ROLES = 6
_MAX_SPANS_PER_SIDE = 5


def _stable_id(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def _entity_type(cluster: Cluster) -> EntityType:
    """The type most mentions vote for; a person whenever any article calls the entity "Mr.",
    "Mrs." or "Ms." ("Mr. Hutchings" is a person, however often the tagger says ORG)."""
    if any(fold(title).rstrip(".") in GENDERED_HONORIFICS for member in cluster.members
           for form in member.forms for title in form.titles):
        return "PERSON"
    votes = cluster.types
    if not votes:
        return "OTHER"
    best = max(votes.values())
    return next((kind for kind in _TYPE_ORDER if votes.get(kind, 0) == best), "OTHER")


def _name_text(named: NamedMention) -> str:
    """The bare name as written in the source ("The Financial Times" -> "Financial Times")."""
    return " ".join(named.form.tokens)


def _canonical(mentions: Sequence[NamedMention], entity_type: EntityType) -> NameForm:
    """The most complete, most widely used proper form: spelt that way by the most articles;
    acronyms and title forms only when nothing else names the entity."""
    articles: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    forms: dict[str, NameForm] = {}
    for named in mentions:
        key = named.form.key
        articles[key].add(named.mention.span.article)
        counts[key] += 1
        forms.setdefault(key, named.form)

    def rank(key: str) -> tuple[int, int, int, int, int]:
        form = forms[key]
        complete = len(form.tokens) > 1 if entity_type == "PERSON" else True
        return (not form.acronym, complete, len(articles[key]), counts[key], len(form.tokens))
    return forms[max(sorted(forms), key=rank)]


def _alias_kind(form: NameForm, canonical: NameForm) -> AliasKind:
    if form.acronym and not canonical.acronym:
        return "acronym"
    if form.key == canonical.key:
        return "title" if form.titles else "name"
    if form.acronym or (len(form.tokens) == 1 and fold(form.tokens[0]) ==
                        initials(canonical.tokens)):
        return "acronym"
    canonical_tokens = [fold(token) for token in canonical.tokens]
    tokens = [fold(token) for token in form.tokens]
    if all(token in canonical_tokens for token in tokens):
        return "title" if form.titles else "short"
    if len(tokens) == 1 and members_of_party(tokens[0], canonical.tokens):
        return "name"  # "Republicans" of the Republican Party is no misspelling
    if _misspells(tokens, canonical_tokens):
        return "variant"
    return "name"  # a fuller or other form ("Jane Q. Doe", "Jim Doe"), not a misspelling


def _misspells(tokens: list[str], canonical: list[str]) -> bool:
    """A spelling variant: some word is a near miss of a canonical word (one or two letters
    apart, not its plural or singular: "Trust Funds" / "Trust Fund" is one name inflected)
    and every other word is one of the canonical words."""
    near = [token for token in tokens if token not in canonical and any(
        edit_distance(token, word) <= 2 and similarity(token, word) >= 0.85
        and min(len(token), len(word)) >= 4 and not _inflected(token, word)
        for word in canonical)]
    others = [token for token in tokens if token not in near]
    return bool(near) and all(token in canonical for token in others)


def _inflected(token: str, word: str) -> bool:
    """Whether one word is the other with a plural ending ("funds" / "fund", "taxes" /
    "tax")."""
    shorter, longer = sorted((token, word), key=len)
    return longer in (shorter + "s", shorter + "es")


def _display(named: NamedMention) -> str:
    return _name_text(named)


def bare_names(cluster: Cluster) -> set[str]:
    """The names a cluster is written by alone, without a title ("Doyle", not "Mrs. Doyle")."""
    return {_display(named) for member in cluster.members for named in member.mentions
            if not named.form.titles and not named.reference_only}


def build_entity(cluster: Cluster, article_order: dict[str, int],
                 others_bare: Container[str] = frozenset(),
                 ) -> tuple[Entity, Conflict | None]:
    """The story entity of a cluster. A title form also spells its bare name as an alias
    ("Mr. Smith" spells "Smith") unless another entity of the story is written by that bare
    name (`others_bare`): "Mrs. Doyle" is named so because "Doyle" alone is someone else."""
    mentions = sorted((named for member in cluster.members for named in member.mentions),
                      key=lambda named: (article_order.get(named.mention.span.article, 0),
                                         named.mention.span.start))
    entity_type = _entity_type(cluster)
    canonical = _canonical(mentions, entity_type)
    spelling = Counter((not named.form.acronym, _display(named)) for named in mentions
                       if named.form.key == canonical.key)
    name = max(spelling.items(), key=lambda item: (item[0][0], item[1]))[0][1]
    by_text: dict[str, list[NamedMention]] = defaultdict(list)
    for named in mentions:
        by_text[named.mention.span.text].append(named)
    for named in mentions:
        bare = _display(named)
        if named.form.titles and bare != named.mention.span.text and bare not in others_bare:
            by_text[bare].append(named)  # "Mr. Smith" also spells the name "Smith"
    aliases = []
    for text, group in by_text.items():
        used_in = tuple(dict.fromkeys(named.mention.span.article for named in group))
        form = parse_name(text) if text != group[0].mention.span.text else group[0].form
        aliases.append(Alias(text, len(group), used_in, _alias_kind(form, canonical)))
    aliases.sort(key=lambda alias: (-alias.count, alias.text))
    roles = Counter(role for member in cluster.members for role in member.roles
                    if entity_type == "PERSON" and fold(role).rstrip(".") not in FORMS_OF_ADDRESS)
    kept_roles: list[str] = []
    for role, _count in roles.most_common():
        if role_words([role]) and not any(role_words([role]) <= role_words([seen])
                                          for seen in kept_roles):
            kept_roles.append(role)
    entity = Entity(
        id=_stable_id("e", f"{entity_type}:{canonical.key}"),
        name=name,
        type=entity_type,
        aliases=tuple(aliases),
        articles=tuple(sorted({named.mention.span.article for named in mentions},
                              key=lambda article: article_order.get(article, 0))),
        mentions=tuple(named.mention.span for named in mentions),
        roles=tuple(kept_roles[:_MAX_ROLES]),
    )
    return entity, _variant_conflict(entity, cluster, canonical)


def _variant_conflict(entity: Entity, cluster: Cluster, canonical: NameForm) -> Conflict | None:
    """Spellings of one name that differ between outlets, as a `name` conflict: one side for
    the canonical spelling, one for each variant (its short forms included)."""
    variants = {alias.text for alias in entity.aliases if alias.kind == "variant"}
    if not variants:
        return None
    sides: dict[str, list[Span]] = defaultdict(list)
    for member in cluster.members:
        member_variants = [named for named in member.mentions
                           if named.mention.span.text in variants]
        longest = max(member_variants, key=lambda named: len(named.form.tokens), default=None)
        for named in member.mentions:
            if longest is not None and named.mention.span.text in variants:
                sides[_display(longest)].append(named.mention.span)
            elif named.form.key == canonical.key:
                sides[entity.name].append(named.mention.span)
    if len(sides) < 2 or entity.name not in sides:
        return None
    ordered = sorted(sides.items(), key=lambda item: (item[0] != entity.name, item[0]))
    conflict_sides = tuple(
        ConflictSide(value, tuple(dict.fromkeys(span.article for span in spans)),
                     tuple(spans[:_MAX_SPANS_PER_SIDE]))
        for value, spans in ordered)
    others = ", ".join(f"“{side.value}”" for side in conflict_sides[1:])
    return Conflict(
        id=_stable_id("c", f"name:{entity.id}"),
        kind="name",
        summary=f"{entity.name} is also spelt {others}",
        sides=conflict_sides,
    )
