"""Which of two articles sharing passages is the original, and the Copy record that says so.

The article published earlier, when both have a date (`Article.published`, ISO): compared as
date-times when both give a time, else by their common date precision. When the dates are
missing or equal, the copier is the article whose copied passages are the smaller share of its
own text: a copier usually wraps what it takes in material of its own (an introduction, a
local angle, a credit line), while the original's passages are its text. When the shares are
equal too (an article repeated verbatim), the article that comes first in the story is the
original.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

from ..models import Article, Copy, Span
from .alignment import Run
from .passages import Words

_DATE = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _moment(value: str | None) -> tuple[str, datetime | None] | None:
    """An ISO date or date-time as (its date part at its precision, the date-time when it has a
    time, in UTC when it has a zone)."""
    if not value:
        return None
    match = _DATE.match(value)
    if not match:
        return None
    day = "-".join(part for part in match.groups() if part)
    rest = value.strip()
    if len(rest) <= 10 or rest[10] not in "T ":
        return day, None
    try:
        moment = datetime.fromisoformat(rest.replace("Z", "+00:00"))
        # In UTC, 0001-01-01T00:00+14:00 falls before the year 1: OverflowError.
        return day, moment.astimezone(UTC) if moment.tzinfo else moment
    except (ValueError, OverflowError):
        return day, None


def published_order(first: Article, second: Article) -> int:
    """-1 when `first` was published before `second`, 1 when after, 0 when the dates are
    missing or equal (date-times compared when both have a time, else their common date
    precision)."""
    left, right = _moment(first.published), _moment(second.published)
    if left is None or right is None:
        return 0
    if (left[1] is not None and right[1] is not None
            and (left[1].tzinfo is None) == (right[1].tzinfo is None)):
        return (left[1] > right[1]) - (left[1] < right[1])
    size = min(len(left[0]), len(right[0]))
    return (left[0][:size] > right[0][:size]) - (left[0][:size] < right[0][:size])


def _covered(runs: Sequence[tuple[int, int]], total: int) -> float:
    """Share of `total` words inside the word ranges `runs` (counted once)."""
    if not total:
        return 0.0
    covered: set[int] = set()
    for first, last in runs:
        covered.update(range(first, last))
    return round(len(covered) / total, 3)


def _span(article: Article, words: Words, first: int, last: int) -> Span:
    start, end = words.starts[first], words.ends[last - 1]
    return Span(article.id, start, end, article.text[start:end])


def copy_record(articles: Sequence[Article], texts: Sequence[Words], left: int, right: int,
          runs: Sequence[Run]) -> Copy:
    """The Copy for two articles (story positions left < right) sharing `runs`."""
    share_left = _covered([(run.a_first, run.a_last) for run in runs], len(texts[left].words))
    share_right = _covered([(run.b_first, run.b_last) for run in runs], len(texts[right].words))
    order = published_order(articles[left], articles[right])
    if order == 0:
        # Undated or same time: the smaller share copied; ties keep story order.
        order = -1 if share_left >= share_right else 1
    if order < 0:
        copier, original, share = right, left, share_right
        pairs = [((run.b_first, run.b_last), (run.a_first, run.a_last)) for run in runs]
    else:
        copier, original, share = left, right, share_left
        pairs = [((run.a_first, run.a_last), (run.b_first, run.b_last)) for run in runs]
    pairs.sort()
    return Copy(
        article=articles[copier].id,
        of_article=articles[original].id,
        overlap=share,
        spans=tuple(_span(articles[copier], texts[copier], *here) for here, _ in pairs),
        of_spans=tuple(_span(articles[original], texts[original], *there)
                       for _, there in pairs),
    )
