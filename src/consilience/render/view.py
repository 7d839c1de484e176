"""What a story page shows, worked out from the Story: the records of `view_records`.

Templates only lay these out; every choice (order, grouping, what a citation points at, what
is left out of a long list, which articles support or contradict a fact) is made here, where
it can be tested, once for the HTML report, the web app's story page and the Markdown report.
Every citation carries the anchor of the exact span it rests on (see `spans.py`), the outlet
and the span's words, so a reader can check it in the article text of the same page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from ..models import Article, Conflict, Fact, Problem, Quote, Span, Story
from ..text import shorten
from .citation_geometry import citation_graph
from .spans import SpanIndex, article_view
from .text import web_address
from .timeline_geometry import timeline_chart
from .view_records import (
    AliasView,
    ArticleView,
    BriefItem,
    Cell,
    Cite,
    CitedSource,
    ConflictView,
    CopyView,
    EntityView,
    FactRow,
    Passage,
    SideView,
    Source,
    SpeakerView,
    Statement,
    StoryView,
    TimelineRow,
)
from .wordiff import differing_words

FACT_ROWS = 80
"""The fact x outlet matrix shows this many facts, the best supported first."""
QUOTE_TEXT = 400


def _source(article: Article, number: int) -> Source:
    """The article as the page names it: its outlet, else its web site, else a few words of
    its title, else its number."""
    url = web_address(article.url)
    site = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    outlet = article.outlet or site or (shorten(article.title, 28) if article.title else "") \
        or f"article {number}"
    return Source(article.id, number, outlet, article.title or article.source,
                  article.published, url, f"a-{number}", bool(article.outlet or site))


class _Builder:
    """Builds the view of one story; holds the span index every citation registers in."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.index = SpanIndex()
        self.sources = {article.id: _source(article, number)
                        for number, article in enumerate(story.articles, start=1)}

    def cite(self, span: Span | None, article: str | None = None) -> Cite | None:
        """A citation of `span` (or of the whole article when no span is known)."""
        key = span.article if span is not None else article
        source = self.sources.get(key or "")
        if source is None:
            return None
        if span is None:
            return Cite(source, source.anchor)
        return Cite(source, self.index.anchor(span))

    def cites(self, spans: Iterable[Span], articles: Iterable[str] = ()) -> list[Cite]:
        """One citation per article: its first span among `spans`, else the article itself
        for the `articles` without one."""
        found: dict[str, Cite] = {}
        for span in spans:
            if span.article not in found and (cite := self.cite(span)) is not None:
                found[span.article] = cite
        for article in articles:
            if article not in found and (cite := self.cite(None, article)) is not None:
                found[article] = cite
        return sorted(found.values(), key=lambda cite: cite.source.number)

    # --- sections -------------------------------------------------------------------------

    def brief(self) -> list[BriefItem]:
        facts = {fact.id: fact for fact in self.story.facts}
        items = []
        for sentence in self.story.brief:
            spans = [sentence.span] if sentence.span else []
            spans += [claim.span for fact_id in sentence.facts if fact_id in facts
                      for claim in facts[fact_id].claims]
            own = self.cite(sentence.span) if sentence.span else None
            also = [cite for cite in self.cites(spans, sentence.articles)
                    if own is None or cite.source.id != own.source.id]
            items.append(BriefItem(sentence.text, sentence.section, own, also))
        return items

    def facts(self) -> tuple[list[FactRow], int]:
        against = _contradicting(self.story.conflicts)
        ranked = sorted(enumerate(self.story.facts), key=lambda item: _support(item[1]))
        rows = []
        for order, fact in ranked[:FACT_ROWS]:
            claims = {claim.span.article: claim.span for claim in reversed(fact.claims)}
            contradicting = against.get(fact.id, {})
            cells = []
            for article in self.story.articles:
                if article.id in contradicting:
                    cells.append(Cell("contradicts", self.cite(contradicting[article.id])))
                elif article.id in fact.articles:
                    cells.append(Cell("states", self.cite(claims.get(article.id), article.id)))
                else:
                    cells.append(Cell("silent", None))
            own = self.cite(fact.span) if fact.span else None
            rows.append(FactRow(fact.id, fact.text, fact.status, len(fact.articles),
                                fact.independent_sources, order, cells,
                                own.anchor if own else None))
        if any(row.support > 1 or row.status == "disputed" for row in rows):
            rows = [replace(row, folded=row.status == "single-source") for row in rows]
        return rows, max(0, len(ranked) - FACT_ROWS)

    def conflicts(self) -> list[ConflictView]:
        views = []
        for conflict in self.story.conflicts:
            texts = [side.spans[0].text if side.spans else side.value for side in conflict.sides]
            sides = []
            for number, side in enumerate(conflict.sides):
                other = texts[1] if number == 0 and len(texts) > 1 else texts[0]
                first = self.cite(side.spans[0]) if side.spans else None
                sides.append(SideView(
                    side.value, self.cites(side.spans, side.articles), list(side.attributed_to),
                    differing_words(shorten(texts[number], QUOTE_TEXT), other, side.value),
                    first.anchor if first else None,
                    len({" ".join(span.text.split()) for span in side.spans}) - 1))
            views.append(ConflictView(conflict.id, conflict.kind, conflict.summary,
                                      conflict.fact, sides))
        return views

    def entities(self) -> list[EntityView]:
        views = []
        for entity in self.story.entities:
            first_mention: dict[str, Span] = {}
            for span in entity.mentions:
                first_mention.setdefault(span.text, span)
            aliases = [AliasView(alias.text, alias.count, alias.kind,
                                 self._sources(alias.articles),
                                 self.cite(first_mention.get(alias.text)) if alias.text
                                 in first_mention else None)
                       for alias in entity.aliases]
            views.append(EntityView(entity.id, entity.name, entity.type, list(entity.roles),
                                    len(entity.mentions), self._sources(entity.articles),
                                    aliases))
        return views

    def speakers(self) -> list[SpeakerView]:
        by_id = {quote.id: quote for quote in self.story.quotes}
        grouped: dict[str, list[Statement]] = {}
        seen: set[str] = set()
        for quote in self.story.quotes:
            if quote.id in seen:
                continue
            family = _same_statement(quote, by_id)
            seen.update(member.id for member in family)
            speaker = quote.speaker_text or "(speaker not found)"
            grouped.setdefault(speaker, []).append(Statement(
                shorten(quote.span.text, QUOTE_TEXT), quote.direct, quote.cue,
                self.cites(member.span for member in family)))
        ordered = sorted(grouped.items(), key=lambda item: (
            -sum(len(statement.cites) for statement in item[1]), item[0].casefold()))
        return [SpeakerView(speaker, statements) for speaker, statements in ordered]

    def timeline(self) -> list[TimelineRow]:
        return [TimelineRow((entry.date or "undated") + (f" – {entry.end}" if entry.end else ""),
                            entry.text, entry.scheduled, self.cites(entry.spans, entry.articles))
                for entry in self.story.timeline]

    def cited(self) -> list[CitedSource]:
        by_source: dict[str, list[tuple[Cite, str]]] = {}
        for citation in self.story.citations:
            cite = self.cite(citation.span, citation.article)
            if cite is not None:
                by_source.setdefault(citation.source, []).append((cite, citation.kind))
        ordered = sorted(by_source.items(), key=lambda item: (
            -len({cite.source.id for cite, _ in item[1]}), item[0].casefold()))
        return [CitedSource(source, cites) for source, cites in ordered]

    def copies(self) -> list[CopyView]:
        views = []
        for copy in self.story.copies:
            if copy.article not in self.sources or copy.of_article not in self.sources:
                continue
            passages = []
            for number, span in enumerate(copy.spans):
                cite = self.cite(span)
                of_span = copy.of_spans[number] if number < len(copy.of_spans) else None
                if cite is not None:
                    passages.append(Passage(shorten(span.text, QUOTE_TEXT), cite,
                                            self.cite(of_span) if of_span else None))
            views.append(CopyView(self.sources[copy.article], self.sources[copy.of_article],
                                  copy.overlap, passages))
        return views

    def articles(self, article_url: str | None) -> list[ArticleView]:
        views = []
        for article in self.story.articles:
            parts, truncated = article_view(article, self.index, self.story.dates)
            source = self.sources[article.id]
            page = article_url.replace("{id}", article.id) if article_url else None
            views.append(ArticleView(source, article.byline, article.language, parts,
                                     truncated, len(article.text), page or source.url,
                                     len(article.removed), page))
        return views

    def _sources(self, articles: Iterable[str]) -> list[Source]:
        found = {self.sources[article].number: self.sources[article] for article in articles
                 if article in self.sources}
        return [found[number] for number in sorted(found)]


def _support(fact: Fact) -> tuple[int, int]:
    sources = fact.independent_sources if fact.independent_sources is not None \
        else len(fact.articles)
    return -sources, -len(fact.articles)


def _contradicting(conflicts: Sequence[Conflict]) -> dict[str, dict[str, Span | None]]:
    """For each fact, the articles on a side of a conflict about it that most articles do not
    take, with the span where each says so."""
    against: dict[str, dict[str, Span | None]] = {}
    for conflict in conflicts:
        if conflict.fact is None or not conflict.sides:
            continue
        majority = max(conflict.sides, key=lambda side: len(side.articles))
        for side in conflict.sides:
            if side is majority:
                continue
            spans = {span.article: span for span in reversed(side.spans)}
            for article in side.articles:
                if article not in majority.articles:
                    against.setdefault(conflict.fact, {})[article] = spans.get(article)
    return against


def _same_statement(quote: Quote, by_id: dict[str, Quote]) -> list[Quote]:
    """The quote and every quote linked to it through `same_as`, in story order."""
    family = {quote.id: quote}
    frontier = [quote]
    while frontier:
        current = frontier.pop()
        for other in current.same_as:
            if other in by_id and other not in family:
                family[other] = by_id[other]
                frontier.append(by_id[other])
    order = {identifier: position for position, identifier in enumerate(by_id)}
    return sorted(family.values(), key=lambda member: order[member.id])


def story_view(story: Story, model: str | None = None, problems: Sequence[Problem] = (),
               article_url: str | None = None) -> StoryView:
    """Everything the story page shows. `article_url` is a pattern with `{id}` for a link to
    each article's full text (the web app); without it an article links to its own address."""
    builder = _Builder(story)
    view = StoryView(story.id, story.title, story.first, story.last, model,
                     list(builder.sources.values()))
    view.brief = builder.brief()
    view.facts, view.hidden_facts = builder.facts()
    view.conflicts = builder.conflicts()
    view.entities = builder.entities()
    view.speakers = builder.speakers()
    view.timeline = builder.timeline()
    view.timeline_chart = timeline_chart(story.timeline, story.articles, builder.index.anchor)
    view.cited = builder.cited()
    view.graph = citation_graph(story.citations, story.articles, story.copies,
                                builder.index.anchor)
    view.copies = builder.copies()
    view.problems = [problem.one_line() for problem in problems]
    view.articles = builder.articles(article_url)  # last: every cited span is registered
    return view
