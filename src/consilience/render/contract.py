"""Check a story document against the invariants of the output contract.

The JSON Schema says what shape a document has; these are the promises it cannot express:
every span's text is the slice of its article's text it points at, and every id referenced
exists. `analyze` checks them before writing anything, so a broken document never leaves.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import ContractError, Errors

_SPAN_KEYS = frozenset({"article", "start", "end", "text"})


def iter_spans(node: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every span object anywhere in the document, with its JSON path."""
    if isinstance(node, dict):
        if node.keys() >= _SPAN_KEYS and isinstance(node.get("start"), int):
            yield path, node
        for key, value in node.items():
            yield from iter_spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_spans(value, f"{path}[{index}]")


def contract_violations(document: dict[str, Any]) -> list[str]:
    """Every broken invariant, as one line each; empty when the document keeps the contract."""
    problems: list[str] = []
    texts = {article["id"]: article["text"] for article in document.get("articles", [])}
    if len(texts) != len(document.get("articles", [])):
        problems.append("article ids are not unique")
    for path, span in iter_spans(document):
        text = texts.get(span["article"])
        if text is None:
            problems.append(f"{path}: unknown article {span['article']!r}")
        elif not 0 <= span["start"] <= span["end"] <= len(text):
            problems.append(f"{path}: offsets {span['start']}..{span['end']} out of range")
        elif text[span["start"]:span["end"]] != span["text"]:
            problems.append(f"{path}: text does not match article slice")
    entity_ids = [entity["id"] for entity in document.get("entities", [])]
    fact_ids = [fact["id"] for fact in document.get("facts", [])]
    quote_ids = [quote["id"] for quote in document.get("quotes", [])]
    for name, ids in (("entity", entity_ids), ("fact", fact_ids), ("quote", quote_ids)):
        if len(ids) != len(set(ids)):
            problems.append(f"{name} ids are not unique")

    def refer(path: str, ids: Any, known: set[str] | dict[str, str], what: str) -> None:
        for identifier in ids or ():
            if identifier not in known:
                problems.append(f"{path}: unknown {what} {identifier!r}")

    refer("$.story.articles", document.get("story", {}).get("articles"), texts, "article")
    for key in ("entities", "facts", "timeline", "brief"):
        for index, item in enumerate(document.get(key, [])):
            refer(f"$.{key}[{index}].articles", item.get("articles"), texts, "article")
    for index, entity in enumerate(document.get("entities", [])):
        for number, alias in enumerate(entity.get("aliases", [])):
            refer(f"$.entities[{index}].aliases[{number}].articles", alias.get("articles"),
                  texts, "article")
    facts, quotes, entities = set(fact_ids), set(quote_ids), set(entity_ids)
    for index, conflict in enumerate(document.get("conflicts", [])):
        if conflict.get("fact") is not None:
            refer(f"$.conflicts[{index}].fact", [conflict["fact"]], facts, "fact")
        for number, side in enumerate(conflict.get("sides", [])):
            refer(f"$.conflicts[{index}].sides[{number}].articles", side.get("articles"), texts,
                  "article")
    for index, sentence in enumerate(document.get("brief", [])):
        refer(f"$.brief[{index}].facts", sentence.get("facts"), facts, "fact")
    for index, fact in enumerate(document.get("facts", [])):
        for number, claim in enumerate(fact.get("claims", [])):
            refer(f"$.facts[{index}].claims[{number}].entities", claim.get("entities"),
                  entities, "entity")
    for index, quote in enumerate(document.get("quotes", [])):
        refer(f"$.quotes[{index}].same_as", quote.get("same_as"), quotes, "quote")
        if quote.get("speaker") is not None:
            refer(f"$.quotes[{index}].speaker", [quote["speaker"]], entities, "entity")
    for index, citation in enumerate(document.get("citations", [])):
        refer(f"$.citations[{index}].article", [citation.get("article")], texts, "article")
        if citation.get("entity") is not None:
            refer(f"$.citations[{index}].entity", [citation["entity"]], entities, "entity")
    for index, copy in enumerate(document.get("copies", [])):
        refer(f"$.copies[{index}]", [copy.get("article"), copy.get("of_article")], texts,
              "article")
    for index, sentence in enumerate(document.get("brief", [])):
        refer(f"$.brief[{index}].facts", sentence.get("facts"), facts, "fact")
    return problems


def check_contract(document: dict[str, Any]) -> None:
    """Raise ContractError naming the first broken invariants, if any."""
    problems = contract_violations(document)
    if problems:
        detail = "; ".join(problems[:3]) + (f" (+{len(problems) - 3} more)"
                                            if len(problems) > 3 else "")
        raise ContractError(Errors.E401.format(detail=detail))
