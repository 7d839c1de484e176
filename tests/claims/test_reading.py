"""Reading a claim's slots off the parse: attribution, predicate and class, negation,
modality, hedges and the content terms alignment compares."""

from __future__ import annotations

import pytest

from consilience.claims.clauses import SPANS_KEY, mark_claims
from consilience.claims.reading import Reading, read_claim


def read(nlp, text: str, which: int = 0) -> tuple[Reading, str]:
    doc = mark_claims(nlp(text))
    return read_claim(doc.spans[SPANS_KEY][which]), doc.text


def piece(text: str, chars: tuple[int, int] | None) -> str | None:
    return text[chars[0]:chars[1]] if chars is not None else None


def test_a_reporting_verb_credits_its_subject_and_is_not_content(nlp):
    reading, text = read(nlp, "Reuters reported that the ministry cancelled the tender.")
    assert piece(text, reading.attribution) == "Reuters"
    assert piece(text, reading.speaker) == "Reuters"
    assert reading.predicate.lemma_ == "cancel"
    assert reading.predicate_class == "cancel"
    assert "reuters" not in reading.terms and "report" not in reading.terms
    assert {"ministry", "cancel", "tender", "@cancel"} <= set(reading.terms)
    excluded_words = {token.lower_ for token in reading.predicate.doc
                      if token.i in reading.excluded}
    assert {"reuters", "reported"} <= excluded_words
    assert not excluded_words & {"ministry", "cancelled", "tender"}


def test_according_to_credits_its_object(nlp):
    reading, text = read(nlp, "According to the BBC, the strike was postponed.")
    assert piece(text, reading.speaker) == "the BBC"
    assert piece(text, reading.attribution) == "According to the BBC"
    assert piece(text, reading.speaker_head) == "BBC"
    assert reading.predicate_class == "postpone"
    assert "bbc" not in reading.terms and "accord" not in reading.terms


def test_a_trailing_reporting_clause_credits_its_subject(nlp):
    reading, text = read(nlp, "The minister will resign, officials said.")
    assert piece(text, reading.attribution) == "officials"
    assert reading.predicate_class == "resign"
    assert "official" not in reading.terms and "say" not in reading.terms


def test_a_reporting_verb_with_a_bare_clause_credits_its_subject(nlp):
    reading, text = read(nlp, "The government said the strike was called off.")
    assert piece(text, reading.attribution) == "The government"
    assert (reading.predicate.lemma_, reading.particle) == ("call", "off")
    assert reading.predicate_class == "cancel"
    assert "government" not in reading.terms


def test_an_unattributed_claim_has_no_attribution(nlp):
    reading, _ = read(nlp, "The council approved the budget on Monday.")
    assert reading.attribution is None and reading.speaker is None
    assert reading.excluded == frozenset()
    assert reading.modality == "asserted" and not reading.negated and reading.hedges == ()


def test_not_negates_the_claim(nlp):
    reading, _ = read(nlp, "The firm did not confirm the deal.")
    assert reading.negated
    assert reading.predicate_class == "confirm"


@pytest.mark.parametrize("text", [
    "No agreement was reached.",
    "The talks were not cancelled.",
    "The union refused to call off the strike.",
    "Officials declined to comment on the report.",
])
def test_negation_by_not_no_or_a_negating_verb(nlp, text):
    reading, _ = read(nlp, text)
    assert reading.negated


def test_an_affirmative_claim_is_not_negated(nlp):
    reading, _ = read(nlp, "The union decided to call off the strike.")
    assert not reading.negated


@pytest.mark.parametrize(("text", "modality"), [
    ("The minister may resign.", "possible"),
    ("The talks could collapse.", "possible"),
    ("The vote is scheduled to take place on Friday.", "planned"),
    ("The minister will resign, officials said.", "expected"),
    ("The talks are expected to resume.", "expected"),
    ("The company should pay the fine.", "demanded"),
    ("Officials reportedly seized the ship.", "hedged"),
    ("The council approved the budget.", "asserted"),
])
def test_modality(nlp, text, modality):
    reading, _ = read(nlp, text)
    assert reading.modality == modality


def test_hedge_words_are_listed(nlp):
    reading, _ = read(nlp, "Officials reportedly seized the ship.")
    assert reading.hedges == ("reportedly",)
    assert reading.predicate.lemma_ == "seize"


def test_light_verbs_give_way_to_the_verb_that_says_what_happens(nlp):
    reading, _ = read(nlp, "The union decided to call off the strike.")
    assert reading.predicate.lemma_ == "call" and reading.particle == "off"
    assert reading.predicate_class == "cancel"
    assert "@cancel" in reading.terms


def test_an_event_noun_gives_the_class_of_a_generic_verb(nlp):
    reading, _ = read(nlp, "The president announced his absence from the summit.")
    assert reading.predicate.lemma_ == "announce"
    assert reading.predicate_class == "absent"
    assert "@absent" in reading.terms and "summit" in reading.terms


def test_terms_are_content_lemmas_without_stop_words_or_punctuation(nlp):
    reading, _ = read(nlp, "The council approved the budget.")
    assert reading.terms == ("council", "approve", "budget", "@approve")


def test_proper_names_are_terms_in_their_written_form_casefolded(nlp):
    reading, _ = read(nlp, "Washington imposed tariffs on steel.")
    assert "washington" in reading.terms and "tariff" in reading.terms
    assert "@impose" in reading.terms


def test_the_reading_of_the_second_clause_is_its_own(nlp):
    reading, _ = read(nlp, "The council approved the budget and the mayor vetoed it.", 1)
    assert reading.predicate.lemma_ == "veto"
    assert "council" not in reading.terms and "mayor" in reading.terms


def test_as_reported_by_credits_the_agent(nlp):
    reading, text = read(nlp, "As reported by Reuters, the ministry cancelled the tender.")
    assert piece(text, reading.speaker) == "Reuters"
    assert piece(text, reading.attribution) == "As reported by Reuters"
    assert reading.predicate_class == "cancel"
    assert "reuters" not in reading.terms and "report" not in reading.terms


def test_a_report_by_an_outlet_is_credited_to_the_outlet(nlp):
    reading, text = read(nlp, "According to a report by the Financial Times, the bank cut "
                              "its rate.")
    assert piece(text, reading.speaker_head) == "Financial Times"
    assert reading.predicate_class == "decrease"


@pytest.mark.parametrize("text", [
    "A spokesman denied that the actor had quit the film.",
    "The ministry dismissed claims that the plant would close.",
    "Police said the report that the mayor was arrested is false.",
])
def test_what_a_speaker_denies_or_calls_false_is_negated(nlp, text):
    reading, _ = read(nlp, text)
    assert reading.negated


def test_what_a_speaker_confirms_is_not_negated(nlp):
    reading, _ = read(nlp, "A spokesman confirmed that the actor had quit the film.")
    assert not reading.negated
