"""The one place where stages are wired: paths in, one analysed Story out."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from .annotate import DocCache, annotate, extract_mentions, load_pipeline, model_label
from .brief import select_brief
from .claims import ClaimSpace, SentenceSpace, build_facts, comparable_groups, story_claims
from .clean import clean_or_refuse, oversized
from .cluster import story_title
from .config import AnalyzeConfig
from .conflicts import extend_conflicts, find_conflicts, mark_disputed
from .errors import (
    Errors,
    NothingToAnalyseError,
    StoryTooLargeError,
)
from .ids import story_id
from .ingest import read_inputs
from .models import (
    Analysis,
    Article,
    Citation,
    EntityMentions,
    Problem,
    Quote,
    RawArticle,
    Story,
)
from .provenance import find_citations, find_copies, find_quotes, link_quotes, with_independence
from .resolve import resolve_story
from .timeline import build_timeline, date_mentions, infer_publication_dates, story_dates

LOGGER = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called as articles pass a stage."""


class StageTimer:
    """Seconds spent in each stage, lap by lap."""

    def __init__(self) -> None:
        self._last = time.perf_counter()
        self._laps: list[tuple[str, float]] = []

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self._laps.append((stage, now - self._last))
        self._last = now

    def laps(self) -> tuple[tuple[str, float], ...]:
        return tuple(self._laps)


def read_provenance(articles: Sequence[Article], docs: Sequence[Doc], mentions: EntityMentions,
                    names: dict[str, str], types: dict[str, str]
                    ) -> tuple[list[Quote], list[Citation]]:
    """Every article's quotes and citations, in story order."""
    quotes: list[Quote] = []
    citations: list[Citation] = []
    for article, doc in zip(articles, docs, strict=True):
        found = find_quotes(article, doc, mentions, names, types)
        quotes.extend(found)
        citations.extend(find_citations(article, doc, found, mentions, names, types))
    return quotes, citations


def _date_range(articles: Sequence[Article]) -> tuple[str | None, str | None]:
    dates = sorted(article.published for article in articles if article.published)
    return (dates[0], dates[-1]) if dates else (None, None)


def analyze_raw(
    raws: Sequence[RawArticle],
    config: AnalyzeConfig = AnalyzeConfig(),
    problems: Iterable[Problem] = (),
    progress: Progress | None = None,
) -> Analysis:
    """Analyse already-read articles as one story."""
    problems = list(problems)
    articles = clean_or_refuse(raws, config.max_article_chars, problems)
    return analyze_articles(articles, config, problems, progress)


def analyze_articles(
    articles: Sequence[Article],
    config: AnalyzeConfig = AnalyzeConfig(),
    problems: Iterable[Problem] = (),
    progress: Progress | None = None,
    cache: DocCache | None = None,
    number: int | None = None,
) -> Analysis:
    """Analyse cleaned articles as one story; `cache` (else the configured one) keeps parses;
    `number` is the story's number in a database or batch, which becomes its id
    (`ids.story_id`).

    Articles over the size limit are reported and skipped (they may come from a database
    filled under a higher limit); a story over the article limit raises StoryTooLargeError."""
    problems = list(problems)
    kept = []
    for article in articles:
        if (too_large := oversized(article, config.max_article_chars)) is not None:
            problems.append(too_large)
        else:
            kept.append(article)
    if not kept:
        raise NothingToAnalyseError(Errors.E110.format(count=len(problems)),
                                    problems=tuple(problems))
    if len(kept) > config.max_story_articles:
        raise StoryTooLargeError(Errors.E112.format(count=len(kept),
                                                    limit=config.max_story_articles))
    articles = kept
    nlp = load_pipeline(config.model)
    nlp.max_length = max(nlp.max_length, config.max_article_chars + 1)
    own_cache = cache is None and config.use_cache
    if own_cache:
        cache = DocCache(config.cache_dir)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress("annotate", done, len(articles))

    timer = StageTimer()
    try:
        annotated = annotate(articles, nlp, cache, config.batch_size, progress=advance,
                             jobs=config.jobs)
    finally:
        if own_cache and cache is not None:
            cache.close()
    timer.lap("annotate")
    mentions = [mention for article, doc in zip(articles, annotated.docs, strict=True)
                for mention in extract_mentions(article, doc)]
    resolution = resolve_story(articles, annotated.docs, mentions)
    articles = infer_publication_dates(articles, annotated.docs)
    timer.lap("entities")
    entity_mentions: dict[str, list[tuple[int, int, str]]] = {}
    for entity in resolution.entities:
        for span in entity.mentions:
            entity_mentions.setdefault(span.article, []).append((span.start, span.end,
                                                                 entity.id))
    names = {entity.id: entity.name for entity in resolution.entities}
    timeline = build_timeline(articles, annotated.docs, entity_mentions)
    dates = story_dates(articles, annotated.docs)
    timer.lap("timeline")
    claims = story_claims(articles, annotated.docs, entity_mentions, names,
                          date_mentions(articles, annotated.docs))
    timer.lap("claims")
    space = ClaimSpace(claims)
    sentences = SentenceSpace(claims, config.alignment)
    facts = build_facts(articles, claims, config.alignment, space=sentences)
    timer.lap("facts")
    people = frozenset(entity.name for entity in resolution.entities if entity.type == "PERSON")
    conflicts = find_conflicts(articles, facts, claims, space.claim_similarity,
                               resolution.conflicts, people, comparable_groups(sentences))
    timer.lap("conflicts")
    quotes, citations = read_provenance(articles, annotated.docs, entity_mentions, names,
                                        {entity.id: entity.type for entity in resolution.entities})
    quotes, altered, miscredited = link_quotes(quotes)
    conflicts = extend_conflicts(conflicts, "wording", altered, articles)
    conflicts = extend_conflicts(conflicts, "attribution", miscredited, articles)
    copies = find_copies(articles, annotated.docs, settings=config.copies)
    facts = with_independence(facts, citations, copies, names)
    facts = mark_disputed(facts, conflicts)
    timer.lap("provenance")
    brief = select_brief(articles, facts, conflicts, annotated.docs, settings=config.brief)
    timer.lap("brief")
    first, last = _date_range(articles)
    story = Story(
        id=story_id(articles, number),
        title=story_title(articles),
        articles=tuple(articles),
        timeline=tuple(timeline),
        dates=dates,
        entities=resolution.entities,
        claims=tuple(claims),
        facts=tuple(facts),
        conflicts=tuple(conflicts),
        quotes=tuple(quotes),
        citations=tuple(citations),
        copies=tuple(copies),
        brief=brief,
        first=first,
        last=last,
    )
    return Analysis(story, tuple(problems), model_label(nlp), annotated.cached, annotated.parsed,
                    timer.laps())


def analyze(
    paths: Iterable[str | Path],
    config: AnalyzeConfig = AnalyzeConfig(),
    progress: Progress | None = None,
) -> Analysis:
    """Read, clean and annotate every article under `paths` and analyse them as one story.

    Inputs that cannot be used are reported in `Analysis.problems` and skipped; raises
    NothingToAnalyseError when none can be used.
    """
    raws, problems = read_inputs(paths)
    return analyze_raw(raws, config, problems, progress)
