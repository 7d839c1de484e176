"""Aligning claims of different articles: weighted similarity, blocking, grouping."""

from __future__ import annotations

import itertools
from dataclasses import replace

from consilience.claims import (
    AlignConfig,
    ClaimSpace,
    align_claims,
    article_claims,
    comparable_groups,
)
from consilience.claims.align import claim_features
from consilience.claims.sentence_space import SentenceSpace
from consilience.models import Article, Claim, Quantity, Span


def parsed(nlp, *texts: str) -> list[Claim]:
    """The claims of one article per text (ids a0, a1, ...), places as entities."""
    claims: list[Claim] = []
    for number, text in enumerate(texts):
        article = Article(id=f"a{number}", source=f"a{number}.txt", text=text)
        doc = nlp(text)
        mentions = {article.id: [(entity.start_char, entity.end_char,
                                  "e-" + entity.text.casefold().replace(" ", "-"))
                                 for entity in doc.ents if entity.label_ in ("GPE", "ORG")]}
        claims.extend(article_claims(article, doc, mentions, {}))
    return claims


def made(article: str, number: int, terms: tuple[str, ...] = (),
         entities: tuple[str, ...] = (), quantities: tuple[Quantity, ...] = (),
         dates: tuple[str, ...] = ()) -> Claim:
    text = " ".join(terms) or "claim"
    return Claim(span=Span(article, 0, len(text), text), id=f"{article}-c{number}",
                 terms=terms, entities=entities, quantities=quantities, dates=dates)


def ids(groups: list[list[Claim]]) -> list[list[str]]:
    return [[claim.id for claim in group] for group in groups]


def test_paraphrases_across_articles_align(nlp):
    claims = parsed(nlp, "The government cancelled the summit with Tokyo.",
                    "The government called off the Tokyo summit.")
    space = ClaimSpace(claims)
    assert space.similarity(0, 1) >= AlignConfig().threshold
    assert ids(align_claims(claims)) == [["a0-c1", "a1-c1"]]


def test_unrelated_claims_do_not_align(nlp):
    claims = parsed(nlp, "The government cancelled the summit with Tokyo.",
                    "Farmers in Ohio harvested a record corn crop.")
    assert ClaimSpace(claims).similarity(0, 1) == 0.0
    assert ids(align_claims(claims)) == [["a0-c1"], ["a1-c1"]]


def test_a_shared_entity_alone_does_not_make_claims_similar(nlp):
    claims = parsed(nlp, "The government cancelled the summit with Tokyo.",
                    "Tokyo hosted a film festival.")
    assert set(claims[0].entities) & set(claims[1].entities)
    assert ClaimSpace(claims).similarity(0, 1) == 0.0
    assert len(align_claims(claims)) == 2


def test_a_shared_entity_alone_by_hand():
    left = made("a", 1, ("harvest", "corn"), entities=("e1",))
    right = made("b", 1, ("festival", "film"), entities=("e1",))
    both = made("c", 1, ("harvest", "corn"), entities=("e1",))
    space = ClaimSpace([left, right, both])
    assert space.similarity(0, 1) == 0.0
    assert space.similarity(0, 2) == 1.0  # the same bag


def test_similarity_is_symmetric_and_bounded(nlp):
    claims = parsed(nlp, "The central bank raised its key rate to 3.5% on Tuesday.",
                    "The central bank lifted its key rate to 3.5%.",
                    "Officials met on Monday, but no agreement was reached.")
    space = ClaimSpace(claims)
    for left, right in itertools.permutations(range(len(claims)), 2):
        score = space.similarity(left, right)
        assert 0.0 <= score <= 1.0
        assert score == space.similarity(right, left)
    assert space.claim_similarity(claims[0], claims[1]) == space.similarity(0, 1)


def test_claim_features_name_their_kind():
    quantity = Quantity(Span("a", 0, 4, "3.5%"), 3.5, "%", "percent")
    claim = made("a", 1, ("rate", "3.5", "@increase"), entities=("e7",),
                 quantities=(quantity,), dates=("2025-06-10",))
    features = claim_features(claim)
    assert set(features) == {"rate", "@increase", "#e7", "=percent:%:3.5", "^2025-06-10"}
    assert "3.5" not in features  # a number counts as a quantity, not as a word
    assert features["=percent:%:3.5"] > features["#e7"]


def test_a_rare_word_weighs_more_than_a_common_one():
    features = claim_features(made("a", 1, ("say", "tsunami")))
    assert features["tsunami"] > features["say"]


def test_claims_of_one_article_are_never_candidates_nor_grouped():
    first = made("a", 1, ("ministry", "cancel", "tender"))
    second = made("a", 2, ("ministry", "cancel", "tender"))
    space = ClaimSpace([first, second])
    assert space.similarity(0, 1) == 1.0
    assert SentenceSpace([first, second], AlignConfig(all_pairs=0)).candidate_pairs() == set()
    assert SentenceSpace([first, second]).scored_pairs(0.0) == []
    assert ids(align_claims([first, second])) == [["a-c1"], ["a-c2"]]


def test_candidate_pairs_are_pairs_of_different_articles(nlp):
    claims = parsed(nlp,
                    "The government cancelled the summit with Tokyo. The summit was in May.",
                    "The government called off the Tokyo summit. The summit was scrapped.")
    space = SentenceSpace(claims, AlignConfig(all_pairs=0, neighbours=2))
    for left, right in space.candidate_pairs():
        assert left < right
        assert space.articles[left] != space.articles[right]


def invented(number: int, stem: str) -> str:
    """A word no dictionary has, without digits (a word with digits is a number)."""
    return stem + "".join("bcdfghjklm"[int(digit)] for digit in str(number))


def test_blocking_compares_far_fewer_pairs_than_all():
    # three articles of forty distinct claims each; claim n of every article tells the same
    articles, per_article = ("a", "b", "c"), 40
    common = ("government", "said", "official")
    claims = [made(article, number, (*common, *(invented(number, stem) for stem in
                                                ("zqo", "vky", "wpu", "jbe", "hxa", "qyi"))))
              for article in articles for number in range(per_article)]
    space = SentenceSpace(claims, AlignConfig(all_pairs=0, neighbours=1))
    pairs = space.candidate_pairs()
    all_pairs = sum(1 for left, right in itertools.combinations(claims, 2)
                    if left.span.article != right.span.article)
    assert all_pairs == 3 * per_article * per_article
    assert len(pairs) <= 3 * per_article + len(claims)  # the rare features, one neighbour each
    by_id = {claim.id: position for position, claim in enumerate(claims)}
    for number in range(per_article):
        for first, second in (("a", "b"), ("a", "c"), ("b", "c")):
            assert (by_id[f"{first}-c{number}"], by_id[f"{second}-c{number}"]) in pairs


def test_a_feature_shared_by_too_many_sentences_is_not_blocked_on():
    claims = [made(f"a{number}", 1, ("ministry",)) for number in range(5)]
    blocked = dict(all_pairs=0, neighbours=1)
    shared = SentenceSpace(claims, AlignConfig(max_postings=10, **blocked)).candidate_pairs()
    assert len(shared) == 10
    alone = SentenceSpace(claims, AlignConfig(max_postings=4, **blocked)).candidate_pairs()
    assert len(alone) <= 5  # each sentence's one nearest neighbour only


def test_groups_are_largest_first_and_singletons_kept(nlp):
    claims = parsed(nlp,
                    "Farmers in Ohio harvested a record corn crop. "
                    "The government cancelled the summit with Tokyo.",
                    "The government called off the Tokyo summit.",
                    "The government scrapped the summit with Tokyo.")
    groups = align_claims(claims)
    assert len({claim.span.article for claim in groups[0]}) == 3
    assert "summit" in groups[0][0].span.text
    assert sorted(claim.id for group in groups for claim in group) == sorted(
        claim.id for claim in claims)
    assert ["a0-c1"] in ids(groups)


def test_threshold_governs_merging(nlp):
    claims = parsed(nlp, "The government cancelled the summit with Tokyo.",
                    "The government called off the Tokyo summit.")
    assert len(align_claims(claims, AlignConfig(threshold=1.01))) == 2
    assert len(align_claims(claims, AlignConfig(threshold=0.0))) == 1


def test_alignment_is_deterministic(nlp):
    texts = ("The government cancelled the summit with Tokyo. Police arrested two men.",
             "The government called off the Tokyo summit. Two men were arrested by police.",
             "Tokyo hosted a film festival. The summit with Tokyo was scrapped.")
    first = ids(align_claims(parsed(nlp, *texts)))
    assert first == ids(align_claims(parsed(nlp, *texts)))
    claims = parsed(nlp, *texts)
    assert ids(align_claims(claims, space=SentenceSpace(claims))) == first


def in_sentence(claim: Claim, sentence: str) -> Claim:
    """The claim, read off a sentence of its article."""
    return replace(claim, sentence=Span(claim.span.article, 0, len(sentence), sentence))


def test_aligned_groups_never_share_a_sentence(nlp):
    claims = parsed(nlp, "The government cancelled the summit with Tokyo after farmers "
                         "blocked the roads.",
                    "The government called off the Tokyo summit.",
                    "Farmers blocked the roads with tractors.")
    sentences = [{claim.sentence for claim in group} for group in align_claims(claims)]
    assert all(not left & right for number, left in enumerate(sentences)
               for right in sentences[number + 1:])


def test_no_claims_no_groups():
    assert align_claims([]) == []


SUMMIT = ("The government cancelled the summit with Tokyo. Police arrested two men in Osaka.",
          "The government called off the Tokyo summit. Two men were arrested by police.",
          "Tokyo hosted a film festival. The summit with Tokyo was scrapped.")


def test_the_claims_of_one_sentence_are_one_unit_and_go_together(nlp):
    claims = parsed(nlp, "The government cancelled the summit with Tokyo after farmers "
                         "blocked the roads.", "The government called off the Tokyo summit.")
    space = SentenceSpace(claims)
    assert len(space) == 2
    assert len(space.claims[0]) >= 2  # two clauses, one sentence
    (group,) = align_claims(claims)
    assert {claim.id for claim in group} == {claim.id for claim in claims}


def test_claims_without_a_sentence_are_units_of_their_own():
    space = SentenceSpace([made("a0", 1, ("cancel",)), made("a0", 2, ("summit",))])
    assert len(space) == 2


def test_different_words_for_one_thing_align_by_meaning(nlp):
    # fired / dismissed, chief executive / CEO, company / firm: few shared words, one meaning
    claims = parsed(nlp, "The company fired its chief executive on Monday.",
                    "On Monday the firm dismissed its CEO.",
                    "The company opened a new factory on Monday.")
    space = SentenceSpace(claims)
    assert space.overlap(0, 1)[0] < 0.2  # the words alone would not align them
    assert float(space.vectors[0] @ space.vectors[1]) > 0.7
    assert space.similarity(0, 1) >= AlignConfig().threshold > space.similarity(1, 2)
    assert ids(align_claims(claims))[0] == ["a0-c1", "a1-c1"]


def test_a_shared_name_and_a_loose_likeness_do_not_align(nlp):
    claims = parsed(nlp, "Tokyo cancelled the summit.", "Tokyo hosted a film festival.")
    space = SentenceSpace(claims)
    assert not space.overlap(0, 1)[1]  # nothing telling shared, only the name
    assert float(space.vectors[0] @ space.vectors[1]) < AlignConfig().paraphrase
    assert space.similarity(0, 1) == 0.0


def test_a_fact_holds_at_most_per_article_sentences_of_one_article(nlp):
    claims = parsed(nlp, "The government cancelled the summit with Tokyo. The government "
                         "cancelled the Tokyo summit. The summit with Tokyo was cancelled.",
                    "The government cancelled the summit with Tokyo.")
    for limit in (1, 2):
        groups = align_claims(claims, AlignConfig(per_article=limit))
        for group in groups:
            sentences = {claim.sentence for claim in group if claim.span.article == "a0"}
            assert len(sentences) <= limit
        assert any(len({claim.sentence for claim in group}) == limit + 1 for group in groups)


def test_a_large_story_compares_neighbours_and_finds_the_same_facts(nlp):
    claims = parsed(nlp, *SUMMIT)
    everything = SentenceSpace(claims)
    blocked = SentenceSpace(claims, AlignConfig(all_pairs=0, neighbours=2))
    assert len(blocked.candidate_pairs()) < len(everything.candidate_pairs())
    assert blocked.candidate_pairs() <= everything.candidate_pairs()
    assert ids(align_claims(claims, space=blocked)) == ids(align_claims(claims))


OATH = ("Wearing a dark suit, the new president took the 35-word oath of office before a vast "
        "crowd.",
        "The chief justice administered the 38-word oath at noon, capping a long journey.")


def test_sentences_too_unlike_for_one_fact_are_still_compared_for_their_values(nlp):
    claims = parsed(nlp, *OATH)
    space = SentenceSpace(claims)
    config = AlignConfig()
    assert config.compare_threshold <= space.similarity(0, 1) < config.threshold
    assert len(align_claims(claims)) == 2  # two facts
    (group,) = comparable_groups(space)  # one group to compare
    assert {claim.span.article for claim in group} == {"a0", "a1"}


def test_comparable_groups_hold_two_or_more_articles(nlp):
    claims = parsed(nlp, *OATH, "Farmers in Ohio harvested a record corn crop.")
    groups = comparable_groups(SentenceSpace(claims))
    assert all(len({claim.span.article for claim in group}) >= 2 for group in groups)
    assert "a2" not in {claim.span.article for group in groups for claim in group}


def test_pairs_scored_at_once_equal_pairs_scored_one_by_one(nlp):
    claims = parsed(nlp, *SUMMIT, *OATH)
    dense = SentenceSpace(claims)
    one_by_one = SentenceSpace(claims, AlignConfig(all_pairs=0, neighbours=len(claims)))
    pairs = sorted(one_by_one.candidate_pairs())
    assert pairs
    for (left, right), score in one_by_one.scored_pairs(0.0):
        assert abs(score - one_by_one.similarity(left, right)) < 1e-6
        assert abs(score - dense.similarity(left, right)) < 1e-6
    assert dense.similarity(0, 1) == 0.0  # two sentences of one article
