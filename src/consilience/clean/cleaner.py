"""Clean one raw article: recover its metadata lines and drop boilerplate, with reasons."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from ..errors import EmptyArticleError, Errors
from ..models import Article, RawArticle, RemovedLine
from ..text import normalise_article, safe_text
from .boilerplate import ANYWHERE, EDGE, Verdict, judge
from .datelines import normalise_date, parse_dateline
from .units import OPENING_MARKS, Unit, split_units, title_cased

LOGGER = logging.getLogger(__name__)

PARAGRAPH_SEPARATOR = "\n\n"
_CLOSING = ('"', "”", "’", "'", ")", "]", "»")
_FULL_STOPS = (".", "!", "?", "…")
_CLAUSE_STOPS = (*_FULL_STOPS, ",", ";", ":")
_DANGLING = (":", ";", ",", "-", "–", "—")
_ENDS_WITH_INITIALISM = re.compile(r"\b(?:[A-Z]\.){2,}$")
# Searched in the end of the text only: from every letter of a long "A.B.C. ... D.!" the
# search would run to the end. Any initialism of up to 99 letters is seen whole, with the
# character before it; a longer one ends on three or more letters, which match too.
_INITIALISM_TAIL = 200
_ARTICLE = re.compile(r"(?i)\b(?:the|a|an)\b")
# A standfirst or caption reads as a sentence: "..., according to a new report".
_SENTENCE_TURN = re.compile(r"(?i),\s+(?:according\s+to|(?:\w+\s+){0,3}(?:said|reported))\b")
TITLE_WORDS = (3, 24)


def _bare_end(text: str) -> tuple[str, bool]:
    """The text without closing quotes and brackets, and whether it had any."""
    bare = text.rstrip().rstrip("".join(_CLOSING))
    return bare, bare != text.rstrip()


def _ends_sentence(text: str) -> bool:
    """Ends on a full stop, possibly inside closing quotes ('... he said.”')."""
    return _bare_end(text)[0].endswith(_FULL_STOPS)


def _ends_clause(text: str, quoted_phrase: bool = False) -> bool:
    """Ends like a sentence or a clause, or with closing quotes or brackets. An initialism
    (... the U.S.) does not count, nor, with `quoted_phrase`, a quoted phrase closing a
    headline (... Riot Deaths 'Murder')."""
    text = text.rstrip()
    if _ENDS_WITH_INITIALISM.search(text[-_INITIALISM_TAIL:]):
        return False
    bare, closed = _bare_end(text)
    if closed:
        return not quoted_phrase or bare.endswith(_CLAUSE_STOPS)
    return bare.endswith((*_FULL_STOPS, *_DANGLING))


def _starts_like_a_name(text: str) -> bool:
    first = text.lstrip(OPENING_MARKS + " ")[:1]
    return first.isupper() or first.isdigit()


def is_body_paragraph(unit: Unit) -> bool:
    """Running text: a sentence-like paragraph, not a label, heading, headline or credit."""
    if unit.heading_level:
        return False
    return unit.words >= 25 or (unit.words >= 8 and _ends_sentence(unit.text)
                                and not title_cased(unit.text))


def is_heading_like(unit: Unit, max_words: int = 12) -> bool:
    """A short line with no closing punctuation that starts like a name or a sentence."""
    if unit.heading_level:
        return True
    text = unit.text.strip()
    return 1 <= unit.words <= max_words and not _ends_clause(text) and _starts_like_a_name(text)


def looks_like_title(unit: Unit) -> bool:
    """A headline: a heading-like line of a few words, in title case or in headline style,
    which leaves out articles ('Minister quits after row over budget cuts'). A title-cased
    headline may end on '?' or '!'. A standfirst or a caption without a full stop reads as a
    sentence instead: 'The woman had reportedly taken a nap on the floor', '..., according to
    a new report'."""
    low, high = TITLE_WORDS
    if not low <= unit.words <= high:
        return False
    if unit.heading_level:
        return True
    text = unit.text.strip()
    if title_cased(text):
        return _starts_like_a_name(text) and (
            not _ends_clause(text, quoted_phrase=True)
            or _bare_end(text)[0].endswith(("?", "!")))
    return (is_heading_like(unit, max_words=high) and len(_ARTICLE.findall(text)) <= 1
            and not _SENTENCE_TURN.search(text))


def _same_text(left: str | None, right: str) -> bool:
    return left is not None and " ".join(left.split()).casefold() == " ".join(
        right.split()).casefold()


@dataclass
class _Cleaning:
    """What a pass over the units has found so far."""

    raw: RawArticle
    removed: dict[int, RemovedLine] = field(default_factory=dict)
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    updated: str | None = None
    outlet_hints: list[str] = field(default_factory=list)
    kept_in_header: bool = False

    def remove(self, index: int, unit: Unit, verdict: Verdict) -> None:
        extra = {"credit": verdict.credit} if verdict.credit else {}
        self.removed[index] = RemovedLine(unit.text, verdict.reason, unit.line, **extra)
        if verdict.outlet and verdict.outlet not in self.outlet_hints:
            self.outlet_hints.append(verdict.outlet)
        if verdict.reason == "byline" and self.byline is None:
            self.byline = verdict.credit


def _edge_verdict(unit: Unit, cleaning: _Cleaning, in_header: bool) -> Verdict | None:
    dateline = parse_dateline(unit.text)
    if dateline is not None:
        if dateline.updated:
            cleaning.updated = cleaning.updated or dateline.value
        else:
            cleaning.published = cleaning.published or dateline.value
        return Verdict("dateline")
    verdict = judge(unit, EDGE)
    if verdict is not None:
        return verdict
    if in_header and cleaning.title is None and (
        _same_text(cleaning.raw.title, unit.text)
        or (cleaning.raw.title is None and not cleaning.kept_in_header
            and unit.heading_level <= 1 and looks_like_title(unit))
    ):
        cleaning.title = unit.text
        return Verdict("title")
    if in_header and _same_text(cleaning.title, unit.text):
        return Verdict("title")
    return None


def _restore(cleaning: _Cleaning, units: list[Unit], reason: str) -> list[tuple[int, Unit]]:
    """Put the units removed for `reason` back into the text."""
    restored = sorted(index for index, line in cleaning.removed.items() if line.reason == reason)
    for index in restored:
        del cleaning.removed[index]
    if reason == "title":
        cleaning.title = None
    return [(index, units[index]) for index in restored]


def _usable_url(url: str | None) -> str | None:
    """The URL when it can be parsed; "http://[bad" makes urllib raise ValueError, and would
    wherever a later stage or renderer read it."""
    if not url:
        return None
    try:
        urlsplit(url).hostname  # noqa: B018  (the brackets of a host are checked on access)
    except ValueError:
        LOGGER.info("dropping a URL that cannot be parsed: %r", url[:200])
        return None
    return url


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def clean_article(raw: RawArticle, article_id: str) -> Article:
    """The article with boilerplate and metadata lines moved out of its text into `removed`.

    Raises EmptyArticleError when no article text is left. C0 control characters and lone
    surrogates are first dropped from the text and metadata, and "\r" line ends made "\n" (a
    caller may build a RawArticle holding them; they break spaCy and UTF-8 output, see
    safe_text), and a URL that cannot be parsed is dropped.
    """
    raw = normalise_article(raw, safe_text)
    raw = replace(raw, url=_usable_url(raw.url))
    units = split_units(raw.text, markdown=raw.format == "markdown")
    cleaning = _Cleaning(raw)
    for index, unit in enumerate(units):
        verdict = judge(unit, ANYWHERE)
        if verdict is not None:
            cleaning.remove(index, unit, verdict)
    body = [i for i, unit in enumerate(units) if i not in cleaning.removed
            and is_body_paragraph(unit)]
    first_body, last_body = (body[0], body[-1]) if body else (len(units), len(units))
    for index, unit in enumerate(units):
        if index in cleaning.removed or first_body <= index <= last_body:
            continue
        verdict = _edge_verdict(unit, cleaning, in_header=index < first_body)
        if verdict is not None:
            cleaning.remove(index, unit, verdict)
        elif index < first_body:
            cleaning.kept_in_header = True

    kept = [(index, unit) for index, unit in enumerate(units) if index not in cleaning.removed]
    if not kept:  # a text of one headline-like line is its own text, not a title
        kept = _restore(cleaning, units, "title")
    if not kept:
        raise EmptyArticleError(
            Errors.E104.format(detail=" (only boilerplate and metadata lines)"), path=raw.source)
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    offset = 0
    for position, (_index, unit) in enumerate(kept):
        following = kept[position + 1][1] if position + 1 < len(kept) else None
        if unit.heading_level or (
            following is not None and is_heading_like(unit) and not is_heading_like(following)
        ):
            headings.append((offset, offset + len(unit.text)))
        parts.append(unit.text)
        offset += len(unit.text) + len(PARAGRAPH_SEPARATOR)
    outlet = raw.outlet or next(iter(cleaning.outlet_hints), None) or _outlet_from_url(raw.url)
    return Article(
        id=article_id,
        source=raw.source,
        text=PARAGRAPH_SEPARATOR.join(parts),
        title=raw.title or cleaning.title,
        url=raw.url,
        outlet=outlet,
        byline=raw.byline or cleaning.byline,
        published=normalise_date(raw.published) or cleaning.published,
        updated=normalise_date(raw.updated) or cleaning.updated,
        language=raw.language,
        removed=tuple(cleaning.removed[index] for index in sorted(cleaning.removed)),
        headings=tuple(headings),
        outlet_hints=tuple(cleaning.outlet_hints),
    )
