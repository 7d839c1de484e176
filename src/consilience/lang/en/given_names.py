"""Given names that name one person: a name and its nicknames ("Chuck" and "Charles", "Liz" and
"Elizabeth", "Jim" and "James"), from the `nicknames` package: a hand-curated, maintained
table of English given names and their nicknames (Apache-2.0, about 1,100 names)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _namer():  # type: ignore[no-untyped-def]
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=65536)
def same_given_name(left: str, right: str) -> bool:
    """Whether two folded given names can name one person: equal, one a nickname of the
    other, or both nicknames of one name ("Bill" and "Billy")."""
    if left == right:
        return True
    if len(left) < 2 or len(right) < 2:
        return False
    namer = _namer()
    return (right in namer.nicknames_of(left) or left in namer.nicknames_of(right)
            or bool(namer.canonicals_of(left) & namer.canonicals_of(right)))
