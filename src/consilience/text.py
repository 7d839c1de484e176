"""Small text helpers every stage may share: cutting a line short for a label or a title, and
the character-level safety of untrusted text (what ingest normalises and clean keeps safe).

Part of the shared layer (like `models` and `errors`): no stage logic, no spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from .models import RawArticle

__all__ = ["displayable", "normalise_article", "normalise_text", "safe_text", "shorten"]


def shorten(text: str, limit: int) -> str:
    """`text` on one line (runs of whitespace become one space), cut to at most `limit`
    characters with an ellipsis, so a label or title never overflows its place."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# Control characters (Unicode category Cc) but tab and newline, and lone surrogates (Cs).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


# What no text may keep: C0 controls but tab and newline (NUL ends strings in C libraries and
# PostgreSQL refuses it; the rest are invalid in XML) and lone surrogates (no UTF-8 encoding,
# so spaCy's string store and every writer fail on them).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff]")


def safe_text(text: str) -> str:
    """Unix line ends, without the characters that break spaCy, UTF-8 output or PostgreSQL.
    Everything else (C1 controls of mojibake, the normal form) is left as given, so offsets
    into a caller's text only move where a character had to go."""
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def normalise_text(text: str) -> str:
    """NFC, Unix line ends, no BOM or stray control characters (tabs and newlines kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", _CONTROLS.sub("", text))


def displayable(name: str) -> str:
    """A file name as text that can be written out: a byte that is not UTF-8 (which Python
    keeps as a lone surrogate, "\\udcff") is shown escaped instead of breaking the output."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return name


def normalise_article(raw: RawArticle, form: Callable[[str], str] = normalise_text) -> RawArticle:
    """The raw article with its text and metadata in `form` (normalise_text for what ingest
    reads; clean_article uses safe_text, leaving a caller's text otherwise as given), blank
    metadata as None, and a source that can be written out.

    Text can arrive without passing through decode_bytes (JSON escapes such as "\\ud800" or
    "\\u0000", feed fields, RawArticles built by callers).
    """
    def field(value: str | None) -> str | None:
        return form(value).strip() or None if value is not None else None

    return replace(
        raw, source=displayable(raw.source), text=form(raw.text), title=field(raw.title),
        url=field(raw.url), outlet=field(raw.outlet), byline=field(raw.byline),
        published=field(raw.published), updated=field(raw.updated),
        language=field(raw.language))
