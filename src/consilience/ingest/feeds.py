"""RSS and Atom feeds: each entry with text becomes one raw article."""

from __future__ import annotations

import io
import logging
import re
from calendar import timegm
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from time import struct_time
from typing import Any
from urllib.parse import urlsplit

import feedparser

from ..errors import EmptyArticleError, Errors, FeedError, InputError, NoExtractableTextError
from ..models import RawArticle
from ..text import normalise_text
from .html import extract_html

LOGGER = logging.getLogger(__name__)

FEED_SUFFIXES = (".rss", ".atom")
# Local names of the root elements of RSS 0.9x/2.0, Atom and RSS 1.0 (rdf:RDF) documents.
FEED_ROOTS = frozenset({"rss", "feed", "rdf"})

# The XML prolog (declaration, processing instructions, comments, doctype), then the root tag.
# Each part ends at its first closing mark and is never taken back (possessive): with lazy
# ".*?" parts, a run of "<?a?>" can be grouped in exponentially many ways before failing.
_XML_ROOT = re.compile(
    r"\s*+(?:<\?(?:[^?]|\?(?!>))*+\?>\s*+|<!--(?:[^-]|-(?!->))*+-->\s*+"
    r"|<!DOCTYPE[^>\[]*+(?:\[(?:[^\]]|\](?!\s*>))*+\])?\s*+>\s*+)*+<([A-Za-z_][\w:.-]*)",
    re.IGNORECASE,
)
_TAG_START = re.compile(r"<[A-Za-z!/]")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_WHITE_SPACE = re.compile(r"\s+")


def xml_root(text: str) -> str | None:
    """The name of the root element of an XML document, or None when it has none."""
    match = _XML_ROOT.match(text[:20000].lstrip("\ufeff"))
    return match.group(1) if match else None


def has_markup(text: str) -> bool:
    """A tag (<p>, </b>, <!-- ...) or an entity (&amp;) anywhere in the text.

    Not the regex "<[A-Za-z!/][^>]*>": where no ">" follows, it scans to the end of the text
    from every "<x" (quadratic). A tag exists exactly when some ">" follows the first "<x".
    """
    start = _TAG_START.search(text)
    if start is not None and text.find(">", start.end()) >= 0:
        return True
    return _ENTITY.search(text) is not None


def looks_like_feed(text: str) -> bool:
    """True when the document's root element is rss, feed or rdf:RDF (whatever its prefix)."""
    root = xml_root(text)
    return root is not None and root.rsplit(":", 1)[-1].lower() in FEED_ROOTS


class _TextCollector(HTMLParser):
    """Text of an HTML fragment: blocks become paragraphs, scripts and styles are dropped."""

    BLOCKS = frozenset({"p", "div", "section", "article", "blockquote", "li", "ul", "ol", "tr",
                        "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figure", "hr"})
    HIDDEN = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block, white space collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    paragraphs = []
    for block in _BLANK_LINES.split("".join(collector.parts)):
        lines = (" ".join(line.split()) for line in block.split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _plain(value: str | None) -> str | None:
    """A short field (title, name) without markup or surrounding white space."""
    if not value:
        return None
    text = html_to_text(value) if has_markup(value) else " ".join(value.split())
    return normalise_text(text).strip() or None


def _iso(parsed: struct_time | None) -> str | None:
    """feedparser's UTC struct_time as an ISO-8601 timestamp."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(timegm(parsed), tz=UTC).isoformat()
    except (OverflowError, ValueError, OSError):
        return None


def _host(link: str) -> tuple[str, str | None] | None:
    """(scheme, host name) of a link; None when urllib cannot parse it ("http://[x")."""
    try:
        parts = urlsplit(link)
        return parts.scheme, parts.hostname
    except ValueError:
        return None


def _web_address(link: str | None) -> str | None:
    """An http(s) link; feedparser also offers an Atom id ("urn:...") as the link."""
    parts = _host(link) if link else None
    return link if parts and parts[0] in ("http", "https") else None


def _domain(link: str | None) -> str | None:
    parts = _host(link) if link else None
    host = parts[1] if parts else None
    return host.removeprefix("www.") if host else None


def _byline(entry: Any) -> str | None:
    names = [_plain(author.get("name")) for author in entry.get("authors") or []]
    joined = ", ".join(name for name in names if name)
    if joined:
        return joined
    author = _plain(entry.get("author"))
    return None if author is None or "@" in author else author


def _entry_body(entry: Any) -> str:
    """The entry's fullest text: its longest content (content:encoded, Atom content), else
    its summary (description)."""
    contents = [item["value"] for item in entry.get("content") or []
                if isinstance(item.get("value"), str) and item["value"].strip()]
    if contents:
        return max(contents, key=len)
    summary = entry.get("summary")
    return summary if isinstance(summary, str) else ""


def _body_text(body: str, source: str, url: str | None) -> tuple[str, RawArticle | None]:
    """The entry's text with no markup left, and the page extract_html made of it, if any.

    feedparser has already unescaped entity-escaped HTML (`&lt;p&gt;`) into markup."""
    if not has_markup(body):
        return normalise_text(body).strip(), None
    if "<pre" not in body.lower():
        # Line breaks inside a paragraph are only layout in the feed file; trafilatura keeps them.
        body = _WHITE_SPACE.sub(" ", body)
    try:
        page = extract_html(f"<html><body><article>{body}</article></body></html>", source,
                            url=url)
    except NoExtractableTextError:
        # Too short for trafilatura (a one-line summary): keep all of its text.
        return normalise_text(html_to_text(body)), None
    return normalise_text(page.text).strip(), page


def entry_to_article(entry: Any, feed: Any, source: str, *, path: str,
                     index: int) -> RawArticle:
    """One feed entry as a RawArticle; EmptyArticleError (naming `path`) when it has no text."""
    title = _plain(entry.get("title"))
    url = _web_address(entry.get("link"))
    text, page = _body_text(_entry_body(entry), source, url)
    if not text:
        label = f" '{title[:60]}'" if title else ""
        raise EmptyArticleError(
            Errors.E104.format(detail=f" (feed entry #{index}{label} has no text)"), path=path)
    return RawArticle(
        source=source,
        text=text,
        format="markdown" if page is not None else "text",
        title=title or (page.title if page else None),
        url=url,
        outlet=_plain(feed.get("title")) or _domain(feed.get("link")) or _domain(url),
        byline=_byline(entry) or (page.byline if page else None),
        # dict.get: feedparser's own get answers updated_parsed with published_parsed.
        published=_iso(dict.get(entry, "published_parsed")),
        updated=_iso(dict.get(entry, "updated_parsed")),
        language=entry.get("language") or feed.get("language") or None,
    )


def _parse_failure(parsed: Any) -> str | None:
    """Why `parsed` is no feed at all, or None when it is one."""
    if parsed.entries:
        return None
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if error is not None:
        return " ".join(str(error).split()) or type(error).__name__
    if not parsed.get("version"):
        return "no rss, feed or rdf:RDF root element"
    return None


def read_feed(data: bytes, source: str) -> Iterator[RawArticle | InputError]:
    """The articles of an RSS or Atom file's bytes (feedparser honours their declared encoding).

    Each entry is named `source#index` (counting from 0, as JSON arrays are); an entry with
    no text is an EmptyArticleError and the others are kept. A file that is no feed at all
    is one FeedError.
    """
    parsed = feedparser.parse(io.BytesIO(data))
    failure = _parse_failure(parsed)
    if failure is not None:
        yield FeedError(Errors.E109.format(detail=failure), path=source)
        return
    if parsed.get("bozo"):
        LOGGER.warning("%s: feed is not well-formed (%s); read %d entries", source,
                       parsed.get("bozo_exception"), len(parsed.entries))
    if not parsed.entries:
        yield EmptyArticleError(Errors.E104.format(detail=" (the feed has no entries)"),
                                path=source)
        return
    for index, entry in enumerate(parsed.entries):
        try:
            yield entry_to_article(entry, parsed.feed, f"{source}#{index}", path=source,
                                   index=index)
        except EmptyArticleError as error:
            yield error
