"""Query parameters shared by the pages and the API, checked the same way for both."""

from __future__ import annotations

from datetime import date

from ..errors import BadParameterError, Errors

PAGE_SIZE = 50
"""Stories per page of the story list."""
MAX_QUERY = 500
"""Longest search text, in characters."""
MAX_OFFSET = 1_000_000_000


def since_date(value: str | None) -> str | None:
    """`since` as an ISO date (YYYY-MM-DD), None when not given, or BadParameterError."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise BadParameterError(Errors.E702.format(
            name="since", detail="not a date; give it as YYYY-MM-DD")) from None


def search_text(value: str | None) -> str | None:
    """The search words, None when there are none."""
    if value is None or not value.strip():
        return None
    return value.strip()
