"""Independent sources of each fact: articles whose support rests on the same origin count
once. A claim's origin is the source its sentence cites ("according to Reuters", "told the
Financial Times"), else the named source it is attributed to, else its own article; an article
that copies another counts with the one it copies."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..models import Citation, Claim, Copy, Fact

_COPY_SHARE = 0.5
"""An article at least this much copied from another is not an independent source."""
_CITING_KINDS = frozenset({"reported", "according-to", "told", "cited", "forwarded"})


def _cited_by_sentence(citations: Sequence[Citation]) -> dict[str, list[tuple[int, str]]]:
    by_article: dict[str, list[tuple[int, str]]] = {}
    for citation in citations:
        if citation.span is not None and (citation.kind in _CITING_KINDS
                                          or citation.entity is not None):
            origin = f"cited:{(citation.entity or citation.source).casefold()}"
            by_article.setdefault(citation.article, []).append((citation.span.start, origin))
    for items in by_article.values():
        items.sort()
    return by_article


def _original(article: str, copied_from: Mapping[str, str]) -> str:
    """The article at the start of a chain of copies (y copies x, z copies y: x)."""
    seen = {article}
    while article in copied_from and copied_from[article] not in seen:
        article = copied_from[article]
        seen.add(article)
    return article


def _origin(claim: Claim, cited: Mapping[str, list[tuple[int, str]]],
            named: Mapping[str, str], copied_from: Mapping[str, str]) -> str:
    sentence = claim.sentence or claim.span
    items = cited.get(claim.span.article, [])
    starts = [start for start, _ in items]
    position = bisect_right(starts, sentence.end) - 1
    if position >= 0 and items[position][0] >= sentence.start:
        return items[position][1]
    if claim.attributed_to and claim.attributed_to in named:
        return f"cited:{named[claim.attributed_to].casefold()}"
    return f"article:{_original(claim.span.article, copied_from)}"


def with_independence(facts: Sequence[Fact], citations: Sequence[Citation],
                      copies: Sequence[Copy], names: Mapping[str, str] | None = None
                      ) -> list[Fact]:
    """The facts with `origins` and `independent_sources` read from citations and copies.

    An article that cites a source for the fact rests on that source (on all it cites);
    one that cites none is its own origin (or that of the article it copies). The count is
    the number of distinct origins, whatever the order of the claims. `names` maps entity ids
    to canonical names, so "Reuters said" and "according to Reuters" are one origin.
    """
    named = {name: entity for entity, name in (names or {}).items()}
    cited = _cited_by_sentence(citations)
    copied_from = {copy.article: copy.of_article for copy in copies
                   if copy.overlap >= _COPY_SHARE}
    updated = []
    for fact in facts:
        by_article: dict[str, set[str]] = {}
        for claim in fact.claims:
            by_article.setdefault(claim.span.article, set()).add(
                _origin(claim, cited, named, copied_from))
        independent: dict[str, None] = {}
        for origins in by_article.values():
            cited_origins = sorted(origin for origin in origins if origin.startswith("cited:"))
            for origin in cited_origins or sorted(origins):
                independent.setdefault(origin, None)
        updated.append(replace(fact, origins=tuple(independent),
                               independent_sources=len(independent)))
    return updated
