"""Hypothesis strategies for hostile inputs: what strangers' files and texts can hold.

Shared by the property tests in this folder and by `benchmarks/fuzz.py` (which imports this
module by path), so the long campaign draws from exactly the inputs CI samples.

The text strategies mix three things, because each reaches a different depth of the pipeline:
raw noise (every plane, combining marks, zero-width and bidi controls, C0/C1 controls, lone
surrogates) breaks decoders and tokenisers; news-like sentences (names, quotes, numbers, dates,
"according to") reach claims, conflicts, quotes and the timeline; and mutations of the real
example articles (slices deleted, duplicated and swapped, hostile pieces injected) keep the
structure of a real story while breaking it in places.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from consilience.models import RawArticle

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "japan-2plus2"
# One extension per reader: text, Markdown, HTML, JSON, JSON Lines, feeds, XML, WARC.
SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".rss", ".atom", ".xml",
            ".warc", ".warc.gz")

CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1c\x1d\x1e\x1f\x7f\x80\x85\x9f\r"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u180e"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
COMBINING = "\u0300\u0301\u0308\u0327\u0338\u20dd\u0489\u036f"
SURROGATES = "\ud800\udbff\udc00\udfff"
SEPARATORS = "\u2028\u2029\u0085\u000b\u000c\u3000\u00a0\u2009\u202f"
RIGHT_TO_LEFT = (
    "\u202eالرئيس قال إن الاتفاق تم يوم الاثنين\u202c",
    "שר החוץ אמר כי השיחות בוטלו",
    "\u202dJapan \u202e\u05d9\u05e4\u05df\u202c said\u202c",
    "\u2067مرحبا\u2069 Reuters \u2066said\u2069",
    "\u200fשלום\u200e 3.5%",
)
NAMES = ("Marco Rubio", "Pete Hegseth", "Japan", "Tokyo", "NATO", "Reuters", "the Pentagon",
         "Elbridge Colby", "Mr. Smith", "Dr. Ng", "U.S.", "Shigeru Ishiba", "AUKUS", "the FT",
         "Ms. O'Neil-Ward", "al-Assad", "Jean-Luc Picard", "Mr. Smith\u200b")
VERBS = ("said", "told reporters", "announced", "denied", "confirmed", "claimed", "reported",
         "warned", "cancelled", "postponed", "agreed", "did not say")
VALUES = ("3.5%", "$5 million", "5 million dollars", "1,200", "1.200,5", "200 troops", "two",
          "twenty-one", "a dozen", "10-15", "£3bn", "¥100,000", "-4°C", "3 1/2", "0.0001",
          "1e309", "99999999999999999999", "No. 1", "first", "2+2", "30 percent", "half")
DATES = ("on Monday", "March 3, 2024", "2024-03-03", "3/4/25", "last week", "in March",
         "July 1", "06:42 PM, Jun 21, 2025", "yesterday", "2025-02-30", "9999-99-99",
         "0001-01-01", "the first quarter of 2024", "FY2025", "31/12/1899", "9999-12-31",
         "December 31, 9999", "next week")
PIECES = ('"', "“", "”", "‘", "’", "«", "»", "'", "(", ")", "[", "]", "{", "}", "<", ">", "&",
          "...", "…", " — ", " - ", ";", ":", "?!", "*", "_", "#", "##", "> ", "- ", "1. ",
          "https://example.com/a?b=c&d=%20#x", "www.example.org", "<b>", "</p>", "&amp;",
          "&#0;", "&#xD800;", "\\u0000", "\\ud800", "@user_name", "©", "(c)", "|", "\t")


def text_of(alphabet: st.SearchStrategy[str], max_size: int = 80) -> st.SearchStrategy[str]:
    return st.text(alphabet, max_size=max_size)


# Any code point of any plane, lone surrogates included (st.characters leaves them out unless
# told), with the hostile classes above drawn often enough to matter.
any_character = st.one_of(
    st.characters(exclude_categories=()),
    st.sampled_from(CONTROLS + ZERO_WIDTH + BIDI + COMBINING + SURROGATES + SEPARATORS),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=()),
)
hostile_piece = st.one_of(
    text_of(any_character, 12), st.sampled_from(PIECES), st.sampled_from(RIGHT_TO_LEFT),
    st.sampled_from(NAMES), st.sampled_from(VALUES), st.sampled_from(DATES),
)


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    """A sentence the pipeline reads deeply: a speaker, a verb, a value and a date, quoted
    or attributed, with a hostile piece now and then."""
    speaker, verb = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS))
    value, when = draw(st.sampled_from(VALUES)), draw(st.sampled_from(DATES))
    other = draw(st.sampled_from(NAMES))
    shape = draw(st.integers(0, 4))
    sentence = (
        f"{speaker} {verb} {when} that {other} would spend {value}.",
        f"“{other} will pay {value},” {speaker} {verb} {when}.",
        f"According to {speaker}, {value} were killed {when}, not {draw(st.sampled_from(VALUES))}.",
        f"{other} {verb} the talks {when}, {speaker} {verb}.",
        f"\"We {verb} it {when},\" said {speaker}. \"It is {value}.\"",
    )[shape]
    if draw(st.booleans()):
        position = draw(st.integers(0, len(sentence)))
        sentence = sentence[:position] + draw(hostile_piece) + sentence[position:]
    return sentence


@st.composite
def news_text(draw: st.DrawFn, max_paragraphs: int = 6) -> str:
    """Paragraphs of news-like sentences, separated by any line-end convention."""
    paragraphs = draw(st.lists(st.lists(news_sentence(), min_size=1, max_size=4).map(" ".join),
                               min_size=1, max_size=max_paragraphs))
    separator = draw(st.sampled_from(("\n\n", "\n", "\r\n\r\n", "\r\r", "\u2029", "\n \n")))
    heading = draw(st.sampled_from(("", "# Japan cancels talks\n\n", "Japan Cancels Talks\n\n",
                                    "By Jane Doe\n\n", "Published: 2025-06-21\n\n")))
    return heading + separator.join(paragraphs)


@cache
def example_texts() -> tuple[str, ...]:
    """The five real articles of the bundled example story."""
    return tuple(path.read_text(encoding="utf-8") for path in sorted(EXAMPLE.glob("*.txt")))


def _mutation(text: str, operation: str, where: float, length: float, piece: str) -> str:
    """One edit at a relative position: delete, duplicate, swap two slices, or inject."""
    size = len(text)
    start = int(where * size)
    end = min(size, start + int(length * 400))
    if operation == "delete":
        return text[:start] + text[end:]
    if operation == "duplicate":
        return text[:end] + text[start:end] + text[end:]
    if operation == "swap":
        other = int(length * size)
        first, second = sorted((start, other))
        middle = (first + second) // 2
        return text[:first] + text[middle:second] + text[first:middle] + text[second:]
    return text[:start] + piece + text[start:]


@st.composite
def mutated_article(draw: st.DrawFn) -> str:
    """A real example article with a few slices deleted, duplicated, swapped or injected."""
    text = draw(st.sampled_from(example_texts()))
    edits = draw(st.lists(st.tuples(
        st.sampled_from(("delete", "duplicate", "swap", "inject", "inject")),
        st.floats(0, 1), st.floats(0, 1), hostile_piece), max_size=8))
    for operation, where, length, piece in edits:
        text = _mutation(text, operation, where, length, piece)
    return text


@st.composite
def enormous_line(draw: st.DrawFn, max_size: int = 200_000) -> str:
    """One line with no white space (a minified page, a base64 blob, a run of dots)."""
    unit = draw(st.sampled_from(("a", "ab", "A.", "1", "1,", ".", "-", "=", "\u05d0", "\U0001f600",
                                 "e\u0301", "\u200b", "http://a.b/", "<")))
    size = draw(st.integers(1_000, max_size))
    prefix = draw(st.sampled_from(("", "The minister said ", "# ", "By ")))
    return prefix + unit * (size // len(unit))


def hostile_text(max_size: int = 400) -> st.SearchStrategy[str]:
    """Any of the text families: noise, news, a mutated real article, RTL, or an enormous
    line (the last drawn rarely, as it is slow to analyse)."""
    noise = st.lists(hostile_piece, max_size=max_size // 8).map("".join)
    return st.one_of(noise, news_text(), mutated_article(), st.sampled_from(RIGHT_TO_LEFT),
                     st.lists(st.one_of(news_sentence(), hostile_piece), max_size=20)
                     .map(" ".join))


# --- raw articles ----------------------------------------------------------------------------

METADATA = st.one_of(st.none(), hostile_piece, st.sampled_from(NAMES))
PUBLISHED = st.one_of(st.none(), st.sampled_from(DATES), text_of(any_character, 20),
                      st.sampled_from(("2025-06-21T06:42:00+05:30", "1899-12-31", "2999-01-01",
                                       "inf", "NaN", "0", "2025-13-45", "Mon, 21 Jun 2025",
                                       "0001-01-01", "9999-12-31T23:59:59-12:00")))
URLS = st.one_of(st.none(), st.sampled_from((
    "https://www.example.com/news/1", "http://[::1]:80/x", "http://[bad", "mailto:a@b",
    "https://例え.jp/記事", "javascript:alert(1)", "", "//", "https://a.b/\ud800")))


@st.composite
def raw_article(draw: st.DrawFn, text: st.SearchStrategy[str] | None = None) -> RawArticle:
    """A RawArticle as an API caller could build it: any text, any metadata."""
    return RawArticle(
        source=draw(st.sampled_from(("a.txt", "b.md", "c.json#0", "d.html", "feed.rss#3",
                                     "x\ud800.txt", "dir/ü.txt"))),
        text=draw(text if text is not None else hostile_text()),
        format=draw(st.sampled_from(("text", "markdown", "json", "html"))),
        title=draw(METADATA), url=draw(URLS), outlet=draw(METADATA), byline=draw(METADATA),
        published=draw(PUBLISHED), updated=draw(PUBLISHED), language=draw(METADATA),
    )


# --- files -----------------------------------------------------------------------------------

ENCODINGS = ("utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
             "shift_jis", "koi8_r", "utf-8-sig", "gb18030", "iso8859_7")
BOMS = (b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "replace" if "utf" not in encoding else "surrogatepass")


@st.composite
def mixed_bytes(draw: st.DrawFn) -> bytes:
    """Pieces of text in different encodings, concatenated, maybe after a BOM, maybe with
    random bytes among them."""
    pieces = draw(st.lists(st.tuples(hostile_text(120), st.sampled_from(ENCODINGS)),
                           min_size=1, max_size=4))
    data = draw(st.sampled_from(BOMS)) + b"".join(_encode(text, encoding)
                                                  for text, encoding in pieces)
    if draw(st.booleans()):
        position = draw(st.integers(0, len(data)))
        data = data[:position] + draw(st.binary(max_size=16)) + data[position:]
    return data


@st.composite
def html_document(draw: st.DrawFn) -> str:
    """A page: nested (up to 5,000 levels), with scripts, comments, entities and attributes,
    maybe cut off anywhere."""
    depth = draw(st.one_of(st.integers(0, 30), st.sampled_from((300, 1000, 5000))))
    tag = draw(st.sampled_from(("div", "span", "section", "b", "table", "p", "article", "li")))
    paragraphs = draw(st.lists(hostile_text(200), min_size=1, max_size=5))
    junk = draw(st.sampled_from(("", "<script>var a = '<p>';</script>", "<!-- <p> -->",
                                 "<style>p{}</style>", "<![CDATA[x]]>", "<p", "</div></div>",
                                 "<a href='javascript:x'>", "&#xD800;&#0;&bogus;&#x110000;",
                                 "<meta charset='utf-16'>", "<?xml version='1.0'?>")))
    title = draw(hostile_piece)
    body = "".join(f"<p>{paragraph}</p>{junk}" for paragraph in paragraphs)
    page = (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
            + f"<{tag} class=\"x\">" * depth + body + f"</{tag}>" * depth
            + "</article></body></html>")
    if draw(st.booleans()):
        page = page[:draw(st.integers(0, len(page)))]
    return page


JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                      text_of(any_character, 20))
json_value = st.recursive(JSON_LEAF, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(text_of(any_character, 8), children,
                                                    max_size=4)), max_leaves=12)


@st.composite
def json_record(draw: st.DrawFn) -> dict[str, Any]:
    """An article object with any field names the reader knows, of any type."""
    record: dict[str, Any] = {}
    field = draw(st.sampled_from(("text", "content", "body", "articleBody", "maintext", "nope")))
    record[field] = draw(st.one_of(hostile_text(), html_document(), json_value))
    for name in draw(st.lists(st.sampled_from(("title", "url", "author", "authors", "date",
                                               "published", "source", "language", "updated")),
                              max_size=5)):
        record[name] = draw(st.one_of(METADATA, PUBLISHED, json_value))
    return record


def _dumps(value: Any, ascii_only: bool) -> str:
    # ensure_ascii writes lone surrogates as "\ud800" escapes, the way they reach us in the wild.
    return json.dumps(value, ensure_ascii=ascii_only, allow_nan=True)


@st.composite
def json_file(draw: st.DrawFn, lines: bool = False) -> bytes:
    """A JSON (or JSON Lines) file of article records, or a hostile JSON text: nested
    thousands deep, numbers of thousands of digits, cut off, or not JSON at all."""
    ascii_only = draw(st.booleans())
    if lines:
        records = draw(st.lists(st.one_of(json_record(), json_value), min_size=1, max_size=4))
        text = "\n".join(_dumps(record, ascii_only) for record in records)
    else:
        shape = draw(st.sampled_from(("one", "list", "articles", "value")))
        records = draw(st.lists(json_record(), min_size=1, max_size=3))
        value: Any = {"one": records[0], "list": records, "articles": {"articles": records},
                      "value": draw(json_value)}[shape]
        text = _dumps(value, ascii_only)
    hostile = draw(st.sampled_from(("", "nest", "digits", "cut", "garbage")))
    if hostile == "nest":
        depth = draw(st.sampled_from((100, 1000, 100_000)))
        text = '{"text": ' + "[" * depth + "]" * depth + "}" if draw(st.booleans()) \
            else "[" * depth
    elif hostile == "digits":
        text = '{"text": "The minister said it.", "title": ' + "9" * 5000 + "}"
    elif hostile == "cut":
        text = text[:draw(st.integers(0, len(text)))]
    elif hostile == "garbage":
        text = text + draw(hostile_piece)
    return _encode(text, draw(st.sampled_from(("utf-8", "utf-8", "utf-16", "cp1252"))))


def _escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def feed_file(draw: st.DrawFn) -> bytes:
    """An RSS or Atom feed whose entries hold hostile text, as escaped HTML or CDATA."""
    entries = draw(st.lists(st.tuples(hostile_piece, st.one_of(hostile_text(), html_document())),
                            min_size=0, max_size=3))
    cdata = draw(st.booleans())

    def body(text: str) -> str:
        return f"<![CDATA[{text}]]>" if cdata else _escape_xml(text)

    link = _escape_xml(draw(URLS) or "")
    if draw(st.booleans()):
        items = "".join(f"<item><title>{body(title)}</title><pubDate>{draw(PUBLISHED)}</pubDate>"
                        f"<link>{link}</link><description>{body(text)}</description></item>"
                        for title, text in entries)
        document = f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>" \
                   f"<link>{link}</link>{items}</channel></rss>"
    else:
        items = "".join(f"<entry><title>{body(title)}</title><link href='{link}'/>"
                        f"<content type='html'>{body(text)}</content></entry>"
                        for title, text in entries)
        document = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title>{items}</feed>"
    if draw(st.booleans()):
        document = document[:draw(st.integers(0, len(document)))]
    return _encode(document, draw(st.sampled_from(("utf-8", "utf-16", "cp1252"))))


def _warc(pages: list[bytes], gzipped: bool) -> bytes:
    """A WARC file holding `pages` as HTTP responses (written with warcio)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    output = io.BytesIO()
    writer = WARCWriter(output, gzip=gzipped)
    for number, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        fixed = {"WARC-Date": "2025-06-21T00:00:00Z",  # not now: the bytes must be reproducible
                 "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>"}
        writer.write_record(writer.create_warc_record(
            f"https://example.com/{number}", "response", payload=io.BytesIO(page),
            http_headers=headers, warc_headers_dict=fixed))
    return output.getvalue()


@st.composite
def warc_file(draw: st.DrawFn, gzipped: bool = False) -> bytes:
    """A WARC archive of hostile pages, maybe cut short or with bytes flipped."""
    pages = draw(st.lists(st.one_of(html_document().map(lambda page: _encode(page, "utf-8")),
                                    mixed_bytes()), min_size=0, max_size=2))
    data = _warc(pages, gzipped)
    damage = draw(st.sampled_from(("", "", "cut", "flip", "junk")))
    if damage == "cut":
        data = data[:draw(st.integers(0, len(data)))]
    elif damage == "flip" and data:
        position = draw(st.integers(0, len(data) - 1))
        data = data[:position] + bytes([data[position] ^ 0xFF]) + data[position + 1:]
    elif damage == "junk":
        data = draw(st.binary(max_size=200)) + data
    return data


def _text_file(suffix: str) -> st.SearchStrategy[bytes]:
    texts = st.one_of(hostile_text().map(lambda text: _encode(text, "utf-8")), mixed_bytes(),
                      st.binary(max_size=300))
    if suffix in (".html", ".htm"):
        return st.one_of(html_document().map(lambda page: _encode(page, "utf-8")), texts)
    if suffix == ".xml":
        return st.one_of(feed_file(), texts)
    return texts


FILE_BUILDERS: dict[str, Callable[[], st.SearchStrategy[bytes]]] = {
    ".json": lambda: st.one_of(json_file(), mixed_bytes()),
    ".jsonl": lambda: json_file(lines=True),
    ".rss": feed_file,
    ".atom": feed_file,
    ".warc": warc_file,
    ".warc.gz": lambda: warc_file(gzipped=True),
}


@st.composite
def input_file(draw: st.DrawFn, suffixes: tuple[str, ...] = SUFFIXES) -> tuple[str, bytes]:
    """(suffix, bytes) of a file a stranger could hand over, for each supported extension."""
    suffix = draw(st.sampled_from(suffixes))
    builder = FILE_BUILDERS.get(suffix, lambda: _text_file(suffix))
    return suffix, draw(builder())


def prose_article() -> st.SearchStrategy[RawArticle]:
    """A raw article that always holds analysable prose (a mutated real article or news-like
    paragraphs), with hostile metadata."""
    return raw_article(text=st.one_of(mutated_article(), news_text()))
