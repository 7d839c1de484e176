"""Facts: aligned claims with their support, status, text and independent sources."""

from __future__ import annotations

import re

from consilience.claims import article_claims, build_facts
from consilience.claims.sentence_space import SentenceSpace
from consilience.models import Article, Claim
from consilience.provenance import with_independence


def story(nlp, *texts: str) -> tuple[list[Article], list[Claim]]:
    """Articles a0, a1, ... of the texts and their claims; organisations and places are
    entities named as written."""
    articles, claims = [], []
    for number, text in enumerate(texts):
        article = Article(id=f"a{number}", source=f"a{number}.txt", text=text)
        doc = nlp(text)
        entities = [entity for entity in doc.ents if entity.label_ in ("GPE", "ORG", "PERSON")]
        mentions = {article.id: [(entity.start_char, entity.end_char, f"e-{entity.text}")
                                 for entity in entities]}
        names = {f"e-{entity.text}": entity.text for entity in entities}
        articles.append(article)
        claims.extend(article_claims(article, doc, mentions, names))
    return articles, claims


SUMMIT = ("The government cancelled the summit with Tokyo.",
          "The government called off the Tokyo summit. Farmers harvested a record corn crop.",
          "The government scrapped the summit with Tokyo after the talks had failed.")


def test_support_and_status(nlp):
    articles, claims = story(nlp, *SUMMIT)
    facts = build_facts(articles, claims)
    summit = facts[0]
    assert summit.articles == ("a0", "a1", "a2")
    assert summit.status == "corroborated"
    # with every claim of its sentences ("after the talks had failed" included)
    assert all("summit" in claim.sentence.text for claim in summit.claims)
    assert any(claim.span.text.startswith("after") for claim in summit.claims)
    corn = next(fact for fact in facts if "corn" in fact.text)
    assert corn.articles == ("a1",) and corn.status == "single-source"
    assert corn.independent_sources is None  # read by the provenance stage
    assert all(fact.status in ("corroborated", "single-source") for fact in facts)


def test_every_claim_is_in_exactly_one_fact(nlp):
    articles, claims = story(nlp, *SUMMIT)
    facts = build_facts(articles, claims)
    placed = [claim.id for fact in facts for claim in fact.claims]
    assert sorted(placed) == sorted(claim.id for claim in claims)
    for fact in facts:
        assert fact.articles == tuple(dict.fromkeys(claim.span.article for claim in fact.claims))


def test_fact_text_is_a_whole_sentence_of_a_source(nlp):
    articles, claims = story(nlp, *SUMMIT)
    texts = {article.id: article.text for article in articles}
    facts = build_facts(articles, claims)
    for fact in facts:
        assert fact.span is not None
        assert texts[fact.span.article][fact.span.start:fact.span.end] == fact.span.text
        assert fact.text == fact.span.text
        assert fact.span in {claim.sentence for claim in fact.claims}
    # the clause "after the talks had failed" is a claim of its own; it stays in the fact of
    # its sentence, which reads a whole sentence
    failed = next(fact for fact in facts if any(claim.span.text.startswith("after")
                                                for claim in fact.claims))
    assert SUMMIT[2] in {claim.sentence.text for claim in failed.claims if claim.sentence}
    assert not failed.text.startswith("after")


def test_ids_are_f1_onwards_and_unique(nlp):
    articles, claims = story(nlp, *SUMMIT)
    facts = build_facts(articles, claims)
    assert [fact.id for fact in facts] == [f"f{number}" for number in range(1, len(facts) + 1)]
    assert all(re.fullmatch(r"f\d+", fact.id) for fact in facts)


def test_best_supported_first(nlp):
    articles, claims = story(nlp, "Farmers in Ohio harvested a record corn crop.",
                             "Police arrested two men in Boston. Ohio farmers harvested a "
                             "record crop of corn.",
                             "Two men were arrested by police in Boston. A record corn crop "
                             "was harvested by Ohio farmers.")
    facts = build_facts(articles, claims)
    support = [len(fact.articles) for fact in facts]
    assert support == sorted(support, reverse=True)
    assert "corn" in facts[0].text and facts[0].articles == ("a0", "a1", "a2")


def test_ties_keep_article_order(nlp):
    articles, claims = story(nlp, "Farmers in Ohio harvested a record corn crop.",
                             "Police arrested two men in Boston.")
    facts = build_facts(articles, claims)
    assert [fact.articles for fact in facts] == [("a0",), ("a1",)]


def test_two_articles_crediting_the_same_named_source_count_once(nlp):
    articles, claims = story(nlp,
                             "According to Reuters, the government cancelled the summit with "
                             "Tokyo.",
                             "The government called off the Tokyo summit, Reuters reported.",
                             "The government scrapped the summit with Tokyo.")
    assert [claim.attributed_to for claim in claims] == ["Reuters", "Reuters", None]
    facts = build_facts(articles, claims)
    assert facts[0].articles == ("a0", "a1", "a2")
    named, = with_independence(facts[:1], [], [], {"e-reuters": "Reuters"})
    assert named.independent_sources == 2
    assert named.origins == ("cited:e-reuters", "article:a2")
    unnamed, = with_independence(facts[:1], [], [])
    assert unnamed.independent_sources == 3


def test_a_given_space_gives_the_same_facts(nlp):
    articles, claims = story(nlp, *SUMMIT)
    assert build_facts(articles, claims, space=SentenceSpace(claims)) == build_facts(
        articles, claims)


def test_no_claims_no_facts():
    assert build_facts([], []) == []


def test_a_sentence_is_the_text_of_one_fact_with_all_its_claims(nlp):
    # the two clauses of the first sentence align with two other articles
    articles, claims = story(nlp,
                             "The government cancelled the summit with Tokyo after farmers "
                             "blocked the roads.",
                             "The government called off the Tokyo summit.",
                             "Farmers blocked the roads with tractors.")
    first = [claim for claim in claims if claim.span.article == "a0"]
    assert len(first) == 2
    facts = build_facts(articles, claims)
    texts = [fact.text for fact in facts]
    assert len(texts) == len(set(texts))
    holding = [fact for fact in facts if set(first) & set(fact.claims)]
    assert len(holding) == 1 and set(first) <= set(holding[0].claims)
    assert holding[0].text == articles[0].text
    placed = [claim.id for fact in facts for claim in fact.claims]
    assert sorted(placed) == sorted(claim.id for claim in claims)


def test_a_clause_fragment_is_never_the_text_of_a_fact(nlp):
    articles, claims = story(nlp, "“Will the plant close?” the union leader asked. Workers "
                                  "walked out on Monday.",
                             "Workers walked out of the plant on Monday.")
    facts = build_facts(articles, claims)
    assert "the union leader asked." not in [fact.text for fact in facts]
    asked = next(fact for fact in facts if "asked" in fact.text)
    assert asked.text == "“Will the plant close?” the union leader asked."
