"""The FNC-1 harness: the CSV reader, body splits, the official scorer and the classifier."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from benchmarks.fnc_data import (
    LABELS,
    Pair,
    f1_scores,
    limit_bodies,
    load_split,
    max_score,
    relative_score,
    score_submission,
    split_by_body,
)

from benchmarks import fnc

FNC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "fnc-1"

BODIES = 'Body ID,articleBody\n0,"First body, with a comma.\n\nAnd a ""quoted"" word."\n5,Second\n'
STANCES = ("Headline,Body ID,Stance\nA headline,0,agree\n\"Another, headline\",5,unrelated\n"
           "A third,0,discuss\n")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    (tmp_path / "train_bodies.csv").write_text(BODIES, encoding="utf-8")
    (tmp_path / "train_stances.csv").write_text(STANCES, encoding="utf-8")
    return tmp_path


def test_load_split_reads_quoted_multiline_bodies(tiny: Path) -> None:
    split = load_split(tiny, "train")
    assert split.bodies[0] == 'First body, with a comma.\n\nAnd a "quoted" word.'
    assert split.bodies[5] == "Second"
    assert split.pairs == [Pair("A headline", 0, "agree"), Pair("Another, headline", 5,
                                                                 "unrelated"),
                           Pair("A third", 0, "discuss")]


def test_load_split_rejects_unknown_stances_and_bodies(tiny: Path) -> None:
    (tiny / "train_stances.csv").write_text("Headline,Body ID,Stance\nA,0,support\n",
                                            encoding="utf-8")
    with pytest.raises(ValueError, match="unknown stance"):
        load_split(tiny, "train")
    (tiny / "train_stances.csv").write_text("Headline,Body ID,Stance\nA,9,agree\n",
                                            encoding="utf-8")
    with pytest.raises(ValueError, match="body 9"):
        load_split(tiny, "train")


def test_official_scorer_weights() -> None:
    gold = ["agree", "unrelated", "discuss", "disagree", "unrelated", "agree"]
    predicted = ["agree", "unrelated", "agree", "unrelated", "discuss", "agree"]
    # exact related 1.0, exact unrelated 0.25, related-but-wrong-stance 0.25, related called
    # unrelated 0, unrelated called related 0, exact related 1.0
    score, matrix = score_submission(gold, predicted)
    assert score == pytest.approx(2.5)
    assert max_score(gold) == pytest.approx(4.5)
    assert relative_score(gold, predicted) == pytest.approx(100 * 2.5 / 4.5)
    assert relative_score(gold, gold) == pytest.approx(100.0)
    assert matrix[LABELS.index("agree")][LABELS.index("agree")] == 2
    assert matrix[LABELS.index("discuss")][LABELS.index("agree")] == 1
    assert matrix[LABELS.index("disagree")][LABELS.index("unrelated")] == 1
    assert sum(map(sum, matrix)) == len(gold)


def test_f1_scores_from_the_matrix() -> None:
    _, matrix = score_submission(["agree", "agree", "discuss", "unrelated"],
                                 ["agree", "discuss", "discuss", "unrelated"])
    scores = f1_scores(matrix)
    assert scores["agree"] == pytest.approx(2 / 3)  # tp 1, gold 2, predicted 1
    assert scores["discuss"] == pytest.approx(2 / 3)  # tp 1, gold 1, predicted 2
    assert scores["unrelated"] == pytest.approx(1.0)
    assert scores["disagree"] == 0.0
    assert scores["macro"] == pytest.approx((2 / 3 + 2 / 3 + 1.0) / 4)


def test_split_by_body_never_shares_a_body() -> None:
    pairs = [Pair(f"h{index}", index % 10, "agree") for index in range(100)]
    fit, held = split_by_body(pairs, 0.2, seed=3)
    assert sorted(fit + held) == list(range(100))
    assert not {pairs[index].body for index in fit} & {pairs[index].body for index in held}
    assert len({pairs[index].body for index in held}) == 2


def test_limit_bodies_keeps_their_pairs(tiny: Path) -> None:
    split = limit_bodies(load_split(tiny, "train"), 1, seed=0)
    assert len(split.bodies) == 1
    assert all(pair.body in split.bodies for pair in split.pairs) and split.pairs


def test_tfidf_threshold_and_two_stage_classifier() -> None:
    gold = ["unrelated"] * 40 + ["discuss"] * 20 + ["agree"] * 20 + ["disagree"] * 20
    cosines = np.array([0.01 * (index % 5) for index in range(40)] + [0.3] * 60)
    threshold = fnc.tune_threshold(cosines, gold)
    assert 0.04 < threshold <= 0.3
    rng = np.random.default_rng(0)
    stance_column = {"unrelated": 0.0, "discuss": 1.0, "agree": 2.0, "disagree": 3.0}
    features = np.column_stack([cosines, [stance_column[label] for label in gold],
                                rng.random(len(gold))])
    model = fnc.TwoStage(max_leaf_nodes=7).fit(features, gold)
    assert model.predict(features) == gold


@pytest.mark.corpus
def test_fnc_counts_match_the_source_notes() -> None:
    if not (FNC / "train_stances.csv").is_file():
        pytest.skip("../shared/data/fnc-1 is not present")
    train = load_split(FNC, "train")
    test = load_split(FNC, "test")
    assert (len(train.bodies), len(train.pairs)) == (1683, 49972)
    assert (len(test.bodies), len(test.pairs)) == (904, 25413)
    assert Counter(pair.stance for pair in train.pairs) == {
        "unrelated": 36545, "discuss": 8909, "agree": 3678, "disagree": 840}
    assert Counter(pair.stance for pair in test.pairs) == {
        "unrelated": 18349, "discuss": 4464, "agree": 1903, "disagree": 697}
    gold = [pair.stance for pair in test.pairs]
    assert max_score(gold) == pytest.approx(18349 * 0.25 + 7064)


def test_headline_is_one_claim_and_shares_entity_ids(nlp) -> None:
    headline = "Christian Bale passes on Steve Jobs role, actor reportedly felt he wasn't right"
    claim = fnc.headline_claim(headline, nlp(headline), entities=True)
    assert claim.span.text == headline
    assert claim.hedges == ("reportedly",)
    body = "Christian Bale has pulled out of the Steve Jobs film, Variety reported."
    claims = fnc.body_claims(body, nlp(body), entities=True)
    assert claims and set(claim.entities) & {entity for item in claims
                                             for entity in item.entities}
    plain = fnc.headline_claim(headline, nlp(headline))
    assert not plain.entities and {"bale", "steve", "jobs"} <= set(plain.terms)
