"""Story and article ids as they arrive in a URL: checked against their alphabet before they
reach the database, and never used as file paths.

A story id is a positive integer, also written `s3` or `s-3` (as `consilience stories` and
`consilience show` accept it); an article id is `a-` and ten lowercase hex digits (the content
hash of `cluster.identity.article_id`). Anything else is an unknown id (404).
"""

from __future__ import annotations

import re

from ..errors import ArticleNotFoundError, Errors, StoryNotFoundError

MAX_ID_LENGTH = 40
"""Longer ids are refused at once (and shown shortened in messages)."""

_STORY = re.compile(r"(?:s-?)?([0-9]{1,18})")
_ARTICLE = re.compile(r"a-[0-9a-f]{10}")


def shown_id(value: str) -> str:
    """The id as a message may show it: printable and short."""
    printable = "".join(char if char.isprintable() else "?" for char in value[:MAX_ID_LENGTH])
    return printable + ("…" if len(value) > MAX_ID_LENGTH else "")


def story_number(value: str) -> int:
    """The story number in `value` ("3", "s3", "s-3"), or StoryNotFoundError."""
    match = _STORY.fullmatch(value) if len(value) <= MAX_ID_LENGTH else None
    if match is None or int(match.group(1)) == 0:
        raise StoryNotFoundError(Errors.E506.format(story=shown_id(value)))
    return int(match.group(1))


def article_key(value: str) -> str:
    """`value` when it is an article id, or ArticleNotFoundError."""
    if len(value) > MAX_ID_LENGTH or _ARTICLE.fullmatch(value) is None:
        raise ArticleNotFoundError(Errors.E510.format(article=shown_id(value)))
    return value
