"""Spans a reader can click through to: each cited span gets an anchor, and each article's
text is cut into segments that say which anchored spans cover them.

The report draws an article's clean text as these segments, so that a citation's link
(`#sp-12`) lands on the exact characters it rests on. Spans overlap freely (a brief sentence,
the claim inside it, a quote inside that), so segments are the pieces between every start and
end, each listing all the spans covering it. An enormous article is shown as windows around
its cited spans, with the gaps between them counted, never silently cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Article, Span, TemporalExpression

FULL_TEXT_LIMIT = 40_000
"""Articles up to this many characters are shown whole."""
OPENING = 3_000
"""Of a longer article, the opening shown..."""
CONTEXT = 300
"""...and the characters shown on each side of a cited span."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of an article's text: `spans` are the anchors covering it, `starts` those that
    begin here (the page puts their anchor element before the text)."""

    text: str
    spans: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    timex: str | None = None
    """"date: 2019-01-04" when the piece is (part of) a temporal expression."""


@dataclass(frozen=True, slots=True)
class Gap:
    """Characters of an enormous article left out of its view."""

    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


class SpanIndex:
    """Anchor ids for spans, one per distinct (article, start, end), in the order first seen."""

    def __init__(self) -> None:
        self._anchors: dict[tuple[str, int, int], str] = {}
        self._by_article: dict[str, list[tuple[int, int, str]]] = {}

    def anchor(self, span: Span) -> str:
        key = (span.article, span.start, span.end)
        found = self._anchors.get(key)
        if found is None:
            found = self._anchors[key] = f"sp-{len(self._anchors) + 1}"
            self._by_article.setdefault(span.article, []).append((span.start, span.end, found))
        return found

    def spans_of(self, article: str) -> list[tuple[int, int, str]]:
        return sorted(self._by_article.get(article, ()))

    def __len__(self) -> int:
        return len(self._anchors)


def _windows(length: int, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The parts of an article to show: all of it when short, else the opening and each cited
    span with some context, merged where they touch."""
    if length <= FULL_TEXT_LIMIT:
        return [(0, length)]
    wanted = [(0, min(OPENING, length))] + [
        (max(0, start - CONTEXT), min(length, end + CONTEXT)) for start, end, _ in spans]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(wanted):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _segments(text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]],
              timexes: Sequence[tuple[int, int, str]] = ()) -> list[Segment]:
    """The window [start, end) of `text` cut at every span and temporal expression boundary
    inside it."""
    inside = [(max(s, start), min(e, end), anchor) for s, e, anchor in spans
              if (s < end and e > start) or (s == e and start <= s < end)]
    times = [(max(s, start), min(e, end), label) for s, e, label in timexes
             if s < end and e > start]
    cuts = sorted({start, end, *(s for s, _, _ in inside), *(e for _, e, _ in inside),
                   *(s for s, _, _ in times), *(e for _, e, _ in times)})
    segments = []
    for left, right in zip(cuts, cuts[1:] or [end], strict=False):
        covering = tuple(anchor for s, e, anchor in inside if s <= left and e >= right
                         and e > s)
        starting = tuple(anchor for s, _, anchor in inside if s == left)
        timex = next((label for s, e, label in times if s <= left and e >= right), None)
        if right > left or starting:
            segments.append(Segment(text[left:right], covering, starting, timex))
    return segments


def article_view(article: Article, index: SpanIndex,
                 dates: Sequence[TemporalExpression] = ()) -> tuple[list[Segment | Gap], bool]:
    """The article's text as segments (and gaps, for an enormous one), its temporal
    expressions among `dates` labelled with their values, and whether any of it was left
    out."""
    spans = index.spans_of(article.id)
    timexes = sorted((date.span.start, date.span.end, f"{date.type}: {date.value or 'unresolved'}")
                     for date in dates if date.span.article == article.id)
    windows = _windows(len(article.text), spans)
    parts: list[Segment | Gap] = []
    shown_to = 0
    for start, end in windows:
        if start > shown_to:
            parts.append(Gap(shown_to, start))
        parts.extend(_segments(article.text, start, end, spans, timexes))
        shown_to = end
    if shown_to < len(article.text):
        parts.append(Gap(shown_to, len(article.text)))
    return parts, any(isinstance(part, Gap) for part in parts)


def register_all(index: SpanIndex, spans: Iterable[Span | None]) -> None:
    for span in spans:
        if span is not None:
            index.anchor(span)
