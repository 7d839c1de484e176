"""Articles to JSON and back, as the database keeps them."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..models import Article, RemovedLine


def article_to_json(article: Article) -> str:
    return json.dumps(asdict(article), ensure_ascii=False, separators=(",", ":"))


def article_from_json(text: str) -> Article:
    data: dict[str, Any] = json.loads(text)
    data["removed"] = tuple(RemovedLine(**line) for line in data.get("removed", ()))
    data["headings"] = tuple(tuple(pair) for pair in data.get("headings", ()))
    data["outlet_hints"] = tuple(data.get("outlet_hints", ()))
    return Article(**data)
