"""Query parameters shared by the pages and the API, checked the same way for both."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..errors import BadParameterError, Errors

PAGE_SIZE = 50
"""Stories per page of the story list."""
MAX_QUERY = 500
"""Longest search text, in characters."""
MAX_OFFSET = 1_000_000_000


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

DATE_SCHEMA: dict[str, Any] = {"anyOf": [{"type": "string", "format": "date"},
                                         {"type": "string", "maxLength": 0}]}
"""What `since` accepts, as the OpenAPI document says it: exactly what `since_date` takes."""


def since_date(value: str | None) -> str | None:
    """`since` as an ISO date, None when not given or empty (an empty date field of the page's
    form), or BadParameterError. Only YYYY-MM-DD is a date, as the API documents it: Python's
    `date.fromisoformat` alone would also take 20240301 and 2024-W09-5."""
    if not value:
        return None
    try:
        if _ISO_DATE.fullmatch(value) is None:
            raise ValueError(value)
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadParameterError(Errors.E702.format(
            name="since", detail="not a date; give it as YYYY-MM-DD")) from None


def search_text(value: str | None) -> str | None:
    """The search words, None when there are none."""
    if value is None or not value.strip():
        return None
    return value.strip()
