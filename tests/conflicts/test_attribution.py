"""Attribution conflicts: the same statement credited to different named people."""

from __future__ import annotations

from consilience.claims import ClaimSpace, article_claims, build_facts
from consilience.conflicts.attribution import attribution_conflict
from consilience.models import Article, Claim, Fact, Span

PEOPLE = frozenset({"Kenji Tanaka", "Yuki Sato", "Mari Ito"})
TEXT = "Kenji Tanaka said the plant will close."


def alike(left: Claim, right: Claim) -> float:
    return 1.0


def unlike(left: Claim, right: Claim) -> float:
    return 0.1


def claim(article: str, speaker: str | None, number: int = 1) -> Claim:
    text = f"{speaker or 'Someone'} said the plant will close."
    attribution = Span(article, 0, len(speaker), speaker) if speaker else None
    return Claim(span=Span(article, 0, len(text), text), id=f"{article}-c{number}",
                 attributed_to=speaker, attribution=attribution)


def fact(*claims: Claim) -> Fact:
    articles = tuple(dict.fromkeys(item.span.article for item in claims))
    return Fact("f1", claims[0].span.text, "corroborated", articles, claims)


def test_one_statement_credited_to_two_people_in_two_articles_conflicts():
    tanaka, sato = claim("a", "Kenji Tanaka"), claim("b", "Yuki Sato")
    sides = attribution_conflict(fact(tanaka, sato), PEOPLE, alike)
    assert [(side.value, side.articles, side.attributed_to) for side in sides] == [
        ("Kenji Tanaka", ("a",), ("Kenji Tanaka",)), ("Yuki Sato", ("b",), ("Yuki Sato",))]
    assert [side.spans for side in sides] == [(tanaka.attribution,), (sato.attribution,)]


def test_every_article_of_a_side_is_listed():
    sides = attribution_conflict(fact(claim("a", "Kenji Tanaka"), claim("b", "Yuki Sato"),
                                      claim("c", "Kenji Tanaka")), PEOPLE, alike)
    assert [side.articles for side in sides] == [("a", "c"), ("b",)]


def test_unnamed_descriptions_are_no_conflict():
    sides = attribution_conflict(fact(claim("a", "a senior official"),
                                      claim("b", "a company spokesman")), PEOPLE, alike)
    assert sides == []


def test_a_named_person_and_an_unnamed_description_are_no_conflict():
    sides = attribution_conflict(fact(claim("a", "Kenji Tanaka"),
                                      claim("b", "a company spokesman"), claim("c", None)),
                                 PEOPLE, alike)
    assert sides == []


def test_a_name_that_is_not_a_person_of_the_story_is_no_conflict():
    sides = attribution_conflict(fact(claim("a", "Kenji Tanaka"), claim("b", "Reuters")),
                                 PEOPLE, alike)
    assert sides == []


def test_the_same_person_everywhere_is_no_conflict():
    sides = attribution_conflict(fact(claim("a", "Kenji Tanaka"), claim("b", "Kenji Tanaka")),
                                 PEOPLE, alike)
    assert sides == []


def test_one_article_quoting_two_people_alike_is_no_conflict():
    sides = attribution_conflict(fact(claim("a", "Kenji Tanaka"),
                                      claim("a", "Yuki Sato", number=2)), PEOPLE, alike)
    assert sides == []


def test_a_side_without_an_attribution_span_points_at_its_claim():
    bare = Claim(span=Span("b", 0, len(TEXT), TEXT), id="b-c1", attributed_to="Yuki Sato")
    sides = attribution_conflict(fact(claim("a", "Kenji Tanaka"), bare), PEOPLE, alike)
    assert sides[1].spans == (bare.span,)


def test_from_real_parses(nlp):
    articles, claims = [], []
    for number, text in enumerate(("Kenji Tanaka said the Osaka plant will close in July.",
                                   "Yuki Sato said the Osaka plant will close in July.")):
        article = Article(id=f"a{number}", source=f"a{number}.txt", text=text)
        doc = nlp(text)
        people = [entity for entity in doc.ents if entity.label_ == "PERSON"]
        mentions = {article.id: [(entity.start_char, entity.end_char, entity.text)
                                 for entity in people]}
        articles.append(article)
        claims.extend(article_claims(article, doc, mentions,
                                     {entity.text: entity.text for entity in people}))
    space = ClaimSpace(claims)
    facts = build_facts(articles, claims)
    assert len(facts) == 1
    sides = attribution_conflict(facts[0], PEOPLE, space.claim_similarity)
    assert [side.value for side in sides] == ["Kenji Tanaka", "Yuki Sato"]
    for side, article in zip(sides, articles, strict=True):
        span = side.spans[0]
        assert article.text[span.start:span.end] == span.text == side.value


def test_two_people_saying_different_things_about_one_event_is_no_conflict():
    sides = attribution_conflict(fact(claim("a", "Kenji Tanaka"), claim("b", "Yuki Sato")),
                                 PEOPLE, unlike)
    assert sides == []
