"""The sentences claims belong to: clause fragments join the sentence they continue."""

from __future__ import annotations

from itertools import pairwise

from consilience.claims.sentences import claim_sentence_bounds, is_fragment


def sentences(nlp, text: str) -> list[str]:
    return [text[start:end] for start, end in claim_sentence_bounds(nlp(text))]


def test_a_reporting_frame_after_a_quoted_question_joins_it(nlp):
    text = '"Is the bridge safe?" the engineer asked. Traffic resumed at noon.'
    assert [sentence.text for sentence in nlp(text).sents][1] == "the engineer asked."
    assert sentences(nlp, text) == ['"Is the bridge safe?" the engineer asked.',
                                    "Traffic resumed at noon."]


def test_a_capitalised_frame_after_a_quotation_joins_it(nlp):
    text = "“Will the plant close?” Tanaka said. The union called a strike."
    assert sentences(nlp, text) == ["“Will the plant close?” Tanaka said.",
                                    "The union called a strike."]


def test_a_piece_without_a_subject_joins_through_a_verbless_question(nlp):
    text = "She said the council cut the library budget. Why? To pay for a new stadium."
    assert sentences(nlp, text) == [text]


def test_a_quoted_piece_without_a_subject_joins_the_quotation_before_it(nlp):
    text = "“We will rebuild the school.” “Has no roof.” Classes moved to the church."
    assert sentences(nlp, text) == ["“We will rebuild the school.” “Has no roof.”",
                                    "Classes moved to the church."]


def test_whole_sentences_and_commands_stay_apart(nlp):
    text = "The ministry did not comment. Please stay in touch. Thank you for reading."
    assert sentences(nlp, text) == ["The ministry did not comment.", "Please stay in touch.",
                                    "Thank you for reading."]


def test_a_frame_without_a_quotation_before_it_is_no_fragment(nlp):
    doc = nlp("The budget grew. The mayor said.")
    last = list(doc.sents)[-1]
    assert not is_fragment(last)
    assert not is_fragment(last, after_quotation=False)


def test_nothing_joins_across_a_paragraph_break(nlp):
    text = "“Who pays for the roads?” he asked.\n\nthe mayor said nothing. The budget grew."
    assert sentences(nlp, text)[:2] == ["“Who pays for the roads?” he asked.",
                                        "the mayor said nothing."]


def test_bounds_point_into_the_text_in_order(nlp):
    text = ('"Is the bridge safe?" the engineer asked. "Has no roof." Why? To pay for a '
            "new stadium. The union called a strike.")
    bounds = claim_sentence_bounds(nlp(text))
    assert all(start < end for start, end in bounds)
    assert all(left[1] <= right[0] for left, right in pairwise(bounds))
    assert all(text[start:end] == text[start:end].strip() for start, end in bounds)
