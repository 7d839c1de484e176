"""The shared parse helpers: character ranges, noun phrases, subjects of reporting verbs,
"according to X" and "as reported by X"."""

from __future__ import annotations

from consilience.syntax import (
    according_object,
    according_to,
    char_range,
    is_reporting_verb,
    name_range,
    noun_phrase,
    reported_by,
    subject,
)


def token_named(doc, word: str):
    return next(token for token in doc if token.text == word)


def phrase(doc, token) -> str:
    start, end = char_range(doc, *noun_phrase(token))
    return doc.text[start:end]


def test_char_range_covers_the_tokens_without_trailing_space(nlp):
    doc = nlp("The talks were cancelled.")
    assert char_range(doc, 0, 2) == (0, 9)


def test_a_noun_phrase_keeps_of_and_stops_at_other_prepositions_and_clauses(nlp):
    doc = nlp("The head of the agency, who spoke on condition of anonymity, said the talks ended.")
    assert phrase(doc, token_named(doc, "head")) == "The head of the agency"
    doc = nlp("A spokesman for the ministry said the talks ended.")
    assert phrase(doc, token_named(doc, "spokesman")) == "A spokesman"


def test_the_subject_of_a_reporting_verb(nlp):
    doc = nlp("The minister said the talks had ended.")
    assert subject(token_named(doc, "said")).text == "minister"


def test_the_subject_after_the_verb_and_through_a_relative_clause(nlp):
    doc = nlp("“The talks are over,” said Smith.")
    assert subject(token_named(doc, "said")).text == "Smith"
    doc = nlp("An official who said the talks were over left the room.")
    assert subject(token_named(doc, "said")).text == "official"


def test_reporting_verbs_are_read_from_the_shared_list(nlp):
    doc = nlp("The minister tweeted that the talks had ended.")
    assert is_reporting_verb(token_named(doc, "tweeted"))
    assert not is_reporting_verb(token_named(doc, "ended"))


def test_according_to_names_its_source(nlp):
    doc = nlp("According to Reuters, the talks were cancelled.")
    cue, source = according_to(doc)
    assert cue.text == "According" and source.text == "Reuters"
    assert according_to(doc, skip={cue.i}) is None
    assert according_object(token_named(doc, "talks")) is None


def test_reported_by_names_the_agent(nlp):
    doc = nlp("The talks were cancelled, as reported by Reuters.")
    assert reported_by(token_named(doc, "reported")).text == "Reuters"
    assert reported_by(token_named(doc, "cancelled")) is None


def test_name_range_is_the_proper_name_without_its_title(nlp):
    doc = nlp("Defense Secretary Pat Jones said the talks ended.")
    jones = token_named(doc, "Jones")
    start, end = name_range(jones)
    assert doc.text[start:end].endswith("Pat Jones")
