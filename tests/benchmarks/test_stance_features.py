"""The FNC-1 benchmark's stance features of a body of evidence claims towards one claim, on
small parsed examples."""

from __future__ import annotations

import pytest
from benchmarks.stance_features import FEATURE_NAMES, claim_cues, stance_features

from consilience.claims import SPANS_KEY, ClaimSpace, article_claims
from consilience.models import Article, Claim

HEADLINE = "Police arrested the mayor of Springfield on Tuesday"
AGREE = ("Police arrested the mayor of Springfield on Tuesday, officers said. The mayor was "
         "detained at his home in Springfield.")
DENY = ("Police denied reports that they had arrested the mayor of Springfield. The mayor of "
        "Springfield was not arrested on Tuesday. The story is a hoax.")
UNRELATED = ("The football club signed a new striker from Brazil for the coming season. Fans "
             "welcomed the move on social media.")


def read(nlp, article_id: str, text: str, whole: bool = False) -> list[Claim]:
    """Claims of a text; `whole` makes the whole text one claim (a headline)."""
    doc = nlp(text)
    if whole:
        doc.spans[SPANS_KEY] = [doc[:]]
    mentions = {article_id: [(ent.start_char, ent.end_char, ent.text.casefold())
                             for ent in doc.ents]}
    return article_claims(Article(id=article_id, source=article_id, text=text), doc, mentions, {})


def features(nlp, headline: str, body: str) -> dict[str, float]:
    claim = read(nlp, "h", headline, whole=True)
    evidence = read(nlp, "b", body)
    space = ClaimSpace([*claim, *evidence])
    return stance_features(space, 0, range(1, len(evidence) + 1))


@pytest.fixture(scope="module")
def by_body(nlp) -> dict[str, dict[str, float]]:
    return {name: features(nlp, HEADLINE, body)
            for name, body in (("agree", AGREE), ("deny", DENY), ("unrelated", UNRELATED))}


def test_every_feature_is_named_in_order(by_body) -> None:
    for values in by_body.values():
        assert tuple(values) == FEATURE_NAMES
        assert all(isinstance(value, float) for value in values.values())


def test_related_bodies_align_and_an_unrelated_one_does_not(by_body) -> None:
    agree, deny, unrelated = by_body["agree"], by_body["deny"], by_body["unrelated"]
    for related in (agree, deny):
        assert related["sim_max"] > 0.5
        assert related["term_share"] > 0.9
        assert related["entity_share"] == 1.0
    assert unrelated["sim_max"] < 0.1
    assert unrelated["term_share"] < 0.2
    assert unrelated["entity_share"] == 0.0
    assert unrelated["aligned_share"] == 0.0


def test_a_denial_scores_higher_on_refuting_and_negation_than_a_restatement(by_body) -> None:
    agree, deny = by_body["agree"], by_body["deny"]
    for name in ("top_refuting", "top_denial", "all_refuting", "refuting_count",
                 "top_negation_mismatch", "top_negated", "near_negated"):
        assert deny[name] > agree[name], name
    assert agree["top_negation_mismatch"] == 0.0
    assert agree["top_attributed"] > 0.0  # "..., officers said"


def test_claim_cues_read_hedges_reporting_and_questions(nlp) -> None:
    hedged = read(nlp, "h", "The singer has reportedly died, according to unconfirmed reports.",
                  whole=True)[0]
    cues = claim_cues(hedged)
    assert cues.hedged and cues.reporting >= 2 and cues.attributed
    assert not cues.question and cues.refuting == 0
    question = read(nlp, "h", "Did the singer die in Paris?", whole=True)[0]
    assert claim_cues(question).question
    refuting = read(nlp, "h", "The photo of the shark is fake, experts said.", whole=True)[0]
    assert claim_cues(refuting).refuting == 1 and claim_cues(refuting).denial


def test_incompatible_classes_and_status_conflicts(nlp) -> None:
    found = features(nlp, "Japan cancelled the summit with Korea",
                     "Japan postponed the summit with Korea until next month.")
    assert found["top_incompatible"] == 1.0
    assert found["status_conflicts"] >= 1.0
    same = features(nlp, "Japan cancelled the summit with Korea",
                    "Japan called off the summit with Korea on Friday.")
    assert same["top_incompatible"] == 0.0 and same["status_conflicts"] == 0.0
    assert same["top_same_class"] == 1.0


def test_number_conflicts_between_claim_and_evidence(nlp) -> None:
    differ = features(nlp, "The earthquake killed 45 people",
                      "The earthquake killed 12 people in the town, officials said.")
    assert differ["number_conflicts"] == 1.0
    assert differ["quantity_share"] == 0.0
    agree = features(nlp, "The earthquake killed 45 people",
                     "The earthquake killed 45 people in the town, officials said.")
    assert agree["number_conflicts"] == 0.0
    assert agree["quantity_share"] == 1.0


def test_no_evidence_gives_only_the_claims_own_cues(nlp) -> None:
    claim = read(nlp, "h", "The report that the bridge collapsed is false", whole=True)
    values = stance_features(ClaimSpace(claim), 0, [])
    assert values["claim_refuting"] >= 1.0
    assert values["sim_max"] == 0.0 and values["evidence_size"] == 0.0
