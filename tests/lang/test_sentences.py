"""Sentence bounds: spaCy's from a parse, the one text splitter without one."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from consilience.lang.sentences import parsed_sentence_bounds, sentence_bounds, split_sentences


def texts(text: str, bounds) -> list[str]:
    return [text[start:end] for start, end in bounds]


def test_the_text_splitter_keeps_abbreviations_and_initialisms():
    text = ('Mr. Roe met the U.S. envoy on Jan. 5 in the city. He said "no." Then he left!\n'
            "He lives at No. 10 Main St. now.\n\nPrices rose 3.5% in May. Why? Nobody knows")
    assert texts(text, split_sentences(text)) == [
        "Mr. Roe met the U.S. envoy on Jan. 5 in the city.", 'He said "no."', "Then he left!",
        "He lives at No. 10 Main St. now.", "Prices rose 3.5% in May.", "Why?", "Nobody knows"]


def test_the_text_splitter_goes_on_where_the_text_continues_in_lower_case():
    text = '"No!" she said. The talks approx. ended then.'
    assert texts(text, split_sentences(text)) == ['"No!" she said.',
                                                  "The talks approx. ended then."]


def test_empty_and_blank_texts_have_no_sentences():
    assert split_sentences("") == () == split_sentences(" \n\n ")


def test_parsed_bounds_are_the_parse_sentences_trimmed(nlp):
    text = "Budget talks\n\nThe council met on Monday. It cut the budget.  "
    doc = nlp(text)
    bounds = parsed_sentence_bounds(doc)
    assert texts(text, bounds) == ["Budget talks", "The council met on Monday.",
                                   "It cut the budget."]
    assert [start for start, _ in bounds] == [
        start for start, _ in (
            (sentence.start_char + len(sentence.text) - len(sentence.text.lstrip()), 0)
            for sentence in doc.sents) if text[start:start + 1].strip()]


def test_a_quotation_mark_left_alone_by_the_parser_joins_its_sentence():
    words = ["He", "said", '"', "no", ".", '"', "Then", "he", "left", ".", "\n\n", '"', "Go", "."]
    spaces = [True, True, False, False, False, True, True, True, False, False, False, False,
              False, False]
    starts = [True, False, False, False, False, True, True, False, False, False, False, True,
              True, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, sent_starts=starts)
    assert [sentence.text.strip() for sentence in doc.sents] == [
        'He said "no.', '"', "Then he left.", '"', "Go."]
    assert texts(doc.text, parsed_sentence_bounds(doc)) == [
        'He said "no."', "Then he left.", '"Go.']


def test_sentence_bounds_use_the_parse_when_there_is_one(nlp):
    text = "The summit opened on July 1. Leaders met."
    assert sentence_bounds(text, nlp(text)) == parsed_sentence_bounds(nlp(text))
    assert sentence_bounds(text) == split_sentences(text)
