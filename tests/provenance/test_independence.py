"""Independent sources of a fact: shared cited origins and copies count once."""

from __future__ import annotations

import re

import pytest

from consilience.models import Article, Citation, Claim, Copy, Fact, Span
from consilience.provenance import find_citations, find_quotes, with_independence


def span(article: str, text: str, words: str) -> Span:
    start = text.index(words)
    return Span(article, start, start + len(words), words)


def claim(article: str, text: str, sentence: str, attributed_to: str | None = None,
          number: int = 1) -> Claim:
    """A claim whose span is its whole sentence, `sentence` as it stands in `text`."""
    where = span(article, text, sentence)
    return Claim(span=where, sentence=where, id=f"{article}-c{number}",
                 attributed_to=attributed_to)


def cite(article: str, text: str, words: str, source: str, entity: str | None = None,
         kind: str = "according-to") -> Citation:
    return Citation(article=article, source=source, kind=kind, span=span(article, text, words),
                    entity=entity)


def fact(*claims: Claim) -> Fact:
    articles = tuple(dict.fromkeys(item.span.article for item in claims))
    return Fact(id="f1", text=claims[0].span.text, status="corroborated", articles=articles,
                claims=claims)


def independence(facts, citations=(), copies=(), names=None) -> Fact:
    result, = with_independence(facts, citations, copies, names)
    return result


A = "According to Reuters, the plant will close in May. Workers were told on Monday."
B = "The plant will close in May, according to Reuters. The union was angry."
C = "The plant will close in May, the company said. Shares fell."
D = "The company will shut the plant in May. Staff learned of it on Monday."


def test_two_articles_citing_the_same_outlet_count_once():
    facts = [fact(claim("a", A, "According to Reuters, the plant will close in May."),
                  claim("b", B, "The plant will close in May, according to Reuters."))]
    citations = [cite("a", A, "Reuters", "Reuters", "e-reuters"),
                 cite("b", B, "Reuters", "Reuters", "e-reuters")]
    result = independence(facts, citations)
    assert result.independent_sources == 1
    assert result.origins == ("cited:e-reuters",)


def test_the_same_outlet_without_an_entity_is_matched_by_name():
    facts = [fact(claim("a", A, "According to Reuters, the plant will close in May."),
                  claim("b", B, "The plant will close in May, according to Reuters."))]
    citations = [cite("a", A, "Reuters", "Reuters"), cite("b", B, "Reuters", "REUTERS")]
    assert independence(facts, citations).independent_sources == 1


def test_articles_citing_different_outlets_count_separately():
    text_b = B.replace("Reuters", "Kyodo")
    facts = [fact(claim("a", A, "According to Reuters, the plant will close in May."),
                  claim("b", text_b, "The plant will close in May, according to Kyodo."))]
    citations = [cite("a", A, "Reuters", "Reuters", "e-reuters"),
                 cite("b", text_b, "Kyodo", "Kyodo", "e-kyodo")]
    result = independence(facts, citations)
    assert result.independent_sources == 2
    assert set(result.origins) == {"cited:e-reuters", "cited:e-kyodo"}


def test_articles_with_no_citations_count_separately():
    facts = [fact(claim("c", C, "The plant will close in May, the company said."),
                  claim("d", D, "The company will shut the plant in May."))]
    result = independence(facts)
    assert result.independent_sources == 2
    assert result.origins == ("article:c", "article:d")


def test_a_citation_outside_the_claims_sentence_does_not_count():
    text = "Reuters reported the strike on Monday. The plant will close in May."
    facts = [fact(claim("a", A, "According to Reuters, the plant will close in May."),
                  claim("e", text, "The plant will close in May."))]
    citations = [cite("a", A, "Reuters", "Reuters", "e-reuters"),
                 cite("e", text, "Reuters", "Reuters", "e-reuters", kind="reported")]
    assert independence(facts, citations).independent_sources == 2


def test_a_source_entity_cited_in_any_way_is_an_origin():
    facts = [fact(claim("a", A, "According to Reuters, the plant will close in May."),
                  claim("b", B, "The plant will close in May, according to Reuters."))]
    citations = [cite("a", A, "Reuters", "Reuters", "e-reuters", kind="other"),
                 cite("b", B, "Reuters", "Reuters", "e-reuters", kind="other"),
                 Citation("b", "Reuters", "other", None, "e-reuters")]
    # "Reuters said" (kind other) names the same origin as "according to Reuters"
    assert independence(facts, citations).independent_sources == 1


def test_a_named_source_the_claim_is_attributed_to_is_its_origin():
    facts = [fact(claim("c", C, "The plant will close in May, the company said.",
                        attributed_to="Acme Corp"),
                  claim("d", D, "The company will shut the plant in May.",
                        attributed_to="Acme Corp"))]
    assert independence(facts, names={"e-acme": "Acme Corp"}).independent_sources == 1
    assert independence(facts).independent_sources == 2  # not a story entity: no origin


@pytest.mark.parametrize(("overlap", "expected"), [(0.9, 1), (0.5, 1), (0.49, 2)])
def test_an_article_copying_another_counts_with_its_original(overlap, expected):
    facts = [fact(claim("c", C, "The plant will close in May, the company said."),
                  claim("d", D, "The company will shut the plant in May."))]
    result = independence(facts, copies=[Copy("d", "c", overlap)])
    assert result.independent_sources == expected
    if expected == 1:
        assert result.origins == ("article:c",)


def test_a_copy_of_an_article_citing_an_outlet_counts_once():
    copied = "According to Reuters, the plant will close in May. Other words follow."
    facts = [fact(claim("a", A, "According to Reuters, the plant will close in May."),
                  claim("z", copied, "According to Reuters, the plant will close in May."),
                  claim("d", D, "The company will shut the plant in May."))]
    citations = [cite("a", A, "Reuters", "Reuters", "e-reuters"),
                 cite("z", copied, "Reuters", "Reuters", "e-reuters")]
    result = independence(facts, citations, [Copy("z", "a", 0.8)])
    assert result.independent_sources == 2


def test_each_fact_is_counted_on_its_own():
    first = fact(claim("a", A, "According to Reuters, the plant will close in May."),
                 claim("b", B, "The plant will close in May, according to Reuters."))
    second = Fact(id="f2", text="x", status="single-source", articles=("a",),
                  claims=(claim("a", A, "Workers were told on Monday.", number=2),))
    citations = [cite("a", A, "Reuters", "Reuters", "e-reuters"),
                 cite("b", B, "Reuters", "Reuters", "e-reuters")]
    results = with_independence([first, second], citations, [])
    assert [item.id for item in results] == ["f1", "f2"]
    assert [item.independent_sources for item in results] == [1, 1]
    assert results[1].origins == ("article:a",)


def test_a_copy_of_a_copy_counts_with_the_original():
    text = "The plant will close in May. Workers were angry."
    facts = [fact(*(claim(article, text, "The plant will close in May.") for article in "xyz"))]
    copies = [Copy("y", "x", 0.9), Copy("z", "y", 0.9)]
    assert independence(facts, copies=copies).independent_sources == 1


def test_the_count_does_not_depend_on_the_order_of_claims():
    both = ("According to Reuters, the plant will close in May. "
            "According to Kyodo, the plant will close in May.")
    kyodo = B.replace("Reuters", "Kyodo")
    first = claim("c", both, "According to Reuters, the plant will close in May.")
    second = claim("c", both, "According to Kyodo, the plant will close in May.", number=2)
    reuters_only = claim("a", A, "According to Reuters, the plant will close in May.")
    kyodo_only = claim("b", kyodo, "The plant will close in May, according to Kyodo.")
    citations = [cite("a", A, "Reuters", "Reuters", "e-reuters"),
                 cite("b", kyodo, "Kyodo", "Kyodo", "e-kyodo"),
                 cite("c", both, "Reuters", "Reuters", "e-reuters"),
                 cite("c", both, "Kyodo", "Kyodo", "e-kyodo")]
    counts = {independence([fact(*order)], citations).independent_sources
              for order in [(reuters_only, kyodo_only, first, second),
                            (first, second, reuters_only, kyodo_only)]}
    assert counts == {2}


def test_an_outlet_cited_in_one_article_and_credited_in_another_counts_once():
    said = "Reuters said the plant will close in May. Shares fell."
    facts = [fact(claim("a", A, "According to Reuters, the plant will close in May.",
                        attributed_to="Reuters"),
                  claim("s", said, "Reuters said the plant will close in May.",
                        attributed_to="Reuters"))]
    citations = [cite("a", A, "Reuters", "Reuters", "e-reuters"),
                 cite("s", said, "Reuters", "Reuters", "e-reuters", kind="other")]
    result = independence(facts, citations, names={"e-reuters": "Reuters"})
    assert result.independent_sources == 1


def test_citations_found_in_the_text_drive_the_count(nlp):
    texts = {"a": "According to Reuters, the plant will close in May.",
             "b": "The plant will close in May, as reported by Reuters.",
             "c": "The plant will close in May. Workers were angry."}
    citations: list[Citation] = []
    claims = []
    for article_id, text in texts.items():
        article = Article(id=article_id, source=f"{article_id}.txt", text=text)
        doc = nlp(text)
        mentions = {article_id: [(match.start(), match.end(), "e-reuters")
                                 for match in re.finditer("Reuters", text)]}
        names, types = {"e-reuters": "Reuters"}, {"e-reuters": "ORG"}
        quotes = find_quotes(article, doc, mentions, names)
        citations.extend(find_citations(article, doc, quotes, mentions, names, types))
        claims.append(claim(article_id, text, next(iter(doc.sents)).text))
    result = independence([fact(*claims)], citations)
    assert result.independent_sources == 2
    assert set(result.origins) == {"cited:e-reuters", "article:c"}
