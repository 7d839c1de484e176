"""Splitting sentences into claims: the `consilience_claims` component on real parses (the
pipeline runs it; `mark_claims` runs it again on a Doc)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from spacy.language import Language

from consilience.annotate.clauses import (
    CLAIMS,
    SPANS_KEY,
    clause_ranges,
    is_question,
    mark_claims,
)


def claims_of(nlp, text: str) -> list[str]:
    doc = mark_claims(nlp(text))
    return [span.text for span in doc.spans[SPANS_KEY]]


def test_the_component_is_registered_under_its_name():
    assert Language.has_factory(CLAIMS)
    assert SPANS_KEY == "consilience_claims"


def test_coordinated_clauses_with_their_own_subjects_are_two_claims(nlp):
    assert claims_of(nlp, "The council approved the budget and the mayor vetoed it.") == [
        "The council approved the budget", "the mayor vetoed it."]


def test_a_subordinate_clause_is_split_off_with_its_subordinator(nlp):
    assert claims_of(nlp, "Police arrested two men after the clash ended.") == [
        "Police arrested two men", "after the clash ended."]


def test_a_split_claim_does_not_start_with_the_conjunction_or_end_with_a_comma(nlp):
    claims = claims_of(nlp, "Officials met on Monday, but no agreement was reached.")
    assert claims == ["Officials met on Monday", "no agreement was reached."]
    for claim in claims:
        assert not claim.lower().startswith(("and ", "but ", ","))
        assert not claim.endswith(",")


def test_a_non_restrictive_relative_clause_at_the_end_is_its_own_claim(nlp):
    assert claims_of(nlp, "The council approved the budget, which includes new funds for "
                          "schools.") == [
        "The council approved the budget", "which includes new funds for schools."]


def test_a_relative_clause_in_the_middle_is_not_cut_out(nlp):
    # cutting it out would leave a claim that is not one contiguous span
    assert claims_of(nlp, "The mayor, who took office in May, vetoed the budget.") == [
        "The mayor, who took office in May, vetoed the budget."]


def test_clauses_too_short_to_state_something_alone_are_not_split(nlp):
    assert claims_of(nlp, "He left and she stayed.") == ["He left and she stayed."]


@pytest.mark.parametrize("text", [
    '"We approved the budget and the mayor vetoed it," the councillor said.',
    "The mayor said: “The council approved the budget and the police arrested two men.”",
    'The councillor said: "The police arrested two men after the clash ended."',
])
def test_a_quotation_is_never_split_inside(nlp, text):
    assert claims_of(nlp, text) == [text]


def test_a_possessive_apostrophe_is_not_a_quotation_mark(nlp):
    assert claims_of(nlp, "The workers' union approved the deal and the company signed it.") == [
        "The workers' union approved the deal", "the company signed it."]


def test_without_the_possessive_the_same_sentence_splits(nlp):
    assert claims_of(nlp, "The union approved the deal and the company signed it.") == [
        "The union approved the deal", "the company signed it."]


@pytest.mark.parametrize("text", [
    "Did the council approve the budget?",
    "Will the mayor veto the budget after the clash ended?",
    'The mayor asked: "Who approved the budget?"',
])
def test_a_question_gives_no_claim(nlp, text):
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize("text", ["Budget.", "Strike!", "A quiet morning in the capital."])
def test_a_one_word_or_verbless_fragment_gives_no_claim(nlp, text):
    assert claims_of(nlp, text) == []


def test_is_question_looks_past_closing_quotes_and_brackets():
    class Sentence:  # is_question only reads `.text`
        def __init__(self, text: str):
            self.text = text

    assert is_question(Sentence('Who approved it?"'))  # type: ignore[arg-type]
    assert is_question(Sentence("(Who approved it?)\n"))  # type: ignore[arg-type]
    assert not is_question(Sentence("The council approved it."))  # type: ignore[arg-type]


def test_only_questions_and_fragments_are_dropped_from_a_longer_text(nlp):
    text = ("The council approved the budget and the mayor vetoed it. Why? "
            "Police arrested two men after the clash ended. A quiet morning.")
    assert claims_of(nlp, text) == [
        "The council approved the budget", "the mayor vetoed it.",
        "Police arrested two men", "after the clash ended."]


def test_every_claim_is_a_contiguous_slice_of_its_sentence_in_order(nlp):
    text = ("The council approved the budget and the mayor vetoed it. "
            "Police arrested two men after the clash ended, officials said. "
            "The ministry cancelled the tender because prices had risen sharply.")
    doc = mark_claims(nlp(text))
    spans = list(doc.spans[SPANS_KEY])
    assert len(spans) >= 5
    previous_end = 0
    for span in spans:
        assert doc.text[span.start_char:span.end_char] == span.text
        assert span.start_char >= previous_end  # in order, never overlapping
        previous_end = span.end_char
        sentence = span.sent
        assert sentence.start <= span.start and span.end <= sentence.end
        assert span.text == span.text.strip()


def test_clause_ranges_cover_the_sentence_without_overlap(nlp):
    doc = nlp("The ministry cancelled the tender because prices had risen sharply.")
    sentence = next(iter(doc.sents))
    ranges = clause_ranges(sentence)
    assert [doc[start:end].text for start, end in ranges] == [
        "The ministry cancelled the tender", "because prices had risen sharply."]
    assert all(sentence.start <= start < end <= sentence.end for start, end in ranges)
    assert all(first[1] <= second[0] for first, second in pairwise(ranges))


def test_mark_claims_replaces_earlier_claims_of_the_doc(nlp):
    doc = nlp("The council approved the budget and the mayor vetoed it.")
    mark_claims(doc)
    mark_claims(doc)
    assert len(doc.spans[SPANS_KEY]) == 2
