"""Across articles: cluster the articles' entities into story entities on several kinds of
evidence at once (name similarity, phonetic codes, name structure, roles, type), never merging
two entities that one article keeps apart."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from ..lang.en.given_names import same_given_name
from .local import (
    PLACE_TYPES,
    LocalEntity,
    body_short_form,
    head_of,
    informal_body_name,
    members_of_party,
)
from .names import (
    NameForm,
    edit_distance,
    fold,
    initials,
    name_word,
    phonetic,
    same_person_parts,
    similarity,
)
from .roles import roles_agree

MERGE_THRESHOLD = 0.7
_FULL_NAME_EVIDENCE = 0.8  # a given name and surname that agree (`_full_pair`)
# Names whose last word is not a surname: "Utah" is not short for "University of Utah".
_NON_PERSON_NAMES = frozenset({"ORG", "GPE", "LOC"})


@dataclass
class Cluster:
    """Story entity under construction: the article entities it has taken in so far."""

    members: list[LocalEntity]
    articles: set[str] = field(init=False)
    keys: set[str] = field(init=False)
    full: list[NameForm] = field(init=False)
    singles: set[str] = field(init=False)
    acronyms: set[str] = field(init=False)
    role_words: set[str] = field(init=False)
    types: Counter[str] = field(init=False)
    genders: set[str] = field(init=False)
    _full: dict[str, NameForm] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute what the members say (after members gained mentions)."""
        self.articles, self.keys, self.singles, self.acronyms = set(), set(), set(), set()
        self.role_words, self.types, self._full = set(), Counter(), {}
        self.genders = set()
        for member in self.members:
            self._take(member)
        self.full = list(self._full.values())

    def _take(self, member: LocalEntity) -> None:
        self.articles.add(member.article)
        for form in member.forms:
            self.keys.add(form.key)
            if form.gender:
                self.genders.add(form.gender)
            if form.acronym:
                self.acronyms.add(form.key)
            elif len(form.tokens) == 1:
                self.singles.add(form.last + (f" {form.suffix}" if form.suffix else ""))
            else:
                self._full.setdefault(form.key, form)
        self.role_words |= member.role_words
        self.types.update(member.types)

    def absorb(self, other: Cluster) -> None:
        """Take in another cluster's members (what they say is added, not recomputed)."""
        self.members.extend(other.members)
        for member in other.members:
            self._take(member)
        self.full = list(self._full.values())

    @property
    def type(self) -> str:
        return self.types.most_common(1)[0][0] if self.types else ""

    @property
    def confident_type(self) -> bool:
        """The type has at least two votes and two thirds of them."""
        if not self.types:
            return False
        votes = self.types.most_common(1)[0][1]
        return votes >= 2 and votes * 3 >= 2 * sum(self.types.values())

    def index_keys(self) -> set[str]:
        """Keys under which candidate partners are looked up (no all-pairs comparison)."""
        keys = set(self.keys) | {f"acr:{key}" for key in self.acronyms}
        for form in self.full:
            keys.add(f"acr:{initials(form.tokens)}")
            for token in form.tokens:
                keys.add(f"tok:{fold(token)}")
                keys.add(f"sound:{phonetic(token)}")
        for single in self.singles:
            keys.add(f"tok:{single}")
            keys.add(f"sound:{phonetic(single)}")
        return {key for key in keys if not key.endswith(":")}


def _similar_surname(left: str, right: str) -> bool:
    """One surname spelt two ways ("Nowak"/"Novak", "Austin"/"Austen"), not two names."""
    if min(len(left), len(right)) < 4 or left[0] != right[0]:
        return False
    distance = edit_distance(left, right)
    return distance <= 2 and (similarity(left, right) >= 0.84 or phonetic(left) == phonetic(right))


def _full_pair(left: NameForm, right: NameForm, bodies: bool = False) -> float | None:
    """Evidence from two full names; None when they name different people or, with `bodies`
    (both organisations), when one only contains the other (`body_short_form`)."""
    if left.key == right.key:
        return 1.0
    if bodies:
        words_left = tuple(name_word(token) for token in left.tokens)
        words_right = tuple(name_word(token) for token in right.tokens)
        shorter, longer = sorted((words_left, words_right), key=len)
        if body_short_form(shorter, longer):
            return 0.7
        if left.last == right.last and len(shorter) > 1 \
                and longer[len(longer) - len(shorter):] == shorter:
            return None  # "Strengthen Social Security" is not "Social Security"
        if informal_body_name(left, right):
            return 0.75  # "the Hale team" of the "Hale campaign"
    if left.last == right.last:
        if not same_person_parts(left, right, strict_suffix=False):
            return None  # Jr. and Sr., George H. W. and George W., Mr. and Mrs.
        first_left, first_right = left.first, right.first
        if first_left[:1] == first_right[:1] and min(len(first_left), len(first_right)) == 1:
            return 0.8
        if first_left == first_right:
            return 0.8  # a middle name or initial given by one outlet only
        if same_given_name(first_left, first_right):
            return 0.8  # a nickname: Chuck / Charles, Liz / Elizabeth
        shorter, longer = sorted((first_left, first_right), key=len)
        if len(shorter) >= 3 and longer.startswith(shorter):
            return 0.75  # a short form of the given name: Fred / Frederick
        if len(left.tokens) == len(right.tokens) and similarity(first_left, first_right) >= 0.85:
            return 0.75  # one given name spelt two ways
        tokens_left = {name_word(token) for token in left.tokens}
        tokens_right = {name_word(token) for token in right.tokens}
        if tokens_left <= tokens_right or tokens_right <= tokens_left:
            # "Mount Cook" in "Aoraki Mount Cook": two words or more in common is a name part
            return 0.7 if min(len(tokens_left), len(tokens_right)) > 1 else 0.6
        return None
    if left.first == right.first and len(left.first) > 2 and _similar_surname(left.last,
                                                                              right.last):
        return 0.7  # one surname spelt two ways, same given name
    if len(left.tokens) == len(right.tokens) and all(
            similarity(a, b) >= 0.9 for a, b in zip(left.tokens, right.tokens, strict=True)):
        return 0.6
    return 0.0


def _name_evidence(left: Cluster, right: Cluster, surname_owners: dict[str, int],
                   definitions: dict[str, str]) -> float | None:
    best = 0.0
    for acronym in left.acronyms:
        if definitions.get(acronym) in right.keys:
            best = max(best, 0.85)
        elif surname_owners.get(f"initials:{acronym}", 0) == 1 and right.type != "PERSON" \
                and any(initials(form.tokens) == acronym for form in right.full):
            best = max(best, 0.85)  # the only name in the story with these initials
    bodies = left.type == "ORG" and right.type == "ORG"
    for form_left in left.full:
        for form_right in right.full:
            evidence = _full_pair(form_left, form_right, bodies)
            if evidence is None:
                return None
            best = max(best, evidence)
    if not left.full:
        for single in left.singles:
            gender = next(iter(left.genders)) if len(left.genders) == 1 else ""
            for form in right.full:
                if single == form.last and right.type not in _NON_PERSON_NAMES:
                    # "Mrs. Doyle" is the one bearer of the surname who is a woman
                    alone = surname_owners.get(single, 0) <= 1 or (
                        gender and surname_owners.get(f"{single}|{gender}", 0) == 1
                        and right.genders <= {gender})
                    best = max(best, 0.75 if alone else 0.45)
                elif _similar_surname(single, form.last) and right.type not in _NON_PERSON_NAMES:
                    close = edit_distance(single, form.last) <= 1 and len(single) >= 6
                    best = max(best, 0.65 if close else 0.55)
                elif single == form.first and right.type == "PERSON" \
                        and surname_owners.get(f"first:{single}", 0) <= 1:
                    best = max(best, 0.65)  # a given name alone ("Ellen" for Ellen Smith)
                elif head_of(form) == single and right.type != "PERSON":
                    best = max(best, 0.7)  # "the Academy" for the Academy of Arts
                elif left.type == "NORP" and right.type in ("ORG", "NORP") \
                        and members_of_party(single, form.tokens):
                    best = max(best, 0.75)  # "Republicans" for the Republican Party
            for other in right.singles if not right.full else ():
                if _similar_surname(single, other) and edit_distance(single, other) <= 1:
                    best = max(best, 0.5)
    return best


def _suffix_kept_apart(suffixed: Cluster, other: Cluster,
                       plain: frozenset[tuple[str, str]]) -> bool:
    """A "Jr." is not the suffix-less name of another outlet when an article that names him
    also names, apart from him, a bearer of the surname without suffix ("Mr. Doyle" beside
    "Donald Doyle Jr."): that outlet's suffix tells father from son."""
    return any(form.suffix and not named.suffix and named.last == form.last
               and same_given_name(named.first, form.first)
               and any((article, form.last) in plain for article in suffixed.articles)
               for form in suffixed.full for named in other.full)


def score(left: Cluster, right: Cluster, surname_owners: dict[str, int],
          definitions: dict[str, str],
          plain: frozenset[tuple[str, str]] = frozenset()) -> float:
    """How likely two clusters are one entity, 0..1+; below MERGE_THRESHOLD they stay apart.
    `plain` holds (article, surname) for each article entity named without a generational
    suffix (see `_suffix_kept_apart`)."""
    if left.keys & right.keys and _given_names_agree(left, right):
        return 1.0  # the same name is the same entity, even where one article has both
    if left.articles & right.articles or len(left.genders | right.genders) > 1:
        return 0.0  # an article that names both keeps them apart; so do Mr. and Mrs.
    if _suffix_kept_apart(left, right, plain) or _suffix_kept_apart(right, left, plain):
        return 0.0
    type_left, type_right = left.type, right.type
    pair = {type_left, type_right}
    incompatible = bool(type_left and type_right and type_left != type_right) and (
        ((type_left in PLACE_TYPES) != (type_right in PLACE_TYPES)
         and pair != {"ORG", "NORP"})  # teams and parties get either label
        or pair == {"GPE", "NORP"})
    if incompatible and left.confident_type and right.confident_type:
        return 0.0
    evidence = max(
        (value for value in (_name_evidence(left, right, surname_owners, definitions),
                             _name_evidence(right, left, surname_owners, definitions))
         if value is not None),
        default=None,
    )
    if not evidence:
        return 0.0
    agree = roles_agree(left.role_words, right.role_words)
    if agree is True:
        evidence += 0.25
    elif agree is False:
        # one person holds several posts: roles weigh less against a given name and surname
        # that agree ("Mike Pence" the vice president, "Michael Richard Pence" a former
        # governor) than against a surname alone
        evidence -= 0.1 if evidence >= _FULL_NAME_EVIDENCE else 0.25
    if type_left and type_left == type_right:
        evidence += 0.05
    elif incompatible:
        evidence -= 0.15  # one side's type rests on a single tagger decision
    return evidence


def _given_names_agree(left: Cluster, right: Cluster) -> bool:
    """No two full names of the pair share a surname under different given names ("Laci
    Peterson" and "Scott Peterson" are two people), and no honorific of one says another
    gender than one of the other ("Mrs. Doyle" is not "Mr. Doyle")."""
    if len(left.genders | right.genders) > 1:
        return False
    bodies = left.type == "ORG" and right.type == "ORG"
    return all(_full_pair(one, other, bodies) is not None
               for one in left.full for other in right.full)


def _surname_owners(clusters: Iterable[Cluster]) -> dict[str, int]:
    """How many clusters give each surname (under "surname|female" and "surname|male", those
    whose names may be a woman's or a man's; under "first:" and "initials:", each given name
    and each set of initials)."""
    owners: Counter[str] = Counter()
    for cluster in clusters:
        for surname in {form.last for form in cluster.full}:
            owners[surname] += 1
            for gender in ("female", "male"):
                if cluster.genders <= {gender}:
                    owners[f"{surname}|{gender}"] += 1  # may be of that gender
        if cluster.type == "PERSON":
            for given in {form.first for form in cluster.full}:
                owners[f"first:{given}"] += 1
        for letters in {initials(form.tokens) for form in cluster.full}:
            owners[f"initials:{letters}"] += 1
    return dict(owners)


def cluster_entities(local: Sequence[LocalEntity],
                     definitions: dict[str, str] | None = None) -> list[Cluster]:
    """Story entities: exact-key clusters first, then best-first merges above the threshold."""
    definitions = definitions or {}
    plain = frozenset((entity.article, form.last) for entity in local
                      if not any(form.suffix for form in entity.forms) for form in entity.forms)
    by_key: dict[str, Cluster] = {}
    clusters: list[Cluster] = []
    for entity in local:
        alone = Cluster([entity])
        target = next((by_key[key] for key in sorted(entity.keys) if key in by_key
                       and entity.article not in by_key[key].articles
                       and _given_names_agree(by_key[key], alone)), None)
        if target is None:
            target = alone
            clusters.append(target)
        else:
            target.absorb(alone)
        for key in entity.keys:
            by_key.setdefault(key, target)
    merged = True
    while merged:
        merged = False
        owners = _surname_owners(clusters)
        index: dict[str, list[int]] = defaultdict(list)
        for number, cluster in enumerate(clusters):
            for key in cluster.index_keys():
                index[key].append(number)
        pairs = {pair for members in index.values() if len(members) < 200
                 for pair in combinations(members, 2)}
        scored = sorted(((score(clusters[a], clusters[b], owners, definitions, plain), a, b)
                         for a, b in pairs), reverse=True)
        gone: set[int] = set()
        for value, a, b in scored:
            if value < MERGE_THRESHOLD:
                break
            if a in gone or b in gone or (clusters[a].articles & clusters[b].articles
                                          and value < 1.0):
                continue
            clusters[a].absorb(clusters[b])
            gone.add(b)
            merged = True
        clusters = [cluster for number, cluster in enumerate(clusters) if number not in gone]
    return clusters
