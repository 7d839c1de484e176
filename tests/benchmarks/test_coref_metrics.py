"""Coreference metrics on cases computed by hand (benchmarks/coref_metrics.py)."""

from __future__ import annotations

import itertools
import random

import pytest
from benchmarks.coref_metrics import b_cubed, ceaf_e, hungarian_max, muc, score

approx = pytest.approx

# Pradhan et al. 2014, "Scoring Coreference Partitions of Predicted Mentions: A Reference
# Implementation", the running example (section 3): response mentions h and i are not in the
# key and e is missing from the response.
PRADHAN_KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
PRADHAN_RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]

# A small key for the degenerate responses below: {a,b,c} and {d,e}, five mentions.
KEY = [{"a", "b", "c"}, {"d", "e"}]


def test_pradhan_example_muc() -> None:
    # Recall: {a,b,c} falls into {a,b},{c}: 3-2 = 1; {d,e,f,g} into {d},{e},{f,g}: 4-3 = 1;
    # 2 / ((3-1) + (4-1)) = 2/5. Precision: {a,b}: 1, {c,d}: 0, {f,g,h,i} -> {f,g},{h},{i}: 1;
    # 2 / (1 + 1 + 3) = 2/5.
    result = muc(PRADHAN_KEY, PRADHAN_RESPONSE)
    assert result.recall == approx(0.4)
    assert result.precision == approx(0.4)
    assert result.f1 == approx(0.4)


def test_pradhan_example_b_cubed() -> None:
    # Recall (1/7)(2²/3 + 1²/3 + 1²/4 + 2²/4) = 35/84; precision (1/8)(2²/2 + 1/2 + 1/2 + 2²/4)
    # = 4/8; the paper's F1 is 45.45%.
    result = b_cubed(PRADHAN_KEY, PRADHAN_RESPONSE)
    assert result.recall == approx(35 / 84)
    assert result.precision == approx(0.5)
    assert result.f1 == approx(0.4545, abs=1e-4)


def test_pradhan_example_ceaf_e() -> None:
    # phi4: K1-R1 = 2·2/(3+2) = 0.8, K1-R2 = 0.4, K2-R2 = 2/6, K2-R3 = 2·2/(4+4) = 0.5.
    # Best alignment K1-R1 + K2-R3 = 1.3: recall 1.3/2 = 65%, precision 1.3/3 = 43.33%, F1 52%.
    result = ceaf_e(PRADHAN_KEY, PRADHAN_RESPONSE)
    assert result.recall == approx(0.65)
    assert result.precision == approx(1.3 / 3)
    assert result.f1 == approx(0.52)


def test_pradhan_example_conll() -> None:
    scores = score(PRADHAN_KEY, PRADHAN_RESPONSE)
    expected = (0.4 + 2 * (35 / 84) * 0.5 / (35 / 84 + 0.5) + 0.52) / 3
    assert scores.conll == approx(expected)


def test_perfect_response_scores_one() -> None:
    key = [{1, 2, 3}, {4, 5}, {6}, {7, 8, 9, 10}]
    scores = score(key, [set(cluster) for cluster in reversed(key)])
    for metric in (scores.muc, scores.b3, scores.ceafe):
        assert metric.recall == approx(1.0)
        assert metric.precision == approx(1.0)
    assert scores.conll == approx(1.0)


def test_all_singletons_response() -> None:
    scores = score(KEY, [{mention} for mention in "abcde"])
    # MUC: no link in the response, so recall 0 and precision 0/0 = 0.
    assert (scores.muc.recall, scores.muc.precision, scores.muc.f1) == (0.0, 0.0, 0.0)
    # B3: recall (3·1/3 + 2·1/2)/5 = 2/5, precision 1.
    assert scores.b3.recall == approx(0.4)
    assert scores.b3.precision == approx(1.0)
    # CEAF-e: each key entity takes one singleton: 2/(3+1) + 2/(2+1) = 7/6;
    # recall 7/12, precision 7/30, F1 1/3.
    assert scores.ceafe.recall == approx(7 / 12)
    assert scores.ceafe.precision == approx(7 / 30)
    assert scores.ceafe.f1 == approx(1 / 3)
    assert scores.conll == approx((0 + 2 * 0.4 / 1.4 + 1 / 3) / 3)


def test_one_cluster_response() -> None:
    scores = score(KEY, [set("abcde")])
    # MUC: recall (2 + 1)/3 = 1; precision (5 - 2)/(5 - 1) = 3/4; F1 6/7.
    assert scores.muc.recall == approx(1.0)
    assert scores.muc.precision == approx(0.75)
    assert scores.muc.f1 == approx(6 / 7)
    # B3: recall 1; precision (3²/5 + 2²/5)/5 = 13/25.
    assert scores.b3.recall == approx(1.0)
    assert scores.b3.precision == approx(13 / 25)
    # CEAF-e: the one response entity goes to {a,b,c}: 2·3/(3+5) = 3/4;
    # recall 3/8, precision 3/4, F1 1/2.
    assert scores.ceafe.recall == approx(3 / 8)
    assert scores.ceafe.precision == approx(0.75)
    assert scores.ceafe.f1 == approx(0.5)


def test_singleton_key_gives_zero_muc_recall() -> None:
    # No links to find: the reference scorer reports 0, not 1 (0/0).
    result = muc([{1}, {2}], [{1}, {2}])
    assert (result.recall, result.precision) == (0.0, 0.0)
    assert b_cubed([{1}, {2}], [{1}, {2}]).f1 == approx(1.0)
    assert ceaf_e([{1}, {2}], [{1}, {2}]).f1 == approx(1.0)


def test_empty_clusters_and_empty_partitions() -> None:
    assert score([set(), {1, 2}], [{1, 2}, set()]).conll == approx(1.0)
    empty = score([], [])
    assert empty.conll == 0.0


def test_ceaf_e_needs_the_optimal_not_the_greedy_alignment() -> None:
    # phi4: K1-R1 = 2·2/(3+3) = 2/3, K1-R2 = 2·1/(3+1) = 1/2, K2-R1 = 2·1/(1+3) = 1/2,
    # K2-R2 = 0. Greedy takes the largest, K1-R1, and leaves K2-R2: 2/3 in all; the optimum is
    # K1-R2 + K2-R1 = 1, so recall = precision = 1/2 (greedy would give 1/3).
    key = [{"a", "b", "c"}, {"x"}]
    response = [{"a", "b", "x"}, {"c"}]
    result = ceaf_e(key, response)
    assert result.recall == approx(0.5)
    assert result.precision == approx(0.5)


def test_hungarian_matches_brute_force() -> None:
    generator = random.Random(7)
    for rows, cols in [(1, 1), (2, 3), (3, 2), (3, 3), (4, 5), (5, 4), (5, 5), (6, 6)]:
        for _ in range(20):
            matrix = [[generator.choice([0.0, 0.0, generator.random()]) for _ in range(cols)]
                      for _ in range(rows)]
            total, pairs = hungarian_max(matrix)
            if rows <= cols:
                best = max(sum(matrix[i][j] for i, j in enumerate(perm))
                           for perm in itertools.permutations(range(cols), rows))
            else:
                best = max(sum(matrix[i][j] for j, i in enumerate(perm))
                           for perm in itertools.permutations(range(rows), cols))
            assert total == approx(best)
            assert len(pairs) == min(rows, cols)
            assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
            assert total == approx(sum(matrix[i][j] for i, j in pairs))


def test_mentions_only_in_the_response_lower_precision() -> None:
    # A response entity {a,b,z} with z unknown to the key: B3 precision (2²/3)/3 = 4/9.
    result = b_cubed([{"a", "b"}], [{"a", "b", "z"}])
    assert result.recall == approx(1.0)
    assert result.precision == approx(4 / 9)
