"""What a claim says became of a thing: (state, thing) read off real parses."""

from __future__ import annotations

import pytest

from consilience.claims.clauses import SPANS_KEY, mark_claims
from consilience.claims.reading import read_claim
from consilience.claims.statuses import STATE_CLASSES, read_statuses, statuses_of
from consilience.models import Span


def statuses(nlp, text: str) -> list[tuple[str, str, str]]:
    """(state, thing, words) of every status of every claim of `text`."""
    doc = mark_claims(nlp(text))
    found = []
    for claim in doc.spans[SPANS_KEY]:
        reading = read_claim(claim)
        for state, thing, start, end in read_statuses(claim, reading.excluded):
            found.append((state, thing, doc.text[start:end]))
    return found


def pairs(nlp, text: str) -> list[tuple[str, str]]:
    return [(state, thing) for state, thing, _ in statuses(nlp, text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The summit was postponed.", ("postpone", "summit", "postponed")),
    ("Tariffs imposed on steel hurt exporters.", ("impose", "tariff", "imposed")),
    ("Washington imposed tariffs on steel.", ("impose", "tariff", "imposed")),
    ("These tariffs are on hold.", ("on-hold", "tariff", "on hold")),
    ("The president announced his absence from the summit.", ("absent", "summit", "absence")),
    ("The president skipped the summit in Tokyo.", ("absent", "summit", "skipped")),
    ("The postponed talks will resume next week.", ("postpone", "talk", "postponed")),
    ("The ministry denied the report.", ("deny", "report", "denied")),
])
def test_one_status_with_its_thing_and_words(nlp, text, expected):
    assert statuses(nlp, text) == [expected]


def test_a_phrasal_verb_takes_its_particle_into_the_span(nlp):
    assert statuses(nlp, "Seoul called off the talks.") == [("cancel", "talk", "called off")]


def test_a_particle_parsed_as_a_preposition_still_gives_the_status(nlp):
    assert pairs(nlp, "Tokyo pulled out of the talks.") == [("cancel", "talk")]


@pytest.mark.parametrize("text", [
    "The ministry did not postpone the summit.",
    "The talks were not cancelled.",
    "The ministry did not agree to postpone the summit.",
])
def test_a_negated_verb_gives_no_status(nlp, text):
    assert statuses(nlp, text) == []


def test_a_verb_negated_by_refuse_gives_no_status(nlp):
    assert statuses(nlp, "The union refused to call off the strike.") == []


def test_a_day_is_not_the_thing_of_a_status(nlp):
    assert pairs(nlp, "The ministers met on Monday.") == [("meet", "")]


def test_the_reporting_verb_of_an_attribution_is_no_status(nlp):
    # "confirmed" is the attribution here; what it reports is the status
    assert pairs(nlp, "The ministry confirmed that the summit was cancelled.") == [
        ("cancel", "summit")]


def test_excluded_tokens_are_skipped(nlp):
    doc = mark_claims(nlp("The summit was postponed."))
    claim = doc.spans[SPANS_KEY][0]
    verb = next(token for token in claim if token.lower_ == "postponed")
    assert read_statuses(claim, ()) != []
    assert read_statuses(claim, [verb.i]) == []


def test_a_claim_with_no_event_has_no_status(nlp):
    assert statuses(nlp, "The council approved the budget on Monday.") == []


def test_every_state_is_a_state_class(nlp):
    text = ("Seoul called off the talks. The summit was postponed. These tariffs are on hold. "
            "The president announced his absence from the summit.")
    found = statuses(nlp, text)
    assert len(found) == 4
    assert all(state in STATE_CLASSES for state, _, _ in found)


def test_statuses_of_makes_records_with_the_spans_it_is_given(nlp):
    text = "Officials said the summit was postponed."
    doc = mark_claims(nlp(text))
    claim = doc.spans[SPANS_KEY][0]
    made = statuses_of(claim, read_claim(claim).excluded,
                       lambda start, end: Span("a1", start, end, text[start:end]))
    assert len(made) == 1
    status = made[0]
    assert (status.state, status.thing) == ("postpone", "summit")
    assert status.span.article == "a1"
    assert text[status.span.start:status.span.end] == status.span.text == "postponed"


@pytest.mark.parametrize("text", [
    "Officials denied reports that the meeting was cancelled.",
    "The ministry dismissed claims that the summit had been postponed.",
])
def test_a_denied_status_is_not_stated(nlp, text):
    assert [state for state, _ in pairs(nlp, text) if state in ("cancel", "postpone")] == []
