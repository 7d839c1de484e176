"""HTML pages to article text and metadata with trafilatura."""

from __future__ import annotations

import logging
import re
import warnings

import trafilatura

from ..errors import Errors, NoExtractableTextError
from ..models import RawArticle

LOGGER = logging.getLogger(__name__)
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_HTML_TAG = re.compile(r"<(p|div|br|article|html|body|span|h[1-6]|a|li)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when a text field holds markup rather than prose (some feeds store HTML bodies).

    Only up to the last ">": past it, "[^>]*" would scan to the end from every "<p" (quadratic)
    and no tag can close there."""
    head = text[:5000]
    return len(_HTML_TAG.findall(head[:head.rfind(">") + 1])) >= 2


def extract_html(html: str, source: str, url: str | None = None) -> RawArticle:
    """Main text (as Markdown, so headings stay marked) and metadata of one page."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_formatting=True,
            favor_precision=True,
        )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise NoExtractableTextError(Errors.E106, path=source)

    def field(name: str) -> str | None:
        value = getattr(document, name, None)
        return str(value).strip() or None if value else None

    return RawArticle(
        source=source,
        text=text,
        format="markdown",
        title=field("title"),
        url=field("url") or url,
        outlet=field("sitename") or field("hostname"),
        byline=field("author"),
        published=field("date"),
        language=field("language"),
    )
