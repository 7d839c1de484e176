"""Invariants every fuzz property checks, shared with benchmarks/fuzz.py."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema

from consilience.models import Article, Problem, RawArticle
from consilience.render import contract_violations

PROBLEM_CODE = re.compile(r"[EW]\d{3}")
# What no text leaving clean may hold: C0 controls but tab and newline, "\r", and lone
# surrogates (they cannot be written as UTF-8, nor stored in PostgreSQL). Ingest also
# removes DEL and the C1 controls (normalise_text); clean leaves a caller's C1 controls alone.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff]")
FORBIDDEN_AFTER_INGEST = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def check_problem(problem: Problem, source_writable: bool = True) -> None:
    """A coded problem; from ingest, its source is text that can be written out."""
    assert PROBLEM_CODE.fullmatch(problem.code), problem
    assert problem.message and problem.severity in ("error", "warning"), problem
    if source_writable:
        problem.source.encode("utf-8")


def check_text(value: str | None, what: str, forbidden: re.Pattern[str] = FORBIDDEN) -> None:
    """Writable as UTF-8 and free of control characters."""
    if value is None:
        return
    found = forbidden.search(value)
    assert found is None, f"{what} holds {found.group()!r} at {found.start()}"
    value.encode("utf-8")


def check_raw(raw: RawArticle) -> None:
    """An article as read from a file: normalised text, a source that can be written out."""
    assert raw.text.strip(), raw
    for name in ("text", "title", "url", "outlet", "byline", "published", "updated",
                 "language"):
        check_text(getattr(raw, name), f"RawArticle.{name}", FORBIDDEN_AFTER_INGEST)
    raw.source.encode("utf-8")


def check_article(article: Article) -> None:
    """A cleaned article: safe text, headings inside it, a source that can be written out."""
    assert article.text.strip()
    article.source.encode("utf-8")
    for name in ("text", "title", "url", "outlet", "byline", "published", "updated",
                 "language"):
        check_text(getattr(article, name), f"Article.{name}")
    for start, end in article.headings:
        assert 0 <= start < end <= len(article.text), (start, end)
    for line in article.removed:
        check_text(line.text, "RemovedLine.text")


def check_document(document: dict[str, Any], schema: dict[str, Any]) -> None:
    """Schema-valid, keeps the span contract, and can be written as UTF-8 JSON."""
    errors = [error.message for error in jsonschema.Draft202012Validator(schema)
              .iter_errors(document)]
    assert errors == [], errors[:3]
    assert contract_violations(document) == []
    json.dumps(document, ensure_ascii=False).encode("utf-8")
