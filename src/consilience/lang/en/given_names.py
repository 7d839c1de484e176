"""Given names: which name one person, a name and its nicknames ("Chuck" and "Charles", "Liz"
and "Elizabeth", "Jim" and "James"), from the `nicknames` package (a hand-curated, maintained
table of English given names and their nicknames, Apache-2.0, about 1,100 names); and the
gender a given name says ("Hillary" a woman, "Bill" a man), from `given_name_genders.txt`
(27,000 names borne by one gender nine times in ten or more, derived from the MIT-licensed
`nomquamgender` tables; see `tools/given_name_genders.py`)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

_GENDER_LETTERS = {"f": "female", "m": "male"}


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    text = resources.files(__package__).joinpath("given_name_genders.txt").read_text("utf-8")
    genders: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, letter = line.split()
            genders[name] = _GENDER_LETTERS[letter]
    return genders


def given_name_gender(name: str) -> str:
    """"male" or "female" for a given name borne nearly always by one gender (any case), else
    "" (a name of both, an initial, a name not in the table)."""
    return _genders().get(name.casefold().rstrip("."), "")


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
