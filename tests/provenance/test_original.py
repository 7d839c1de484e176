"""Which of two articles sharing passages is the original: publication order first."""

from __future__ import annotations

from consilience.models import Article
from consilience.provenance.original import published_order


def article(identifier: str, published: str | None) -> Article:
    return Article(id=identifier, source=f"{identifier}.txt", text="", published=published)


def test_published_order_compares_times_then_common_date_precision() -> None:
    def order(left: str | None, right: str | None) -> int:
        return published_order(article("a", left), article("b", right))

    assert order("2025-03-04", "2025-03-05") == -1
    assert order("2025-03-05T10:00:00", "2025-03-05T09:59:00") == 1
    assert order("2025-03-05", "2025-03-05T09:00:00") == 0  # same day, one without a time
    assert order("2025-03", "2025-03-17") == 0  # month precision: no telling
    assert order(None, "2025-03-05") == 0
    assert order("not a date", "2025-03-05") == 0
