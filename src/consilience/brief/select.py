"""Choose the brief: whole sentences copied from the articles, in three parts.

1. corroborated facts, most independent sources first, then the most central (sharing entities
   and terms with the rest of the story), then the earliest in its article;
2. what is disputed: for each conflict, most-supported first, one sentence per side, so both
   versions are read side by side;
3. notable single-source facts (with numbers, dates, named entities, an attribution) to fill up
   to `limit`; vaguer ones only to reach `minimum`.

A sentence is chosen once, with every fact it states; a sentence that says what a chosen one
already says (same facts, or mostly the same content words) is skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..models import Article, BriefSentence, Conflict, Fact, Span

Section = Literal["corroborated", "disputed", "single-source"]
SentenceKey = tuple[str, int, int]

SECTIONS: tuple[Section, ...] = ("corroborated", "disputed", "single-source")
MIN_WORDS = 6
MAX_WORDS = 60
SAME_WORDS = 0.6  # Jaccard of content words from which two sentences say the same thing
ENTITY_WEIGHT = 2.0  # an entity shared between facts counts more than a shared term
# What a reader most needs to see both sides of first.
_KIND_ORDER = ("status", "number", "date", "attribution", "name", "wording", "other")

# --- sentences ------------------------------------------------------------------------------

_CLOSING = "\"'”’»)]"
# A run of sentence punctuation (with closing quotes or brackets) before white space or the
# end, or a line break. Only from the start of a run, and without giving any back: otherwise
# a long run of dots not followed by a space is scanned again from each of its characters.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s|$)|\n")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)\.$")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_ABBREVIATION_WORDS = """
    mr mrs ms mx dr prof gen sen rep gov lt col sgt capt cmdr adm maj cpl pvt det insp supt
    st mt ft jr sr rev hon pres atty messrs mme mlle inc corp co ltd plc bros dept est approx
    vs etc al jan feb mar apr jun jul aug sep sept oct nov dec
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_BEFORE_NUMBERS = frozenset({"no", "nos", "vol", "fig", "art", "pp"})  # 'No. 10', 'Art. 9'


def _abbreviation_at(text: str, stop: int) -> bool:
    """The full stop at `stop` closes an abbreviation or initialism (Mr., U.S., e.g.)."""
    match = _WORD_BEFORE.search(text, max(0, stop - 24), stop + 1)
    if not match:
        return False
    word = match.group(1).lower()
    if word in _BEFORE_NUMBERS:
        return text[stop + 1:stop + 3].lstrip()[:1].isdigit()
    return word in _ABBREVIATIONS or _INITIALISM.fullmatch(word) is not None


def _continues(text: str, after: int) -> bool:
    """The text after the stop goes on in lower case ('approx. five', '"No!" she said')."""
    rest = text[after:after + 8].lstrip(" \t" + _CLOSING + "\"“‘")
    return bool(rest) and rest[0].islower()


def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence of `text`, white space trimmed.

    A sentence ends at . ! ? (with any closing quotes) before white space, or at a line break;
    not after an abbreviation or initialism, nor where the text goes on in lower case.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group() == "\n":
            end = match.start()
        else:
            marks = match.group().rstrip(_CLOSING)
            if marks == "." and _abbreviation_at(text, match.start()):
                continue
            if _continues(text, match.end()):
                continue
            end = match.end()
        _add_trimmed(text, start, end, bounds)
        start = match.end()
    _add_trimmed(text, start, len(text), bounds)
    return tuple(bounds)


def _add_trimmed(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + len(piece) - len(piece.lstrip())
        bounds.append((offset, offset + len(stripped)))


# --- words ----------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*")
_STOPWORD_TEXT = """
    a an the and or but nor so yet if then than that this these those there here it its it's
    he him his she her hers they them their theirs we our ours you your yours i me my mine
    who whom whose which what when where why how whether while as at by for from in into of on
    onto off out over under up down to with within without about above after against along
    among around before behind below beneath beside between beyond during except inside near
    since through throughout toward towards until upon via per is are was were be been being
    am do does did doing done have has had having will would shall should can could may might
    must not no nor only own same such too very just also again further once all any both each
    few more most other some every either neither one said says say saying told tell according
    reported reports report s t
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def content_words(text: str) -> frozenset[str]:
    """Lowercased words of `text` other than function words and reporting verbs."""
    return frozenset(word for word in (match.group().lower() for match in _WORD.finditer(text))
                     if word not in _STOPWORDS)


def jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


# A sentence whose subject or speaker is a pronoun needs the sentence before it.
_DANGLING = re.compile(
    r"^[\"“‘']?(?:(?:but|and|however|still|yet|meanwhile|instead),?\s+)?"
    r"(?:he|she|they|it|this|these|those|his|her|their|its)\b"
    r"|[,”\"]\s+(?:he|she|they)\s+(?:said|says|added|told|noted|argued|stated|wrote)\b",
    re.IGNORECASE)


def dangling(text: str) -> bool:
    """Starts with a pronoun ('He said ...', 'This move ...') or quotes 'he said'."""
    return _DANGLING.search(text) is not None


# --- eligibility ----------------------------------------------------------------------------


def _only_a_quotation(text: str) -> bool:
    """A quotation without who said it, or a piece of a quotation that runs across sentences."""
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return True
    opening = text[0]
    if opening not in "\"“":
        return False
    close = text.find('"' if opening == '"' else "”", 1)
    return close < 0 or not any(char.isalnum() for char in text[close + 1:])


def eligible(article: Article, start: int, end: int) -> bool:
    """Whether the sentence article.text[start:end] may stand in the brief on its own."""
    if any(start < heading_end and heading_start < end
           for heading_start, heading_end in article.headings):
        return False
    text = article.text[start:end]
    if text.rstrip(_CLOSING).endswith("?"):
        return False
    if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
        return False
    first = text.lstrip(_CLOSING + "“‘«(")[:1]
    return not first.islower() and not _only_a_quotation(text)


# --- the story's sentences and facts --------------------------------------------------------


class _Sentences:
    """Sentence lookup over the story's articles, each article split once."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = {article.id: article for article in articles}
        self._bounds: dict[str, tuple[tuple[int, int], ...]] = {}
        self._starts: dict[str, list[int]] = {}

    def bounds(self, article_id: str) -> tuple[tuple[int, int], ...]:
        if article_id not in self._bounds:
            article = self.articles.get(article_id)
            self._bounds[article_id] = sentence_bounds(article.text) if article else ()
            self._starts[article_id] = [start for start, _ in self._bounds[article_id]]
        return self._bounds[article_id]

    def index(self, span: Span) -> int | None:
        """The ordinal of the sentence holding the first non-blank character of `span`."""
        bounds = self.bounds(span.article)
        offset = span.start + len(span.text) - len(span.text.lstrip())
        position = bisect_right(self._starts[span.article], offset) - 1
        if position >= 0 and offset < bounds[position][1]:
            return position
        return position + 1 if position + 1 < len(bounds) else None

    def key(self, span: Span) -> SentenceKey | None:
        position = self.index(span)
        if position is None:
            return None
        start, end = self.bounds(span.article)[position]
        return span.article, start, end

    def text(self, key: SentenceKey) -> str:
        return self.articles[key[0]].text[key[1]:key[2]]

    def eligible(self, key: SentenceKey) -> bool:
        return eligible(self.articles[key[0]], key[1], key[2])


def _fact_spans(fact: Fact) -> list[Span]:
    """Where the fact is stated: its representative claim first, then every claim."""
    spans = [claim.span for claim in fact.claims]
    if fact.span is not None:
        inside = [span for span in spans if span.article == fact.span.article
                  and fact.span.start <= span.start < fact.span.end]
        spans = [inside[0] if inside else fact.span, *spans]
    return spans


def _features(fact: Fact) -> dict[str, float]:
    """Weighted entities and terms of a fact (content words of its text when it has none)."""
    features = {f"e:{entity}": ENTITY_WEIGHT for claim in fact.claims for entity in claim.entities}
    terms = {term.lower() for claim in fact.claims for term in claim.terms}
    if not features and not terms:
        terms = set(content_words(fact.text))
    features.update({f"t:{term}": 1.0 for term in terms})
    return features


_COMMON_FEATURE = 200


def centrality(facts: Sequence[Fact]) -> dict[str, float]:
    """For each fact id, the summed weighted Jaccard overlap of its entities and terms with
    every other fact: how much of the story's vocabulary it shares."""
    features = [_features(fact) for fact in facts]
    totals = [sum(weights.values()) for weights in features]
    postings: dict[str, list[int]] = defaultdict(list)
    for number, weights in enumerate(features):
        for feature in weights:
            postings[feature].append(number)
    common = max(_COMMON_FEATURE, len(facts) // 20)
    scores: dict[str, float] = {}
    for number, weights in enumerate(features):
        shared: dict[int, float] = defaultdict(float)
        for feature, weight in weights.items():
            if len(postings[feature]) > common:  # in a large story, too common to tell
                continue
            for other in postings[feature]:
                if other != number:
                    shared[other] += weight
        scores[facts[number].id] = sum(
            overlap / (totals[number] + totals[other] - overlap)
            for other, overlap in shared.items())
    return scores


def notability(fact: Fact) -> int:
    """How concrete a fact is: numbers, dates, named entities, an attribution; hedging counts
    against it. 0 or less is vague commentary."""
    claims = fact.claims
    anchors = (2 * any(claim.quantities for claim in claims)
               + 2 * any(claim.dates for claim in claims)
               + min(2, len({entity for claim in claims for entity in claim.entities})))
    if not anchors:
        return 0
    attributed = any(claim.attributed_to for claim in claims)
    hedged = any(claim.hedges or claim.modality in ("hedged", "possible") for claim in claims)
    return anchors + attributed + (-1 if hedged else 1)


# --- selection ------------------------------------------------------------------------------


@dataclass
class _Pick:
    key: SentenceKey
    section: Section
    order: int
    words: frozenset[str]
    facts: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


class _Selection:
    """The sentences chosen so far, and the rules for adding one."""

    def __init__(self, articles: Sequence[Article], facts: Sequence[Fact],
                 conflicts: Sequence[Conflict]) -> None:
        self.sentences = _Sentences(articles)
        self.article_order = {article.id: number for number, article in enumerate(articles)}
        self.facts = {fact.id: fact for fact in facts}
        self.fact_order = {fact.id: number for number, fact in enumerate(facts)}
        self.sides: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for conflict in conflicts:
            if conflict.fact:
                self.sides[conflict.fact] += [side.articles for side in conflict.sides]
        self.disputed = {fact.id for fact in facts
                         if fact.status == "disputed" or fact.id in self.sides}
        self.stated: dict[SentenceKey, set[str]] = defaultdict(set)
        for fact in facts:
            for span in _fact_spans(fact):
                key = self.sentences.key(span)
                if key is not None:
                    self.stated[key].add(fact.id)
        self.picks: dict[SentenceKey, _Pick] = {}
        self.by_text: dict[str, _Pick] = {}
        self.covered: set[str] = set()
        self._counter = 0

    def __len__(self) -> int:
        return len(self.picks)

    def first_eligible(self, spans: Iterable[Span]) -> SentenceKey | None:
        """The sentence of the first span that may stand alone, preferring one that does not
        lean on a pronoun."""
        keys = [key for key in map(self.sentences.key, spans)
                if key is not None and self.sentences.eligible(key)]
        return next((key for key in keys if not dangling(self.sentences.text(key))),
                    keys[0] if keys else None)

    def _articles_of(self, key: SentenceKey) -> set[str]:
        """Articles that state the facts of the sentence; for a disputed fact only those on
        the sentence's own side of its conflicts."""
        articles = {key[0]}
        for fact_id in self.stated[key]:
            fact = self.facts[fact_id]
            if fact_id not in self.disputed:
                articles.update(fact.articles)
            else:
                for side in self.sides.get(fact_id, ()):
                    if key[0] in side:
                        articles.update(side)
        return articles

    def new(self, key: SentenceKey) -> bool:
        """Not chosen already, as this sentence or the same words in another article."""
        return key not in self.picks and " ".join(self.sentences.text(key).split()) \
            not in self.by_text

    def repeats(self, key: SentenceKey) -> bool:
        """States mostly facts already covered (half or more), or mostly the words of a
        chosen sentence."""
        stated = self.stated[key]
        if stated and 2 * len(stated & self.covered) >= len(stated):
            return True
        words = content_words(self.sentences.text(key))
        return any(jaccard(words, pick.words) >= SAME_WORDS for pick in self.picks.values())

    def add(self, key: SentenceKey, section: Section, facts: Iterable[str] = (),
            side: Iterable[str] = ()) -> None:
        """Choose the sentence, or fold it into the chosen one with the same words.

        A disputed sentence cites the articles of its conflict `side` only (the version it
        gives); any other sentence every article that states one of its facts.
        """
        text = " ".join(self.sentences.text(key).split())
        pick = self.picks.get(key) or self.by_text.get(text)
        if pick is None:
            pick = _Pick(key, section, self._counter, content_words(text))
            self.picks[key] = self.by_text[text] = pick
        elif section == "disputed" and pick.section != "disputed":
            pick.section, pick.order, pick.articles = section, self._counter, set()
        self._counter += 1
        pick.facts |= self.stated[key] | set(facts)
        if pick.section != "disputed":
            pick.articles |= self._articles_of(key)
        elif section == "disputed":
            pick.articles |= {key[0], *side}
        self.covered |= pick.facts

    def result(self) -> tuple[BriefSentence, ...]:
        picks = sorted(self.picks.values(),
                       key=lambda pick: (SECTIONS.index(pick.section), pick.order))
        return tuple(self._sentence(pick) for pick in picks)

    def _sentence(self, pick: _Pick) -> BriefSentence:
        article, start, end = pick.key
        text = self.sentences.articles[article].text[start:end]
        return BriefSentence(
            text=text,
            articles=tuple(sorted(pick.articles,
                                  key=lambda ident: (self.article_order.get(ident, 1 << 30),
                                                     ident))),
            facts=tuple(sorted(pick.facts, key=lambda ident: (self.fact_order.get(ident, 1 << 30),
                                                              ident))),
            span=Span(article, start, end, text),
            section=pick.section)


def _conflict_plan(selection: _Selection, conflict: Conflict) -> list[tuple[SentenceKey, int]]:
    """One eligible sentence per side (the first of its spans that has one), with the side."""
    plan: list[tuple[SentenceKey, int]] = []
    for number, side in enumerate(conflict.sides):
        key = selection.first_eligible(side.spans)
        if key is not None and key not in [chosen for chosen, _ in plan]:
            plan.append((key, number))
    return plan


def _support(fact: Fact) -> tuple[int, int]:
    sources = fact.independent_sources if fact.independent_sources is not None \
        else len(fact.articles)
    return sources, len(fact.articles)


def select_brief(articles: Sequence[Article], facts: Sequence[Fact],
                 conflicts: Sequence[Conflict], *, limit: int = 8,
                 minimum: int = 5) -> tuple[BriefSentence, ...]:
    """An extractive brief of at most `limit` whole sentences, each copied from an article.

    Corroborated facts come first, then both sides of each conflict, then single-source facts;
    vague single-source facts only to reach `minimum`. Fewer eligible facts give a shorter
    brief; the same input always gives the same brief.
    """
    if limit <= 0 or not articles:
        return ()
    selection = _Selection(articles, facts, conflicts)
    central = centrality(facts)
    order = {fact.id: number for number, fact in enumerate(facts)}

    def position(fact: Fact) -> int:
        indexes = [selection.sentences.index(span) for span in _fact_spans(fact)]
        return min((index for index in indexes if index is not None), default=1 << 30)

    def fact_key(fact: Fact) -> SentenceKey | None:
        return selection.first_eligible(_fact_spans(fact))

    corroborated = sorted(
        (fact for fact in facts
         if fact.status == "corroborated" and fact.id not in selection.disputed),
        key=lambda fact: (tuple(-count for count in _support(fact)), -central[fact.id],
                          position(fact), order[fact.id]))
    single = sorted(
        (fact for fact in facts
         if fact.status == "single-source" and fact.id not in selection.disputed),
        key=lambda fact: (-notability(fact), -central[fact.id], position(fact), order[fact.id]))
    ranked_conflicts = sorted(
        enumerate(conflicts),
        key=lambda item: (item[1].fact is None,
                          -len({article for side in item[1].sides for article in side.articles}),
                          _KIND_ORDER.index(item[1].kind) if item[1].kind in _KIND_ORDER
                          else len(_KIND_ORDER), item[0]))
    plans = [(conflict, plan) for _, conflict in ranked_conflicts
             if (plan := _conflict_plan(selection, conflict))]

    def add_facts(candidates: Iterable[Fact], section: Section, until: int) -> None:
        for fact in candidates:
            if len(selection) >= until:
                return
            key = fact_key(fact)
            if key is None:
                continue
            if not selection.new(key) or not selection.repeats(key):
                selection.add(key, section, (fact.id,))

    def add_conflicts(until: int) -> None:
        for conflict, plan in plans:
            fresh = [key for key, _ in plan if selection.new(key)]
            if len(selection) + len(fresh) > until:
                continue
            for key, side in plan:
                selection.add(key, "disputed", [conflict.fact] if conflict.fact else [],
                              conflict.sides[side].articles)

    reserve, cap = 0, (limit - 1) // 2
    for _, plan in plans[:2]:
        if reserve + len(plan) <= cap:
            reserve += len(plan)
    add_facts(corroborated, "corroborated", limit - reserve)
    add_conflicts(limit)
    add_facts((fact for fact in single if notability(fact) > 0), "single-source", limit)
    add_facts(corroborated, "corroborated", limit)
    add_facts(single, "single-source", min(limit, minimum))
    return selection.result()
