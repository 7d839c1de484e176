"""Which predicate classes (see `claims.lexicon`) state outcomes that exclude each other:
what was cancelled was not postponed, who was absent did not attend."""

from __future__ import annotations

INCOMPATIBLE_CLASSES: frozenset[frozenset[str]] = frozenset({
    frozenset({"cancel", "postpone"}),
    frozenset({"attend", "absent"}),
    frozenset({"impose", "propose"}),
    frozenset({"impose", "on-hold"}),
    frozenset({"impose", "remove"}),
    frozenset({"confirm", "deny"}),
    frozenset({"increase", "decrease"}),
    frozenset({"win", "lose"}),
    frozenset({"convict", "acquit"}),
    frozenset({"kill", "injure"}),
})
"""Pairs of predicate classes that cannot both be true of the same event."""


def incompatible(left: str | None, right: str | None) -> bool:
    """Whether two predicate classes state outcomes that exclude each other."""
    return left is not None and right is not None and \
        frozenset({left, right}) in INCOMPATIBLE_CLASSES
