"""Brief: a short extractive summary in which every sentence is a source's own words."""

from .select import (
    centrality,
    content_words,
    dangling,
    eligible,
    notability,
    select_brief,
    sentence_bounds,
)

__all__ = [
    "centrality",
    "content_words",
    "dangling",
    "eligible",
    "notability",
    "select_brief",
    "sentence_bounds",
]
