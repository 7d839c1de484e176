"""Read one file into raw articles, by its format."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import EmptyArticleError, Errors, FeedError, InputError, Warnings
from ..models import Problem, RawArticle
from ..text import displayable, normalise_article
from .decode import decode_bytes
from .feeds import FEED_SUFFIXES, looks_like_feed, read_feed, xml_root
from .html import extract_html, looks_like_html
from .records import read_json, read_jsonl
from .warc import is_warc, read_warc

LOGGER = logging.getLogger(__name__)

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")


def read_file(path: Path) -> Iterator[RawArticle | InputError | Problem]:
    """Yield the articles in one file, an InputError for each that cannot be read, and
    warnings (as Problems) for articles that are read with a caveat.

    Whatever the format, an article's text and metadata leave normalised (no control
    characters or lone surrogates, see normalise_article), and every source names the file in
    text that can be written out (a file name that is not UTF-8 is shown escaped)."""
    for item in _read_by_format(path):
        if isinstance(item, RawArticle):
            article = normalise_article(item)
            if article.text.strip():
                yield article
            else:
                yield EmptyArticleError(Errors.E104.format(
                    detail=" (its text is only control characters)"), path=article.source)
        elif isinstance(item, Problem):
            yield replace(item, source=displayable(item.source))
        elif item.path is not None and displayable(item.path) != item.path:
            yield type(item)(item.message, path=displayable(item.path), line=item.line)
        else:
            yield item


def _read_by_format(path: Path) -> Iterator[RawArticle | InputError | Problem]:
    source = str(path)
    if is_warc(path):
        # Binary when gzipped, and possibly large: read as a stream of records.
        yield from read_warc(path)
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield InputError(f"cannot read the file ({error.strerror}); check its permissions",
                         path=source)
        return
    if not data.strip():
        yield EmptyArticleError(Errors.E104.format(detail=""), path=source)
        return
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        # feedparser decodes by the encoding the XML declares.
        yield from read_feed(data, source)
        return
    try:
        decoded = decode_bytes(data, source)
    except InputError as error:
        yield error
        return
    if suffix == ".xml" and looks_like_feed(decoded.text):
        yield from read_feed(data, source)
        return
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        yield Warnings.W101.problem(source, encoding=decoded.encoding)
    text = decoded.text
    if not text.strip():
        yield EmptyArticleError(Errors.E104.format(detail=""), path=source)
        return
    if suffix == ".jsonl":
        yield from read_jsonl(text, source)
    elif suffix == ".json":
        yield from read_json(text, source)
    elif suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and looks_like_html(text)):
        try:
            yield extract_html(text, source)
        except InputError as error:
            yield error
    elif suffix == ".xml":
        root = xml_root(text)
        detail = f"the root element is <{root}>, not rss, feed or rdf:RDF" if root else (
            "not an XML document")
        yield FeedError(Errors.E109.format(detail=detail), path=source)
    else:
        if suffix not in MARKDOWN_SUFFIXES and suffix != ".txt":
            yield Warnings.W103.problem(source, suffix=suffix or "(none)")
        if suffix in MARKDOWN_SUFFIXES:
            yield RawArticle(source=source, text=text, format="markdown",
                             encoding=decoded.encoding)
        else:
            yield RawArticle(source=source, text=text, format="text", encoding=decoded.encoding)
