"""The claims stage reads the claims the pipeline's `consilience_claims` component marked."""

from __future__ import annotations

from consilience.claims import CLAIMS, SPANS_KEY, mark_claims

TEXT = "The council approved the budget and the mayor vetoed it."


def test_the_pipeline_marks_the_claims_the_stage_reads(nlp):
    assert CLAIMS in nlp.pipe_names
    doc = nlp(TEXT)
    assert [span.text for span in doc.spans[SPANS_KEY]] == [
        "The council approved the budget", "the mayor vetoed it."]


def test_a_doc_made_without_the_component_gets_the_same_claims(nlp):
    with nlp.select_pipes(disable=[CLAIMS]):
        doc = nlp(TEXT)
    assert SPANS_KEY not in doc.spans
    parsed = nlp(TEXT)
    assert [span.text for span in mark_claims(doc).spans[SPANS_KEY]] == [
        span.text for span in parsed.spans[SPANS_KEY]]
