"""WARC archives of news pages: each archived HTML page becomes one raw article."""

from __future__ import annotations

import codecs
import gzip
import logging
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import WARCIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from ..errors import BrokenArchiveError, EmptyArticleError, Errors, InputError
from ..models import RawArticle
from ..text import normalise_text
from .decode import decode_bytes
from .html import extract_html

LOGGER = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# What reading a damaged archive raises, from warcio, zlib, gzip and the HTTP header parser;
# warcio itself fails with AttributeError on a response record without a WARC-Target-URI
# (it calls uri.startswith on None), and may with TypeError on other missing headers.
_BROKEN = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError, LookupError,
           UnicodeError, AttributeError, TypeError)
# Charset labels browsers read as windows-1252 (the WHATWG encoding standard).
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii",
                                  "ascii"})
# White space taken whole (possessive): split between the "\s*" around the quote, a long run
# of it is tried in quadratically many ways before failing.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*+=\s*+["']?\s*+([A-Za-z0-9._:-]+)""",
                           re.IGNORECASE)


def is_warc(path: Path) -> bool:
    """True for .warc and .warc.gz files (gzip may be per record or not at all)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True, slots=True)
class ArchivedPage:
    """The payload of one archived HTML page."""

    offset: int
    url: str | None
    payload: bytes
    charset: str | None


class _Truncated(Exception):
    """A record ends before its Content-Length: the file was cut short."""


class _GzipStream(gzip.GzipFile):
    """A WARC gzipped as one stream, unzipped; cut short, it raises _Truncated, because
    warcio takes an EOFError for the end of the archive."""

    def read(self, size: int | None = -1) -> bytes:
        try:
            # read1: what could be unzipped before the cut comes first, then the error.
            return super().read1(size) if size and size > 0 else super().read()
        except EOFError as error:
            raise _Truncated("the gzip stream is cut short; the file is truncated") from error


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """`text/html; charset=UTF-8` -> ('text/html', 'utf-8')."""
    if not content_type:
        return "", None
    media_type, *parameters = content_type.split(";")
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media_type.strip().lower(), charset


def _page_of(record: ArcWarcRecord, offset: int) -> ArchivedPage | None:
    """The archived HTML page a record holds, or None for any other record (logged)."""
    # Some WARC 1.1 writers keep the <angle brackets> of the specification's grammar.
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>") or None
    if record.rec_type == "response":
        headers = record.http_headers
        status = headers.get_statuscode() if headers is not None else None
        content_type = headers.get_header("Content-Type") if headers is not None else None
    elif record.rec_type == "resource":
        status, content_type = "200", record.rec_headers.get_header("Content-Type")
    else:
        LOGGER.debug("offset %d: skipping %s record", offset, record.rec_type)
        return None
    media_type, charset = _media_type(content_type)
    if status != "200" or media_type not in HTML_MEDIA_TYPES:
        LOGGER.debug("offset %d: skipping %s (status %s, %s)", offset, url, status,
                     media_type or "no content type")
        return None
    return ArchivedPage(offset, url, record.content_stream().read(), charset)


def _drain(record: ArcWarcRecord) -> None:
    """Read the rest of a record; _Truncated when the file ends before its Content-Length."""
    while record.raw_stream.read(65536):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise _Truncated("the record ends before its Content-Length; the file is truncated")


def _gzip_member_is_cut(stream: BinaryIO, offset: int) -> bool:
    """True when the gzip member at `offset` ends before its end marker (warcio does not
    notice when the record inside it is complete)."""
    stream.seek(offset)
    if stream.read(2) != b"\x1f\x8b":
        return False  # not gzipped
    stream.seek(offset)
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    while not decompressor.eof:
        chunk = stream.read(65536)
        if not chunk:
            return True
        try:
            decompressor.decompress(chunk)
        except zlib.error:
            return True
    return False


def _declared_charset(page: ArchivedPage) -> str | None:
    """The charset the HTTP header gives, else the page's own <meta charset>."""
    charset = page.charset
    if charset is None:
        match = _META_CHARSET.search(page.payload[:4096])
        charset = match.group(1).decode("ascii").lower() if match else None
    return "cp1252" if charset in _WINDOWS_1252_LABELS else charset


def decode_page(page: ArchivedPage, source: str) -> str:
    """A page's text: by its declared charset when that decodes it, else by detection."""
    charset = _declared_charset(page)
    if charset is not None:
        try:
            codecs.lookup(charset)
            return normalise_text(page.payload.decode(charset))
        except (LookupError, UnicodeDecodeError):
            LOGGER.debug("%s: declared charset %s does not fit; detecting", source, charset)
    return decode_bytes(page.payload, source).text


def page_to_article(page: ArchivedPage, path: Path) -> RawArticle:
    """The article on an archived page; InputError (naming `path@offset`) when it has none."""
    source = f"{path}@{page.offset}"
    article = extract_html(decode_page(page, source), source, url=page.url)
    # The archived address, not the page's canonical link; WARC-Date is when it was crawled,
    # not when it was published, so the date is only ever the page's own.
    return replace(article, url=page.url or article.url)


def _broken(path: Path, offset: int, error: BaseException) -> BrokenArchiveError:
    # warcio quotes the bad line, which may be binary: keep the message one printable line.
    printable = "".join(char if char.isprintable() else " " for char in str(error))
    detail = " ".join(printable.split())[:200] or type(error).__name__
    return BrokenArchiveError(Errors.E108.format(offset=offset, detail=detail), path=str(path))


@dataclass(slots=True)
class _Progress:
    """What reading one file has found so far."""

    pages: int = 0
    broken: bool = False
    single_gzip_stream: bool = False
    last_offset: int = 0


def _iter_pages(records: WARCIterator, progress: _Progress, after: int) -> Iterator[ArchivedPage]:
    for record in records:
        progress.last_offset = records.offset
        page = _page_of(record, records.offset) if records.offset > after else None
        _drain(record)
        if page is not None:
            yield page


def _read_records(records: WARCIterator, path: Path, size: int | None, progress: _Progress, *,
                  after: int = -1) -> Iterator[RawArticle | InputError]:
    """The articles of the records after offset `after`, until the end or a damaged record.

    `size` is the file's, to notice a file cut inside its last record's headers; None when
    `records` reads unzipped data."""
    pages = _iter_pages(records, progress, after)
    while True:
        try:
            page = next(pages)
        except StopIteration:
            break
        except (_Truncated, *_BROKEN) as error:
            if size is not None and "non-chunked gzip" in str(error):
                # warcio's word for a WARC gzipped as a whole, not record by record.
                progress.single_gzip_stream = True
            else:
                progress.broken = True
                yield _broken(path, records.offset, error)
            return
        progress.pages += 1
        try:
            yield page_to_article(page, path)
        except InputError as error:
            yield error
    if size is not None and records.offset < size:
        # warcio ends quietly when the last gzip member is cut inside its headers.
        progress.broken = True
        yield _broken(path, records.offset, _Truncated("the file ends inside a record"))


def read_warc(path: Path) -> Iterator[RawArticle | InputError]:
    """The articles archived in a WARC file, read as a stream.

    Records are named `path@offset`, the byte offset of the record in the file (in the unzipped
    data when the whole file was gzipped as one stream). A page with no article text is
    reported and skipped; a damaged record ends the file with one BrokenArchiveError, keeping
    the pages read before it.
    """
    try:
        stream = path.open("rb")
    except OSError as error:
        yield InputError(f"cannot read the file ({error.strerror}); check its permissions",
                         path=str(path))
        return
    progress = _Progress()
    with stream:
        size = os.fstat(stream.fileno()).st_size
        yield from _read_records(WARCIterator(stream), path, size, progress)
        if progress.single_gzip_stream:
            LOGGER.debug("%s: gzipped as one stream; reading it unzipped", path)
            stream.seek(0)
            with _GzipStream(fileobj=stream) as unzipped:
                # The first record was read before warcio noticed.
                yield from _read_records(WARCIterator(unzipped), path, None, progress, after=0)
        elif not progress.broken and size and _gzip_member_is_cut(stream, progress.last_offset):
            progress.broken = True
            yield _broken(path, progress.last_offset,
                          _Truncated("its gzip member is cut short; the file is truncated"))
    if not progress.pages and not progress.broken:
        detail = " (the file is empty)" if not size else " (the archive holds no HTML page)"
        yield EmptyArticleError(Errors.E104.format(detail=detail), path=str(path))
