"""Records that flow between stages: frozen, slotted dataclasses.

Every record that states something about a source carries the article id and character offsets
into that article's clean `text`, so provenance is computed once and never reconstructed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "OTHER"]
AliasKind = Literal["name", "short", "title", "acronym", "variant"]
FactStatus = Literal["corroborated", "single-source", "disputed"]
ConflictKind = Literal["number", "date", "name", "wording", "status", "attribution", "other"]
CitationKind = Literal["reported", "according-to", "told", "cited", "forwarded", "other"]
SourceFormat = Literal["text", "markdown", "html", "json"]
Severity = Literal["error", "warning"]
EntityMentions = Mapping[str, Sequence[tuple[int, int, str]]]
"""article id -> (start, end, entity id) of each story-entity mention in that article: how
stages after entity resolution find which entity a character range names."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input, reported to the user; the batch goes on."""

    source: str
    code: str
    message: str
    line: int | None = None
    severity: Severity = "error"

    def one_line(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: [{self.code}] {self.message}"


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read from its source, before cleaning. Metadata may be missing."""

    source: str
    text: str
    format: SourceFormat
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    updated: str | None = None
    language: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of the source left out of the clean text, and why."""

    text: str
    reason: str
    line: int | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article; every offset elsewhere indexes into `text`."""

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    updated: str | None = None
    published_inferred: bool = False
    language: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    headings: tuple[tuple[int, int], ...] = ()
    outlet_hints: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention found by the tagger, with its sentence index in the article."""

    span: Span
    label: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    count: int
    articles: tuple[str, ...]
    kind: AliasKind = "name"


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: tuple[Alias, ...]
    articles: tuple[str, ...]
    mentions: tuple[Span, ...]
    roles: tuple[str, ...] = ()


QuantityKind = Literal["percent", "money", "count", "measure", "ordinal"]
QuantityRole = Literal["current", "previous", "target"]
Modality = Literal["asserted", "hedged", "expected", "possible", "planned", "demanded"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A normalised number in the text: 3.5 per cent, 3.5% and 3.5pc all give (3.5, "%").

    `unit` is "%" for percentages, "pp" for percentage points, an ISO 4217 code for money,
    a unit symbol for measures and "" for plain counts; `role` says whether the text presents
    it as an earlier value ("up from 3%") or a goal ("to 5%") rather than the current one.
    """

    span: Span
    value: float
    unit: str
    kind: QuantityKind
    role: QuantityRole = "current"
    normal: str = ""
    """A readable normal form: "3.5%", "USD 1.2 billion", "3rd"."""


@dataclass(frozen=True, slots=True)
class Status:
    """What a claim says became of something: `state` is a predicate class ("postpone",
    "impose", "absent") said of `thing`, the lemma of the noun it is said of ("meeting",
    "tariff"; "" when none), in the words of `span`."""

    state: str
    thing: str
    span: Span


@dataclass(frozen=True, slots=True)
class Claim:
    """One atomic statement: a clause of a sentence, with its slots read off the parse.

    `entities` are story entity ids; `dates` are normalised ISO values from the timeline
    stage; `predicate` is the main verb's lemma (with its particle) and `predicate_class` its
    class in the predicate lexicon ("cancel" for cancel / call off / pull out); `attributed_to`
    is who the article credits with it ("Reuters", "a US official") and `attribution` where;
    `sentence` is the whole sentence the claim is part of.
    """

    span: Span
    attributed_to: str | None = None
    id: str = ""
    sentence: Span | None = None
    entities: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[str, ...] = ()
    predicate: str | None = None
    predicate_class: str | None = None
    negated: bool = False
    modality: Modality = "asserted"
    hedges: tuple[str, ...] = ()
    attribution: Span | None = None
    terms: tuple[str, ...] = ()
    statuses: tuple[Status, ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    """Claims from one or more articles that state the same thing.

    `text` is the representative claim's sentence, verbatim from `span`; `independent_sources`
    counts articles, those whose claims rest on the same cited origin counted once.
    """

    id: str
    text: str
    status: FactStatus
    articles: tuple[str, ...]
    claims: tuple[Claim, ...]
    independent_sources: int | None = None
    span: Span | None = None
    origins: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConflictSide:
    value: str
    articles: tuple[str, ...]
    spans: tuple[Span, ...]
    attributed_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """Outlets disagreeing. `change_over_time`: every article of one side was published on
    an earlier day than every article of the other, so the later side may be an update
    rather than a disagreement; the sides then run from the earlier to the later."""

    id: str
    kind: ConflictKind
    summary: str
    sides: tuple[ConflictSide, ...]
    fact: str | None = None
    change_over_time: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """Words credited to a speaker: `span` is the content (the quoted words for a direct
    quote, the reported clause for indirect speech), `source_span` the words naming the speaker
    in the text, `cue_span` the cue ("said", "according to"); `speaker` is the story entity
    when the speaker is one, `speaker_text` the words that name or describe the speaker
    ("a US defense official", or the name a pronoun stands for)."""

    id: str
    span: Span
    direct: bool
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    same_as: tuple[str, ...] = ()
    cue_span: Span | None = None
    source_span: Span | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated event: `date` at `precision` (to `end` for a range); `scheduled` when it lies
    ahead of the articles that report it."""

    date: str | None
    text: str
    articles: tuple[str, ...]
    spans: tuple[Span, ...]
    precision: str | None = None
    end: str | None = None
    scheduled: bool = False


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A temporal expression of an article as TIMEX3 reads it: `type` date, time, duration
    or set; `value` TIMEX3 style ("2019-02", "2013-06-28T14:00", "2016-W40", "P3W",
    "PAST_REF"), None when it cannot be resolved; `anchor` the date it was resolved against
    (the article's publication date)."""

    span: Span
    type: str
    value: str | None
    precision: str | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    article: str
    source: str
    kind: CitationKind
    span: Span | None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Copy:
    """`article` repeats passages of `of_article` (the likely original, when dates tell):
    `overlap` is the share of `article`'s words inside copied passages, `spans` the passages
    in `article` and `of_spans` the same passages in `of_article`, pairwise."""

    article: str
    of_article: str
    overlap: float
    spans: tuple[Span, ...] = ()
    of_spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefSentence:
    """A sentence of the brief: verbatim `span` of one source, with every article that states
    its facts."""

    text: str
    articles: tuple[str, ...]
    facts: tuple[str, ...] = ()
    span: Span | None = None
    section: Literal["corroborated", "disputed", "single-source"] = "corroborated"


@dataclass(frozen=True, slots=True)
class Story:
    """One story: its articles and everything found across them."""

    id: str
    title: str
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    dates: tuple[TemporalExpression, ...] = ()
    citations: tuple[Citation, ...] = ()
    copies: tuple[Copy, ...] = ()
    brief: tuple[BriefSentence, ...] = ()
    claims: tuple[Claim, ...] = ()
    first: str | None = None
    last: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """What `analyze` returns: the story, the inputs it had to skip, and how it was made."""

    story: Story
    problems: tuple[Problem, ...] = ()
    model: str = ""
    cached_docs: int = 0
    parsed_docs: int = 0
    timings: tuple[tuple[str, float], ...] = ()
    """(stage, seconds) for each stage of this run, in order."""
