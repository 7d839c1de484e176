"""Tests for the spaCy-entity reader of quantities that benchmarks/quantities.py measures
(`benchmarks/quantities_from_doc.py`; the product keeps the text reader, see the benchmark)."""

from __future__ import annotations

from typing import Any

from benchmarks.quantities_from_doc import quantities_in_doc

from consilience.claims.quantities import find_quantities
from consilience.claims.quantities.roles import listed_verb_form


def _read(nlp: Any, text: str, **options: Any) -> list[tuple[str, float, str, str]]:
    return [(q.span.text, q.value, q.unit, q.role)
            for q in quantities_in_doc(nlp(text), "a", **options)]


def test_same_values_as_text_reader_on_plain_figures(nlp: Any) -> None:
    text = "Revenue rose 3.5% to $1.2 billion, and 40 workers were hired."
    from_text = [(q.span.text, q.value, q.unit) for q in find_quantities(text, "a")]
    assert [found[:3] for found in _read(nlp, text)] == from_text


def test_spans_index_the_doc_text(nlp: Any) -> None:
    doc = nlp("Intro sentence here. Sales fell 12 per cent in 2023.")
    start = doc.text.index("Sales")
    quantities = quantities_in_doc(doc, "a", start, len(doc.text))
    assert [(q.span.text, doc.text[q.span.start:q.span.end]) for q in quantities] == [
        ("12 per cent", "12 per cent")]


def test_role_from_lemmas(nlp: Any) -> None:
    assert _read(nlp, "The government plans to raise spending to 3.5%.")[0][3] == "target"
    assert _read(nlp, "Spending rose to 3.5% last year.")[0][3] == "current"
    assert _read(nlp, "Prices climbed from 2% to 3%.")[0][3] == "previous"


def test_empty_and_blank(nlp: Any) -> None:
    assert quantities_in_doc(nlp("   ")) == []
    assert quantities_in_doc(nlp("5%"), start=10) == []


def test_require_entity_drops_numbers_outside_entities(nlp: Any) -> None:
    found = _read(nlp, "The company hired 40 workers.", require_entity=True)
    entities = {entity.text for entity in nlp("The company hired 40 workers.").ents}
    assert all(any(text in entity for entity in entities) for text, *_ in found)


def test_listed_verb_form() -> None:
    assert listed_verb_form("raising", 0) == "target"
    assert listed_verb_form("rose", 0) == "past"
    assert listed_verb_form("cut", 0) == "ambiguous"
    assert listed_verb_form("jump", 0) == "change"
    assert listed_verb_form("table", 0) == ""
