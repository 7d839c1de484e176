"""Claim records of an article: entities, quantities, dates, attribution and provenance."""

from __future__ import annotations

import re

import pytest

from consilience.claims import article_claims, story_claims
from consilience.claims.clauses import SPANS_KEY
from consilience.models import Article, Claim, Span
from consilience.timeline import date_mentions

NAMES = {"e-acme": "Acme Corp", "e-reuters": "Reuters", "e-tanaka": "Kenji Tanaka",
         "e-osaka": "Osaka"}
PATTERN = re.compile(r"Acme|Reuters|Tanaka|Osaka")


def mentions_in(article: Article) -> dict[str, list[tuple[int, int, str]]]:
    """Every name of NAMES in the text, as the entity stage would give it."""
    return {article.id: [(match.start(), match.end(), f"e-{match.group().lower()}")
                         for match in PATTERN.finditer(article.text)]}


def claims_of(nlp, text: str, published: str | None = "2025-06-18",
              headings: tuple[tuple[int, int], ...] = (), article_id: str = "a1",
              dated: bool = True) -> tuple[Article, list[Claim]]:
    """The claims of one article, its dates as the timeline stage gives them."""
    article = Article(id=article_id, source=f"{article_id}.txt", text=text,
                      published=published, headings=headings)
    doc = nlp(text)
    dates = date_mentions([article], [doc]) if dated else None
    return article, article_claims(article, doc, mentions_in(article), NAMES, dates)


def only(claims: list[Claim], word: str) -> Claim:
    found = [claim for claim in claims if word in claim.span.text]
    assert len(found) == 1, [claim.span.text for claim in claims]
    return found[0]


def assert_points_into(article: Article, span: Span | None) -> None:
    assert span is not None
    assert span.article == article.id
    assert article.text[span.start:span.end] == span.text
    assert span.text == span.text.strip() and span.text


TEXT = ("Reuters reported that Acme raised its dividend to 3.5 per cent on Friday. "
        "Acme shares rose 2% and the company cancelled the tender. "
        "Tanaka said the plant in Osaka will close on 3 July.")


def test_every_span_of_every_claim_points_into_the_article(nlp):
    article, claims = claims_of(nlp, TEXT)
    assert len(claims) >= 4
    for claim in claims:
        assert_points_into(article, claim.span)
        assert_points_into(article, claim.sentence)
        assert claim.sentence.start <= claim.span.start <= claim.span.end <= claim.sentence.end
        if claim.attribution is not None:
            assert_points_into(article, claim.attribution)
        for quantity in claim.quantities:
            assert_points_into(article, quantity.span)
            assert claim.span.start <= quantity.span.start < quantity.span.end <= claim.span.end
        for status in claim.statuses:
            assert_points_into(article, status.span)
    assert any(claim.attribution for claim in claims)
    assert any(claim.quantities for claim in claims)
    assert any(claim.statuses for claim in claims)


def test_claim_ids_are_unique_and_name_their_article(nlp):
    _, claims = claims_of(nlp, TEXT, article_id="bbc")
    ids = [claim.id for claim in claims]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"bbc-c\d+", claim_id) for claim_id in ids)
    assert all(claim.span.article == "bbc" for claim in claims)


def test_entities_are_the_ids_of_the_mentions_in_the_claim(nlp):
    _, claims = claims_of(nlp, TEXT)
    rose = only(claims, "shares rose")
    assert rose.entities == ("e-acme",)
    plant = only(claims, "plant")
    assert plant.entities == ("e-osaka",)


def test_the_speaker_is_not_an_entity_of_the_claim_but_is_credited_by_name(nlp):
    _, claims = claims_of(nlp, TEXT)
    dividend = only(claims, "dividend")
    assert dividend.attributed_to == "Reuters"
    assert dividend.attribution is not None and dividend.attribution.text == "Reuters"
    assert "e-reuters" not in dividend.entities and "e-acme" in dividend.entities
    plant = only(claims, "plant")
    assert plant.attributed_to == "Kenji Tanaka"  # the canonical name of the mention
    assert plant.attribution is not None and plant.attribution.text == "Tanaka"
    assert "e-tanaka" not in plant.entities


def test_an_unknown_speaker_is_credited_in_the_article_words(nlp):
    _, claims = claims_of(nlp, "A senior official said the Osaka plant will close.")
    assert claims[0].attributed_to == "A senior official"


def test_names_of_entities_are_not_terms(nlp):
    _, claims = claims_of(nlp, TEXT)
    assert "acme" not in only(claims, "shares rose").terms
    assert "osaka" not in only(claims, "plant").terms


def test_quantities_are_normalised(nlp):
    _, claims = claims_of(nlp, TEXT)
    dividend = only(claims, "dividend")
    assert [(q.value, q.unit, q.kind, q.span.text) for q in dividend.quantities] == [
        (3.5, "%", "percent", "3.5 per cent")]
    rose = only(claims, "shares rose")
    assert [(q.value, q.unit) for q in rose.quantities] == [(2.0, "%")]
    assert [q.normal for q in dividend.quantities + rose.quantities] == ["3.5%", "2%"]


def test_a_number_of_a_date_is_not_a_quantity(nlp):
    _, claims = claims_of(nlp, TEXT)
    assert only(claims, "plant").quantities == ()


def test_dates_are_normalised_against_the_publication_date(nlp):
    _, claims = claims_of(nlp, TEXT)  # published Wednesday 18 June 2025
    assert only(claims, "dividend").dates == ("2025-06-13",)  # the Friday before
    assert only(claims, "plant").dates == ("2025-07-03",)
    assert only(claims, "shares rose").dates == ()


def test_without_a_publication_date_a_weekday_is_no_date(nlp):
    _, claims = claims_of(nlp, TEXT, published=None)
    assert only(claims, "dividend").dates == ()


def test_dates_are_those_the_timeline_stage_gives(nlp):
    _, undated = claims_of(nlp, TEXT, dated=False)
    assert all(claim.dates == () for claim in undated)
    text = "The council approved the budget on Friday."
    article = Article(id="a1", source="a1.txt", text=text)
    friday = text.index("Friday")
    claims = article_claims(article, nlp(text), {}, {},
                            {"a1": [(friday, friday + 6, "2025-06-20")],
                             "a2": [(0, 3, "1999-01-01")]})
    assert claims[0].dates == ("2025-06-20",)
    unnormalised = article_claims(article, nlp(text), {}, {},
                                  {"a1": [(friday, friday + 6, None)]})
    assert unnormalised[0].dates == ()


def test_the_slots_of_the_parse_are_carried(nlp):
    _, claims = claims_of(nlp, "The firm did not confirm the deal. The minister may resign. "
                               "The union decided to call off the strike.")
    firm, minister, union = claims
    assert firm.negated and firm.predicate == "confirm"
    assert minister.modality == "possible" and minister.predicate_class == "resign"
    assert union.predicate == "call off" and union.predicate_class == "cancel"
    assert [(status.state, status.thing) for status in union.statuses] == [("cancel", "strike")]


def test_a_heading_is_not_a_claim(nlp):
    heading = "Acme raises its dividend sharply"
    text = f"{heading}\n\nAcme raised its dividend to 3.5 per cent on Friday."
    _, claims = claims_of(nlp, text, headings=((0, len(heading)),))
    assert claims, "the body sentence is a claim"
    assert all(claim.span.start >= len(heading) for claim in claims)
    assert all(claim.sentence.start >= len(heading) for claim in claims)
    _, without = claims_of(nlp, text)
    assert any(claim.span.text == heading for claim in without)


def test_the_doc_is_marked_when_it_was_not(nlp):
    text = "The council approved the budget and the mayor vetoed it."
    article = Article(id="a1", source="a1.txt", text=text)
    with nlp.select_pipes(disable=[SPANS_KEY]):  # the pipeline's component marks them
        doc = nlp(text)
    assert SPANS_KEY not in doc.spans
    claims = article_claims(article, doc, {}, {})
    assert [claim.span.text for claim in claims] == [
        "The council approved the budget", "the mayor vetoed it."]
    assert all(claim.sentence.text == text for claim in claims)


def test_story_claims_keep_article_order_and_need_one_doc_per_article(nlp):
    first = Article(id="a1", source="a1.txt", text="The council approved the budget.")
    second = Article(id="a2", source="a2.txt", text="The mayor vetoed the budget.")
    claims = story_claims([first, second], [nlp(first.text), nlp(second.text)], {}, {})
    assert [claim.span.article for claim in claims] == ["a1", "a2"]
    with pytest.raises(ValueError):
        story_claims([first, second], [nlp(first.text)], {}, {})


def test_a_source_named_through_a_report_gets_its_canonical_name(nlp):
    text = "According to a report by the Financial Times, the bank cut its rate."
    article = Article(id="a1", source="a1.txt", text=text)
    start = text.index("Financial Times")
    named = article_claims(article, nlp(text), {"a1": [(start, start + 15, "e-ft")]},
                           {"e-ft": "Financial Times"})
    assert named[0].attributed_to == "Financial Times"
    assert named[0].attribution is not None
    assert named[0].attribution.text == "According to a report by the Financial Times"
    assert "e-ft" not in named[0].entities
    unnamed = article_claims(article, nlp(text), {}, {})
    assert unnamed[0].attributed_to == "a report"
