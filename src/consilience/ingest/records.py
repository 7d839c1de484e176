"""JSON and JSONL articles: map the usual field names onto RawArticle."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from ..errors import (
    EmptyArticleError,
    Errors,
    InputError,
    MalformedRecordError,
)
from ..models import RawArticle
from ..text import normalise_text
from .html import extract_html, looks_like_html

LOGGER = logging.getLogger(__name__)

TEXT_FIELDS = ("text", "content", "body", "article", "maintext", "articleBody")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "href")
OUTLET_FIELDS = ("outlet", "source", "site", "sitename", "publisher", "source_name", "domain")
BYLINE_FIELDS = ("author", "byline", "authors", "creator")
PUBLISHED_FIELDS = (
    "published", "date", "published_at", "publishedAt", "pubdate", "datePublished",
    "date_publish", "publish_date", "created_at",
)
UPDATED_FIELDS = ("updated", "modified", "date_modified", "dateModified", "updated_at")
LANGUAGE_FIELDS = ("language", "lang")


# How deep a metadata field is searched for a name ({"author": [{"name": ...}]} is 2 deep); a
# stranger's record can nest far deeper than the stack allows.
_FIELD_DEPTH = 4


def _as_text(value: Any, depth: int = 0) -> str | None:
    """A field's value as one string: names out of objects, lists joined, blanks dropped."""
    if value is None or depth > _FIELD_DEPTH:
        return None
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title") or value.get("id"), depth + 1)
    if isinstance(value, list):
        parts = [part for part in (_as_text(item, depth + 1) for item in value) if part]
        return ", ".join(parts) or None
    text = normalise_text(str(value)).strip()
    return text or None


class _BadJSON(Exception):
    """Why a JSON text cannot be read, and on which line (when known)."""

    def __init__(self, detail: str, line: int | None = None, column: int | None = None):
        super().__init__(detail)
        self.detail, self.line, self.column = detail, line, column

    def where(self, *, one_line: bool = False) -> str:
        """The message with its place: "at line 3, column 10" ("at column 10" for a JSON
        Lines record, whose line the report names)."""
        if self.column is None:
            return self.detail
        at = "" if self.detail.endswith(" at") else " at"
        line = "" if one_line else f" line {self.line},"
        return f"{self.detail}{at}{line} column {self.column}"


def _loads(text: str) -> Any:
    """json.loads; _BadJSON for anything it cannot read, including nesting deeper than the
    stack and integers of more than 4,300 digits (which json.loads raises as other errors)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _BadJSON(error.msg, error.lineno, error.colno) from None
    except RecursionError:
        raise _BadJSON("nested too deeply") from None
    except ValueError:  # int() refuses numbers of more than 4,300 digits
        raise _BadJSON("a number too long to read") from None


def _kind(value: Any) -> str:
    """What a JSON value is, in words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else type(value).__name__


def _first(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = _as_text(record.get(name))
        if value:
            return value
    return None


def record_to_article(
    record: Any, source: str, *, path: str | None = None, line: int | None = None
) -> RawArticle:
    """One JSON object to a RawArticle; MalformedRecordError when it is not an article.

    `source` names the article (file, file:line or file#index); errors name `path` and `line`.
    """
    path = path or source
    if not isinstance(record, dict):
        raise MalformedRecordError(
            Errors.E105.format(detail=f"expected a JSON object, found {type(record).__name__}"),
            path=path, line=line,
        )
    raw_text = next((record[name] for name in TEXT_FIELDS if isinstance(record.get(name), str)),
                    None)
    if raw_text is None:
        wrong = next((name for name in TEXT_FIELDS if record.get(name) is not None), None)
        detail = (f"its {wrong} field is {_kind(record[wrong])}, not a string" if wrong
                  else "record has no text field (it needs text, content or body)")
        raise MalformedRecordError(Errors.E105.format(detail=detail), path=path, line=line)
    raw_text = normalise_text(raw_text)  # JSON escapes can hold "\u0000" and lone surrogates
    if not raw_text.strip():
        raise EmptyArticleError(Errors.E104.format(detail=" (its text field is blank)"),
                                path=path, line=line)
    url = _first(record, URL_FIELDS)
    title, outlet = _first(record, TITLE_FIELDS), _first(record, OUTLET_FIELDS)
    byline, published = _first(record, BYLINE_FIELDS), _first(record, PUBLISHED_FIELDS)
    updated, language = _first(record, UPDATED_FIELDS), _first(record, LANGUAGE_FIELDS)
    if looks_like_html(raw_text):
        page = extract_html(raw_text, path, url=url)
        return RawArticle(
            source=source, text=page.text, format="markdown", url=url,
            title=title or page.title, outlet=outlet or page.outlet,
            byline=byline or page.byline, published=published or page.published,
            updated=updated, language=language or page.language,
        )
    return RawArticle(source=source, text=raw_text, format="json", url=url, title=title,
                      outlet=outlet, byline=byline, published=published, updated=updated,
                      language=language)


def read_json(text: str, source: str) -> Iterator[RawArticle | InputError]:
    """A JSON file holding one article object or a list of them."""
    try:
        data = _loads(text)
    except _BadJSON as error:
        yield MalformedRecordError(Errors.E105.format(detail=f"invalid JSON: {error.where()}"),
                                   path=source, line=error.line)
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    if not records:  # "[]" or {"articles": []}: say so rather than skip the file silently
        yield EmptyArticleError(Errors.E104.format(detail=" (the JSON list holds no articles)"),
                                path=source)
    for index, record in enumerate(records):
        item = f"{source}#{index}" if isinstance(data, list) else source
        try:
            yield record_to_article(record, item)
        except InputError as error:  # an HTML text field may also yield no text (E106)
            yield error


def read_jsonl(text: str, source: str) -> Iterator[RawArticle | InputError]:
    """A JSON Lines file: one article object per line; a bad line is reported and skipped."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = _loads(line)
        except _BadJSON as error:
            detail = f"invalid JSON: {error.where(one_line=True)}"
            yield MalformedRecordError(Errors.E105.format(detail=detail), path=source,
                                       line=number)
            continue
        try:
            yield record_to_article(record, f"{source}:{number}", path=source, line=number)
        except InputError as error:  # an HTML text field may also yield no text (E106)
            yield error
