"""The records a story page is made of: plain, frozen data the templates only lay out.

`view.story_view` fills them from a Story; the HTML report, the web app's story page and the
Markdown report all read them, so every report shows the same facts, support and
contradictions. Every citation carries the anchor of the exact span it rests on (see
`spans.py`), so a reader can check it in the article text of the same page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .citation_geometry import CitationGraph
from .spans import Gap, Segment
from .timeline_geometry import TimelineChart
from .wordiff import Piece


@dataclass(frozen=True, slots=True)
class Source:
    """An article as the page names it: `[3] Outlet`."""

    id: str
    number: int
    outlet: str
    title: str
    published: str | None
    url: str | None
    anchor: str
    named: bool = True
    """Whether `outlet` is an outlet or web site (else words of the title or a number)."""

    @property
    def label(self) -> str:
        """The citation mark of the article, "[3]"."""
        return f"[{self.number}]"


@dataclass(frozen=True, slots=True)
class Cite:
    """A link to the words of one source: `anchor` is the span's anchor (or the article's when
    no span is known). The page shows the marked words of that span on hover or click."""

    source: Source
    anchor: str


@dataclass(frozen=True, slots=True)
class BriefItem:
    """A brief sentence: `quoted` is where its words come from, `also` the other articles
    that state its facts, each cited at its own words."""

    text: str
    section: str
    quoted: Cite | None
    also: list[Cite]


@dataclass(frozen=True, slots=True)
class Cell:
    """One article's cell of a fact row: whether it states the fact, gives another version
    (contradicts) or is silent, cited at its own words."""

    state: str  # "states", "contradicts" or "silent"
    cite: Cite | None


@dataclass(frozen=True, slots=True)
class FactRow:
    """One fact of the fact x article matrix. `support` counts the articles that state it,
    `independent` the independent sources among them (None when unknown); `order` is its place
    in the story, for sorting the table back; `cells` follow the story's articles; `folded`:
    a single-source fact of a story that has facts in two or more outlets or disputed ones,
    which the reports fold away by default."""

    id: str
    text: str
    status: str
    support: int
    independent: int | None
    order: int
    cells: list[Cell]
    anchor: str | None
    folded: bool = False


@dataclass(frozen=True, slots=True)
class SideView:
    """One side of a conflict: its value, the articles that take it, who they credit, its
    words with those that differ from the other side marked, and how many other wordings
    (`more`) it has."""

    value: str
    cites: list[Cite]
    attributed_to: list[str]
    pieces: list[Piece]
    anchor: str | None
    more: int


@dataclass(frozen=True, slots=True)
class ConflictView:
    """A conflict with its sides, and the fact it is about when there is one."""

    id: str
    kind: str
    summary: str
    fact: str | None
    sides: list[SideView]


@dataclass(frozen=True, slots=True)
class AliasView:
    """One spelling of an entity: how often and in which articles it occurs; `kind` is
    "variant" for one outlet's spelling of a name the others spell differently."""

    text: str
    count: int
    kind: str
    sources: list[Source]
    cite: Cite | None

    @property
    def variant(self) -> bool:
        """Whether this is one outlet's spelling of a name the others spell differently."""
        return self.kind == "variant"


@dataclass(frozen=True, slots=True)
class EntityView:
    """An entity with its roles, mention count, the articles naming it and its spellings."""

    id: str
    name: str
    type: str
    roles: list[str]
    mentions: int
    sources: list[Source]
    aliases: list[AliasView]


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement of a speaker, with every article that carries it (cross-outlet matches
    are quotes linked by `same_as`)."""

    text: str
    direct: bool
    cue: str | None
    cites: list[Cite]


@dataclass(frozen=True, slots=True)
class SpeakerView:
    """A speaker and the statements attributed to them."""

    speaker: str
    statements: list[Statement]


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """A timeline entry as the table lists it: its date (or range), text and citations."""

    date: str
    text: str
    scheduled: bool
    cites: list[Cite]


@dataclass(frozen=True, slots=True)
class CitedSource:
    """A source the articles cite, with each citation and its kind."""

    source: str
    cites: list[tuple[Cite, str]]


@dataclass(frozen=True, slots=True)
class Passage:
    """A copied passage, cited in the copy and (when found) in the original."""

    text: str
    cite: Cite
    of_cite: Cite | None


@dataclass(frozen=True, slots=True)
class CopyView:
    """The passages one article repeats from another, and the copier's share of copied
    words (`overlap`, 0 to 1)."""

    article: Source
    of_article: Source
    overlap: float
    passages: list[Passage]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article's full text for the page, cut into spans and gaps (`parts`), with what
    the page says about it."""

    source: Source
    byline: str | None
    language: str | None
    parts: list[Segment | Gap]
    truncated: bool
    length: int
    full_text_url: str | None
    removed: int
    page_url: str | None = None
    """The article's own page, when the story is served."""


@dataclass(slots=True)
class StoryView:
    """Everything a story page shows, in the order it shows it. `hidden_facts` counts the
    facts over the row limit; `outlets` the named outlets among the sources."""

    id: str
    title: str
    first: str | None
    last: str | None
    model: str | None
    sources: list[Source]
    brief: list[BriefItem] = field(default_factory=list)
    facts: list[FactRow] = field(default_factory=list)
    hidden_facts: int = 0
    conflicts: list[ConflictView] = field(default_factory=list)
    entities: list[EntityView] = field(default_factory=list)
    speakers: list[SpeakerView] = field(default_factory=list)
    timeline: list[TimelineRow] = field(default_factory=list)
    timeline_chart: TimelineChart | None = None
    cited: list[CitedSource] = field(default_factory=list)
    graph: CitationGraph | None = None
    copies: list[CopyView] = field(default_factory=list)
    articles: list[ArticleView] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def outlets(self) -> int:
        """How many distinct named outlets (or web sites) the articles come from."""
        return len({source.outlet for source in self.sources if source.named})
