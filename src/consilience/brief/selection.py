"""The brief being chosen: the sentences picked so far, in which section, citing which facts
and articles, and the rules for adding one (never twice, never one that repeats a pick)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..config import BriefSettings
from ..models import Article, BriefSentence, Conflict, Fact, Span
from .ranking import fact_spans
from .sentences import SentenceKey, StorySentences, dangling
from .words import content_words, jaccard

if TYPE_CHECKING:
    from spacy.tokens import Doc

Section = Literal["corroborated", "disputed", "single-source"]

SECTIONS: tuple[Section, ...] = ("corroborated", "disputed", "single-source")


@dataclass
class _Pick:
    key: SentenceKey
    section: Section
    order: int
    words: frozenset[str]
    facts: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


class Selection:
    """The sentences chosen so far, and the rules for adding one."""

    def __init__(self, articles: Sequence[Article], facts: Sequence[Fact],
                 conflicts: Sequence[Conflict], docs: Sequence[Doc] | None = None,
                 settings: BriefSettings = BriefSettings()) -> None:
        self.settings = settings
        self.sentences = StorySentences(articles, docs, settings)
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
            for span in fact_spans(fact):
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
        return any(jaccard(words, pick.words) >= self.settings.same_words
                   for pick in self.picks.values())

    def add(self, key: SentenceKey, section: Section, facts: Iterable[str] = (),
            cited: Iterable[str] = ()) -> None:
        """Choose the sentence, or fold it into the chosen one with the same words.

        A disputed sentence cites only its own article and the `cited` ones, the articles of
        its conflict side (the version it gives); any other sentence every article that states
        one of its facts, and the `cited` ones (for the lead, the articles whose openings agree
        with it).
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
            pick.articles |= self._articles_of(key) | set(cited)
        elif section == "disputed":
            pick.articles |= {key[0], *cited}
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
