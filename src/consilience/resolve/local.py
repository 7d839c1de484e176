"""Within one article: link short forms, titles and acronyms to the full names they stand for."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from spacy.tokens import Doc

from ..lang.en.given_names import same_given_name
from ..lang.en.names import (
    BODY_NAME_SUFFIXES,
    COUNTRY_KEYS,
    INFORMAL_BODY_HEADS,
    NEWS_HEADS,
    ORGANISATION_HEADS,
    OWNED_BODY_HEADS,
    US_STATE_ABBREVIATIONS,
)
from ..lang.en.pronouns import REFERRING_PRONOUNS
from ..models import Mention
from .names import (
    CONNECTORS,
    NameForm,
    acronym_key,
    edit_distance,
    fold,
    initials,
    is_title_word,
    name_key,
    name_word,
    parse_name,
    same_person_parts,
)
from .roles import role_words, roles_of

SCHEMA_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "LOC",
                "EVENT": "EVENT", "FAC": "LOC"}
PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})
COUNTRY_NAMES = frozenset(COUNTRY_KEYS.values())
PRONOUNS = REFERRING_PRONOUNS
"""Personal, relative and possessive pronouns that refer to an entity (anaphora.py resolves
them)."""
_DEFINITION = re.compile(r"^\s*\(\s*(?P<acronym>[A-Z][A-Za-z.&]{1,9})\s*\)")


@dataclass(frozen=True, slots=True)
class NamedMention:
    mention: Mention
    form: NameForm
    roles: tuple[str, ...]
    reference_only: bool = False  # "the president", "she": refers to it, names nothing
    common: bool = False          # a common noun phrase ("the driver", headline "Gunman")

    @property
    def type(self) -> str:
        return SCHEMA_TYPES.get(self.mention.label, "OTHER") if self.mention.label else ""


@dataclass
class LocalEntity:
    """The mentions of one entity within one article."""

    article: str
    mentions: list[NamedMention] = field(default_factory=list)

    @property
    def forms(self) -> list[NameForm]:
        """The names it is given (a title used in place of a name is not one)."""
        return [named.form for named in self.mentions if not named.reference_only]

    @property
    def keys(self) -> set[str]:
        return {form.key for form in self.forms}

    @property
    def full_forms(self) -> list[NameForm]:
        """Names of two words or more (not initialisms), longest first."""
        return sorted((form for form in self.forms if len(form.tokens) > 1 and not form.acronym),
                      key=lambda form: -len(form.tokens))

    @property
    def types(self) -> Counter[str]:
        votes: Counter[str] = Counter(named.type for named in self.mentions if named.type)
        if any(named.form.titles for named in self.mentions):
            votes["PERSON"] += 1  # "Mr. X", "General X": a person
        if any(named.form.acronym and named.form.key not in COUNTRY_NAMES
               for named in self.mentions):
            votes["ORG"] += 1  # initialisms name organisations far more often than people
        if any(len(form.tokens) > 1 and form.last in ORGANISATION_HEADS for form in self.forms):
            votes["ORG"] += 2  # "... Morning Post", "... Democratic Party"
        return votes

    @property
    def roles(self) -> list[str]:
        return [role for named in self.mentions for role in named.roles]

    @property
    def role_words(self) -> set[str]:
        return role_words(self.roles)

    @property
    def surname(self) -> str | None:
        full = self.full_forms
        return full[0].last if full else None


def is_role_fragment(form: NameForm) -> bool:
    """A "name" made only of title words ("Defense" out of "Defense Secretary X")."""
    return bool(form.tokens) and all(is_title_word(token) for token in form.tokens)


_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_WORD_AFTER = re.compile(r"^\s*(\S+)")


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A title mention used as a noun phrase ("the Prime Minister said"), not a piece of a
    longer title or name ("Secretary of State X", "Defense Secretary X")."""
    before = _WORD_BEFORE.search(text[max(0, start - 40):start])
    after = _WORD_AFTER.search(text[end:end + 40])
    if before and (before.group(1)[:1].isupper() or fold(before.group(1)) in CONNECTORS) \
            and fold(before.group(1)) not in ("the", "a", "an"):
        return False
    return not (after and after.group(1)[:1].isupper())


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT",
                          "WORK_OF_ART", "LAW"})


def _is_common_noun(mention: Mention, form: NameForm, doc: Doc | None) -> bool:
    """A common noun phrase rather than a name: no capital in it, or (title-cased in a
    headline) no proper noun in it by the tagger and no entity label."""
    if not any(token[:1].isupper() for token in form.tokens):
        return True
    if doc is None or form.acronym or mention.label in _NAME_LABELS:
        return False
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return span is not None and not any(token.pos_ == "PROPN" for token in span)


def _name_mentions(mentions: Sequence[Mention], doc: Doc | None, text: str,
                   ) -> tuple[list[NamedMention], list[NamedMention], list[Mention]]:
    """Mentions that name something, those that are only a title ("the president"), and
    pronouns."""
    named, titles, pronouns = [], [], []
    for mention in sorted(mentions, key=lambda item: item.span.start):
        if mention.span.text.strip().casefold() in PRONOUNS:
            pronouns.append(mention)
            continue
        form = parse_name(mention.span.text)
        if not form.tokens:
            continue
        roles = roles_of(doc, mention.span.start, mention.span.end, form.titles) \
            if doc is not None else ((" ".join(form.titles),) if form.titles else ())
        if not is_role_fragment(form):
            named.append(NamedMention(mention, form, roles,
                                      common=_is_common_noun(mention, form, doc)))
        elif _stands_alone(text, mention.span.start, mention.span.end):
            titles.append(NamedMention(mention, form, (), reference_only=True))
    return named, titles, pronouns


def _attach_titles(titles: Sequence[NamedMention], entities: Sequence[LocalEntity]) -> None:
    """A title used as a name ("the Prime Minister said") joins the one entity of the article
    that holds that title; otherwise it is not an entity and is left out."""
    for item in titles:
        words = role_words([" ".join(item.form.tokens)])
        holders = [entity for entity in entities
                   if words and words <= entity.role_words and "PERSON" in entity.types]
        if len(holders) == 1:
            holders[0].mentions.append(item)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, left: str, right: str) -> None:
        self.parent[self.find(left)] = self.find(right)


def acronym_definitions(text: str, named: Sequence[NamedMention]) -> dict[str, str]:
    """"South China Morning Post (SCMP)" -> {"scmp": "south china morning post"}."""
    found: dict[str, str] = {}
    for item in named:
        match = _DEFINITION.match(text[item.mention.span.end:item.mention.span.end + 16])
        if match and len(item.form.tokens) > 1:
            letters = acronym_key(match.group("acronym"))
            if letters and letters == initials(item.form.tokens)[:len(letters)]:
                found[letters] = item.form.key
    return found


@dataclass(frozen=True, slots=True)
class _Group:
    """What short-form linking needs to know of one name group of an article."""

    key: str
    first_position: int
    place: bool
    token_runs: frozenset[tuple[str, ...]]  # folded tokens of each multi-word form
    person_firsts: frozenset[str]           # first tokens of multi-word PERSON forms
    positions: tuple[int, ...]
    suffix: str = ""                        # the generational suffix of its names
    person: bool = True                     # its names are tagged PERSON (or untagged)
    gender: str = ""                        # what its names say of the bearer's gender
    person_name: str = ""                   # "given surname" of its first full name


def _group_facts(key: str, items: Sequence[NamedMention]) -> _Group:
    votes = Counter(item.type for item in items if item.type)
    runs = frozenset(tuple(name_word(token) for token in item.form.tokens) for item in items
                     if len(item.form.tokens) > 1)
    firsts = frozenset(item.form.first for item in items
                       if len(item.form.tokens) > 1 and item.type in ("PERSON", ""))
    top = votes.most_common(1)[0][0] if votes else ""
    genders = {item.form.gender for item in items} - {""}
    return _Group(key, items[0].mention.span.start, top in PLACE_TYPES, runs, firsts,
                  tuple(item.mention.span.start for item in items), items[0].form.suffix,
                  top in ("PERSON", ""), genders.pop() if len(genders) == 1 else "",
                  person_name(items[0].form))


def person_name(form: NameForm) -> str:
    """What a full name says of which person it names: given name, surname and generational
    suffix ("donald trump", "donald trump jr"); "" for a one-word name or an initialism."""
    if len(form.tokens) < 2 or form.acronym:
        return ""
    return f"{form.first} {form.last}" + (f" {form.suffix}" if form.suffix else "")


def story_prominence(mentions: Sequence[Mention]) -> Counter[str]:
    """In how many of a story's articles each person's full name is written (`person_name`):
    the story's principal bearer of a surname is the one most articles name."""
    seen: set[tuple[str, str]] = set()
    for mention in mentions:
        if mention.label in ("PERSON", ""):
            name = person_name(parse_name(mention.span.text))
            if name:
                seen.add((mention.span.article, name))
    return Counter(name for _, name in seen)


def _is_place_prefix(words: tuple[str, ...]) -> bool:
    """Words before a body's name that say where it is ("U.S." in "U.S. Fish and Wildlife
    Service"): a country's or a US state's name or common form."""
    joined = " ".join(words)
    return joined in COUNTRY_KEYS or name_key(words, False) in COUNTRY_KEYS \
        or joined in US_STATE_ABBREVIATIONS.values() \
        or (len(words) == 1 and words[0].endswith(".")
            and words[0].replace(".", "") in US_STATE_ABBREVIATIONS)


def body_short_form(short: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether a body's shorter name (folded words) is another name of the body named `name`:
    its end with a place before it ("Fish and Wildlife Service" of "U.S. Fish and Wildlife
    Service"), or with words before a head noun of bodies ("Judiciary Committee" of "Senate
    Judiciary Committee"); its beginning before a legal form or reach ("Safari Club" of
    "Safari Club International"); a newspaper's last word ("the Journal", "the Times"). A
    longer name that only contains the shorter one names another body ("Strengthen Social
    Security" is not "Social Security", "X Foundation" is not "X")."""
    size = len(short)
    if size >= len(name):
        return False
    if name[-size:] == short:
        extra = name[:-size]
        return _is_place_prefix(extra) or (size > 1 and short[-1] in ORGANISATION_HEADS) \
            or (size == 1 and short[0] in NEWS_HEADS)
    if name[:size] == short:
        return all(word.rstrip(".") in BODY_NAME_SUFFIXES for word in name[size:])
    return False


def _short_form_targets(short: NameForm, group: _Group, groups: Sequence[_Group],
                        taken: dict[str, set[str]]) -> list[_Group]:
    """The full names in the article that a short form may stand for: a surname or the end
    of a name ("Smith", "Mr. Smith"), or a given name alone ("Ellen") when one person has it.

    A body's one-word name is not the end of another body's name ("House" is not "White
    House", "Department" not "Justice Department"): the end of a name is a surname only when
    one of the two is tagged a person (the tagger may call a person's full name an ORG). A
    short form with a generational suffix goes only to a name with the same suffix, one
    without to a name without when there is one; a gendered one ("Mrs. Reyes") not to a
    name of the other gender ("Bill Reyes") or one that `taken` already gave the other
    gender ("Mr. Reyes")."""
    if short.acronym:
        return []
    tail = tuple(name_word(token) for token in short.tokens)
    candidates = [
        other for other in groups
        if other.key != group.key and not (group.place and other.place)
        and any(body_short_form(tail, run) if not (other.person or group.person)
                else len(run) > len(tail) and run[-len(tail):] == tail
                for run in other.token_runs)
    ]
    if not candidates and len(tail) == 1:
        candidates = [other for other in groups if other.key != group.key and not other.place
                      and tail[0] in other.person_firsts]
    same_suffix = [other for other in candidates if other.suffix == short.suffix]
    # a short form without suffix is a "Jr." only where the article named him before it
    candidates = same_suffix if short.suffix else same_suffix or [
        other for other in candidates if other.first_position < group.first_position]
    if short.gender:
        candidates = [other for other in candidates
                      if not taken.get(other.key, set()) - {short.gender}
                      and other.gender in ("", short.gender)]
    return candidates


def nearest_full_name(position: int, candidates: Sequence[_Group]) -> str:
    """The candidate named last before `position` (the first named after it when none is)."""
    before = [(max(start for start in other.positions if start < position), other.key)
              for other in candidates if any(start < position for start in other.positions)]
    if before:
        return max(before)[1]
    return min((min(other.positions), other.key) for other in candidates)[1]


def group_key(form: NameForm) -> str:
    """The name group a mention goes to in its article: its name's key, and for a surname
    alone its honorific's gender ("Mr. Reyes" and "Mrs. Reyes" are two groups)."""
    return f"{form.key}|{form.gender}" if form.gender and len(form.tokens) == 1 else form.key


def head_of(form: NameForm) -> str | None:
    """The head of an "X of Y" name: "academy" in "Academy of Motion Picture Arts"."""
    folded = [fold(token) for token in form.tokens]
    return folded[folded.index("of") - 1] if "of" in folded[1:] else None


def _link_full_names(groups: dict[str, list[NamedMention]], links: _UnionFind) -> None:
    """Within one article, full names with the same last word and one given name are one name
    (a middle name or initial added: "Regina M. Benjamin"; a nickname: "Liz" and "Elizabeth");
    "the Academy" is the "Academy of
    ..." it names, when only one does."""
    full = [(key, items[0].form) for key, items in groups.items()
            if len(items[0].form.tokens) > 1 and not items[0].form.acronym]
    partners: dict[str, list[tuple[str, NameForm]]] = {}
    for (key, form), (other_key, other) in combinations(full, 2):
        if form.last == other.last and same_given_name(form.first, other.first) \
                and same_person_parts(form, other):
            partners.setdefault(key, []).append((other_key, other))
            partners.setdefault(other_key, []).append((key, form))
    # "George Bush" beside "George W. Bush" and "George H. W. Bush" names neither
    ambiguous = {key for key, found in partners.items()
                 if not all(same_person_parts(one, other) for (_, one), (_, other)
                            in combinations(found, 2))}
    for key, found in partners.items():
        for other_key, _ in found:
            if key not in ambiguous and other_key not in ambiguous:
                links.union(key, other_key)
    heads: dict[str, list[str]] = {}
    for key, form in full:
        head = head_of(form)
        if head:
            heads.setdefault(head, []).append(key)
    for key, items in groups.items():
        form = items[0].form
        if len(form.tokens) == 1 and len(heads.get(form.last, [])) == 1:
            links.union(key, heads[form.last][0])


def informal_body_name(left: NameForm, right: NameForm) -> bool:
    """Whether two names are one owner's body, one by an informal head: "Hale team" and
    "Hale campaign" (`INFORMAL_BODY_HEADS`)."""
    heads = {left.last, right.last}
    return len(left.tokens) == len(right.tokens) > 1 and len(heads) == 2 \
        and bool(heads & INFORMAL_BODY_HEADS) and heads <= OWNED_BODY_HEADS \
        and [fold(token) for token in left.tokens[:-1]] \
        == [fold(token) for token in right.tokens[:-1]]


def _link_informal_bodies(groups: dict[str, list[NamedMention]], links: _UnionFind) -> None:
    """"The Hale team" is the one Hale body the article names by a formal head ("the
    Hale campaign")."""
    full = [(key, items[0].form) for key, items in groups.items()
            if len(items[0].form.tokens) > 1 and not items[0].form.acronym]
    for key, form in full:
        if form.last not in INFORMAL_BODY_HEADS:
            continue
        found = [other_key for other_key, other in full if other.last not in INFORMAL_BODY_HEADS
                 and informal_body_name(form, other)]
        if len(found) == 1:
            links.union(key, found[0])


def members_of_party(word: str, tokens: tuple[str, ...]) -> bool:
    """Whether a plural (folded: "republicans", "democrats") names the members of the party
    named by `tokens` ("Republican Party", "Democratic Party"): one word, then "party"."""
    if len(tokens) != 2 or fold(tokens[1]) != "party" or not word.endswith("s"):
        return False
    stem, first = word[:-1], fold(tokens[0])
    return len(stem) >= 4 and first.startswith(stem) and len(first) - len(stem) <= 2


def _link_party_members(groups: dict[str, list[NamedMention]], links: _UnionFind) -> None:
    """"Republicans" (tagged a nationality or group) is the "Republican Party" the article
    names, when it names one such party."""
    parties = [(key, items[0].form.tokens) for key, items in groups.items()
               if len(items[0].form.tokens) == 2]
    for key, items in groups.items():
        form = items[0].form
        if len(form.tokens) != 1 or Counter(item.type for item in items).most_common(1)[0][0] \
                != "NORP":
            continue
        found = [party for party, tokens in parties if members_of_party(form.last, tokens)]
        if len(found) == 1:
            links.union(key, found[0])


_MIN_MISSPELT = 4


def _link_misspelt_surnames(groups: dict[str, list[NamedMention]], facts: dict[str, _Group],
                            links: _UnionFind, prominence: Mapping[str, int]) -> None:
    """A one-word name written once, never in full anywhere in the story, one letter off the
    surname of one person the article names at least twice, is that surname misspelt ("Dole"
    for Doyle, "Mr. Hutchins" beside "Mr. Hutchings"); its plural is the family ("the
    Clintons")."""
    sizes: Counter[str] = Counter()
    surnames: dict[str, set[str]] = {}
    for key, items in groups.items():
        root = links.find(key)
        sizes[root] += len(items)
        if facts[key].person and not items[0].form.acronym:
            surnames.setdefault(root, set()).add(items[0].form.last)
    in_full = {name.split()[1] for name in prominence}
    for key, items in groups.items():
        form, root = items[0].form, links.find(key)
        word = form.last
        if len(form.tokens) != 1 or form.acronym or sizes[root] != 1 \
                or len(word) < _MIN_MISSPELT or word in in_full:
            continue
        targets = {other for other, names in surnames.items()
                   if other != root and sizes[other] >= 2 and not (
                       form.gender and facts[other].gender not in ("", form.gender))
                   and any(name[:1] == word[:1] and len(name) >= _MIN_MISSPELT
                           and edit_distance(name, word) == 1
                           and word not in (f"{name}s", f"{name}es")  # "the Clintons"
                           for name in names)}
        if len(targets) == 1:
            links.union(key, targets.pop())


@dataclass(frozen=True, slots=True)
class Linked:
    """What one article's linking gives: its entities, the acronyms it defines and the
    pronouns left for anaphora resolution."""

    entities: list[LocalEntity]
    definitions: dict[str, str]
    pronouns: list[Mention]


def principal_bearer(candidates: Sequence[_Group], prominence: Mapping[str, int],
                     ) -> str | None:
    """The full name a surname written alone stands for when several people of the article
    bear it: news text names a relative or spouse by given name or honorific ("Maria",
    "Mrs. Vance") and keeps the bare surname for the story's principal bearer, the one most
    of its articles name in full, then the one this article names most; None when no one
    leads on both."""
    ranked = sorted(((prominence.get(other.person_name, 0), len(other.positions)), other.key)
                    for other in candidates)
    if len(ranked) < 2 or ranked[-1][0] == ranked[-2][0]:
        return None
    return ranked[-1][1]


def _named_more_elsewhere(surname: str, candidate: _Group, prominence: Mapping[str, int],
                          ) -> bool:
    """The surname is the candidate's, and another bearer of it is named in more of the
    story's articles ("Barack Marsh" in two, where this article names only "Laura
    Marsh")."""
    if not candidate.person_name or candidate.person_name.split()[1] != surname:
        return False
    own = prominence.get(candidate.person_name, 0)
    return any(count > own and name != candidate.person_name and name.split()[1] == surname
               for name, count in prominence.items())


def link_article(article_id: str, text: str, mentions: Sequence[Mention],
                 doc: Doc | None, prominence: Mapping[str, int] | None = None) -> Linked:
    """The article's entities, the acronyms it defines, and its pronouns. `prominence` (see
    `story_prominence`) says which bearer of a shared surname the story is about."""
    prominence = prominence or {}
    named, titles, pronouns = _name_mentions(mentions, doc, text)
    groups: dict[str, list[NamedMention]] = {}
    for item in named:
        groups.setdefault(group_key(item.form), []).append(item)
    links = _UnionFind()
    definitions = acronym_definitions(text, named)
    for key in groups:
        links.find(key)
        if key in definitions and definitions[key] in groups:
            links.union(key, definitions[key])
    facts = {key: _group_facts(key, items) for key, items in groups.items()}
    taken: dict[str, set[str]] = {}  # full-name group -> genders of short forms linked to it
    each: dict[int, str] = {}  # a short form's mention -> its full name, when several may be
    full_by_initials: dict[str, list[str]] = {}
    for key, items in groups.items():
        if len(items[0].form.tokens) > 1:
            full_by_initials.setdefault(initials(items[0].form.tokens), []).append(key)
    for key, items in groups.items():
        form = items[0].form
        if form.acronym and len(full_by_initials.get(key, [])) == 1:
            links.union(key, full_by_initials[key][0])
        elif not form.acronym:
            candidates = _short_form_targets(form, facts[key], list(facts.values()), taken)
            bare_surname = len(form.tokens) == 1 and not form.gender
            lead = principal_bearer(candidates, prominence) if bare_surname else None
            if lead is not None:
                links.union(key, lead)
            elif len(candidates) == 1 and not (
                    bare_surname and _named_more_elsewhere(form.last, candidates[0], prominence)):
                links.union(key, candidates[0].key)
            # several people share the surname and none leads: each mention is the one named
            # last before it
            for item in items if len(candidates) > 1 and lead is None else ():
                each[id(item)] = nearest_full_name(item.mention.span.start, candidates)
            targets = {each[id(item)] for item in items if id(item) in each} or {
                candidate.key for candidate in candidates[:1]} if lead is None else {lead}
            for target in targets if form.gender else ():
                taken.setdefault(target, set()).add(form.gender)
    _link_full_names(groups, links)
    _link_misspelt_surnames(groups, facts, links, prominence)
    _link_party_members(groups, links)
    _link_informal_bodies(groups, links)
    entities: dict[str, LocalEntity] = {}
    for item in named:
        root = links.find(each.get(id(item), group_key(item.form)))
        entities.setdefault(root, LocalEntity(article_id)).mentions.append(item)
    _attach_titles(titles, list(entities.values()))
    return Linked(list(entities.values()), definitions, pronouns)


_COMPOUND = re.compile(r"^(?P<left>[^\s/–-]+)\s*[-–/]\s*(?P<right>[^\s/–-]+)$")


def drop_relation_compounds(entities: Sequence[LocalEntity]) -> list[LocalEntity]:
    """Without mentions like "U.S.-Japan" or "Sino-Russian" pairs whose two parts are each
    an entity of the story: they describe a relation between two entities, not a third one."""
    known = {form.key for entity in entities for form in entity.forms}
    kept: list[LocalEntity] = []
    for entity in entities:
        mentions = []
        for named in entity.mentions:
            match = _COMPOUND.match(named.mention.span.text)
            if match and parse_name(match.group("left")).key in known \
                    and parse_name(match.group("right")).key in known:
                continue
            mentions.append(named)
        if mentions:
            entity.mentions = mentions
            kept.append(entity)
    return kept
