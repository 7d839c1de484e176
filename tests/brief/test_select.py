"""The extractive brief: whole source sentences, corroborated, then disputed, then single-source."""

from __future__ import annotations

from dataclasses import replace

from consilience.brief import (
    centrality,
    content_words,
    dangling,
    notability,
    select_brief,
    sentence_bounds,
)
from consilience.lang.sentences import parsed_sentence_bounds
from consilience.models import Article, BriefSentence, Claim, Conflict, ConflictSide, Fact, Span

TEXT_1 = ("Council cuts the school budget after a long debate\n\n"
          "The city council cut the school budget by 3 percent on Monday evening. "
          "Mayor Jane Roe said the cut was painful but necessary for the city. "
          "Will parents accept the decision this time? "
          "The vote passed seven to two after a long debate in the chamber.")
TEXT_2 = ("The city council cut the school budget by 4 percent on Monday, officials said. "
          "Mayor Jane Roe said the cut was painful but necessary for the city. "
          "Teachers plan to strike next Friday, according to a statement from their union.")
TEXT_3 = ("The council approved a smaller budget for schools after a long debate in the chamber. "
          "The mayor called the decision painful for everyone involved. "
          "Bakery owners near the town hall expect their sales to fall by 12 percent this year. "
          "It is a sad day for everyone who cares about our town.")


def article(ident: str, text: str, headings: tuple[tuple[int, int], ...] = ()) -> Article:
    return Article(id=ident, source=f"{ident}.txt", text=text, outlet=f"Outlet {ident}",
                   headings=headings)


A1 = article("a-1", TEXT_1, ((0, TEXT_1.index("\n")),))
A2 = article("a-2", TEXT_2)
A3 = article("a-3", TEXT_3)
ARTICLES = {a.id: a for a in (A1, A2, A3)}


def span(article_id: str, needle: str) -> Span:
    text = ARTICLES[article_id].text
    start = text.index(needle)
    return Span(article_id, start, start + len(needle), needle)


def claim(article_id: str, needle: str, **slots) -> Claim:
    return Claim(span(article_id, needle), **slots)


def sentence_span(piece: Span) -> Span:
    text = ARTICLES[piece.article].text
    start, end = next((start, end) for start, end in sentence_bounds(text)
                      if start <= piece.start < end)
    return Span(piece.article, start, end, text[start:end])


def fact(ident: str, status: str, *claims: Claim, sources: int | None = None) -> Fact:
    sentence = sentence_span(claims[0].span)
    articles = tuple(dict.fromkeys(one.span.article for one in claims))
    return Fact(ident, sentence.text, status, articles, claims,  # type: ignore[arg-type]
                independent_sources=sources if sources is not None else len(articles),
                span=sentence)


CUT = fact("f-cut", "disputed",
           claim("a-1", "cut the school budget by 3 percent", entities=("e-council",),
                 quantities=(), terms=("cut", "budget")),
           claim("a-2", "cut the school budget by 4 percent", entities=("e-council",),
                 terms=("cut", "budget")))
PAINFUL = fact("f-painful", "corroborated",
               claim("a-1", "Mayor Jane Roe said the cut was painful", entities=("e-mayor",),
                     terms=("cut", "painful")),
               claim("a-2", "Mayor Jane Roe said the cut was painful", entities=("e-mayor",),
                     terms=("cut", "painful")),
               claim("a-3", "The mayor called the decision painful", entities=("e-mayor",),
                     terms=("decision", "painful")))
DEBATE = fact("f-debate", "corroborated",
              claim("a-1", "The vote passed seven to two after a long debate",
                    entities=("e-council",), terms=("vote", "debate")),
              claim("a-3", "approved a smaller budget for schools after a long debate",
                    entities=("e-council",), terms=("budget", "debate")))
STRIKE = fact("f-strike", "single-source",
              claim("a-2", "Teachers plan to strike next Friday", entities=("e-union",),
                    dates=("2025-06-06",), attributed_to="their union", modality="planned",
                    terms=("teacher", "strike")))
BAKERY = fact("f-bakery", "single-source",
              claim("a-3", "expect their sales to fall by 12 percent", entities=("e-town-hall",),
                    terms=("sale", "fall"), modality="expected"))
SAD = fact("f-sad", "single-source", claim("a-3", "It is a sad day", terms=("sad", "day")))
QUESTION = fact("f-question", "single-source",
                claim("a-1", "Will parents accept the decision", entities=("e-parents",),
                      terms=("parent", "accept")))
HEADING = fact("f-heading", "single-source",
               claim("a-1", "Council cuts the school budget", entities=("e-council",),
                     terms=("cut", "budget")))
AMOUNT = Conflict("c-amount", "number", "3 percent vs 4 percent", (
    ConflictSide("3 percent", ("a-1",), (span("a-1", "3 percent"),)),
    ConflictSide("4 percent", ("a-2",), (span("a-2", "4 percent"),)),
), fact="f-cut")

FACTS = (PAINFUL, DEBATE, CUT, STRIKE, BAKERY, SAD, QUESTION, HEADING)


def brief(**options) -> tuple[BriefSentence, ...]:
    return select_brief(tuple(ARTICLES.values()), FACTS, (AMOUNT,), **options)


def assert_verbatim(sentences: tuple[BriefSentence, ...]) -> None:
    for sentence in sentences:
        assert sentence.span is not None
        text = ARTICLES[sentence.span.article].text
        assert text[sentence.span.start:sentence.span.end] == sentence.span.text == sentence.text
        assert (sentence.span.start, sentence.span.end) in sentence_bounds(text)
        assert sentence.span.article in sentence.articles


def test_corroborated_then_disputed_then_single_source():
    sentences = brief()
    sections = [sentence.section for sentence in sentences]
    order = ("corroborated", "disputed", "single-source")
    assert sections == sorted(sections, key=order.index)
    assert set(sections) == set(order)
    # the lead: the openings agree on the budget decision (its amount is disputed, so the
    # opening that states it without the amount), then the most corroborated fact
    assert sentences[0].facts == ("f-debate",)
    assert sentences[1].facts == ("f-painful",)


def test_every_sentence_is_a_verbatim_whole_sentence():
    assert_verbatim(brief())
    assert_verbatim(brief(limit=3))


def test_both_sides_of_a_conflict_are_shown_with_their_own_articles():
    disputed = [sentence for sentence in brief() if sentence.section == "disputed"]
    assert [sentence.articles for sentence in disputed] == [("a-1",), ("a-2",)]
    assert "3 percent" in disputed[0].text and "4 percent" in disputed[1].text
    assert all("f-cut" in sentence.facts for sentence in disputed)


def test_a_sentence_repeated_by_two_articles_appears_once_citing_every_article():
    sentences = brief()
    painful = [sentence for sentence in sentences if "painful" in sentence.text]
    assert len(painful) == 1
    assert painful[0].articles == ("a-1", "a-2", "a-3")


def test_the_same_words_in_two_single_source_facts_give_one_sentence():
    one = fact("f-one", "single-source", claim("a-1", "Mayor Jane Roe said the cut was painful",
                                               entities=("e-mayor",)))
    two = fact("f-two", "single-source", claim("a-2", "Mayor Jane Roe said the cut was painful",
                                               entities=("e-mayor",)))
    sentences = select_brief(tuple(ARTICLES.values()), (one, two), ())
    assert len(sentences) == 1
    assert sentences[0].facts == ("f-one", "f-two")
    assert sentences[0].articles == ("a-1", "a-2")


def test_near_duplicates_are_skipped():
    text = ("The city council cut the school budget on Monday evening after a vote. "
            "On Monday evening the city council cut the school budget after a vote.")
    one_article = Article(id="a-9", source="x", text=text)
    first, second = sentence_bounds(text)
    facts = tuple(
        Fact(ident, text[start:end], "single-source", ("a-9",),
             (Claim(Span("a-9", start, end, text[start:end]), entities=("e-council",)),),
             span=Span("a-9", start, end, text[start:end]))
        for ident, (start, end) in (("f-1", first), ("f-2", second)))
    assert jaccard_of(text, first, second) >= 0.6
    sentences = select_brief((one_article,), facts, ())
    assert [sentence.facts for sentence in sentences] == [("f-1",)]


def jaccard_of(text: str, first: tuple[int, int], second: tuple[int, int]) -> float:
    words = content_words(text[first[0]:first[1]]), content_words(text[second[0]:second[1]])
    return len(words[0] & words[1]) / len(words[0] | words[1])


def test_facts_sharing_a_sentence_are_one_sentence_with_both_ids():
    budget = fact("f-budget", "corroborated",
                  claim("a-2", "Teachers plan to strike", entities=("e-union",)),
                  claim("a-3", "Bakery owners near the town hall expect", entities=("e-bakers",)))
    friday = fact("f-friday", "corroborated",
                  claim("a-2", "strike next Friday", dates=("2025-06-06",)),
                  claim("a-1", "The vote passed seven to two"))
    # without a-1's text, whose third sentence would lead with f-friday (see test_lead.py)
    sentences = select_brief((A2, A3), (budget, friday), ())
    shared = [sentence for sentence in sentences if sentence.text.startswith("Teachers")]
    assert len(shared) == 1
    assert shared[0].facts == ("f-budget", "f-friday")
    assert shared[0].articles == ("a-2", "a-3", "a-1")  # the story's articles first
    assert_verbatim(sentences)


def test_a_chosen_sentence_that_is_a_side_of_a_conflict_moves_to_the_disputed_part():
    monday = fact("f-monday", "corroborated",
                  claim("a-1", "The city council cut the school budget by 3 percent on Monday",
                        dates=("2025-06-02",)),
                  claim("a-2", "The city council cut the school budget by 4 percent on Monday",
                        dates=("2025-06-02",)), sources=2)
    sentences = select_brief(tuple(ARTICLES.values()), (monday, CUT), (AMOUNT,))
    assert [(sentence.section, sentence.facts) for sentence in sentences] == [
        ("disputed", ("f-monday", "f-cut")), ("disputed", ("f-monday", "f-cut"))]
    assert [sentence.articles for sentence in sentences] == [("a-1",), ("a-2",)]


def test_limit_is_respected_and_conflicts_come_whole():
    for limit in range(1, 9):
        sentences = brief(limit=limit)
        assert len(sentences) <= limit
        disputed = [sentence for sentence in sentences if sentence.section == "disputed"]
        assert len(disputed) in (0, 2)
    assert brief(limit=0) == ()
    assert len(brief()) <= 8


def test_vague_commentary_only_fills_up_to_the_minimum():
    assert not any("sad day" in sentence.text for sentence in brief(minimum=5))
    assert any("sad day" in sentence.text for sentence in brief(minimum=8))


def test_headings_questions_and_fragments_are_not_eligible():
    sentences = brief(limit=10, minimum=10)
    texts = " ".join(sentence.text for sentence in sentences)
    assert "?" not in texts
    assert "Council cuts" not in texts
    assert not {"f-question", "f-heading"} & {f for s in sentences for f in s.facts}


def test_one_article_story_gets_its_single_source_facts():
    facts = (STRIKE, fact("f-officials", "single-source",
                          claim("a-2", "cut the school budget by 4 percent on Monday",
                                entities=("e-council",), quantities=())))
    sentences = select_brief((A2,), facts, ())
    assert len(sentences) == 2
    assert {sentence.section for sentence in sentences} == {"single-source"}
    assert_verbatim(sentences)


def test_empty_story_gets_an_empty_brief():
    assert select_brief((), (), ()) == ()
    assert select_brief((A1,), (), ()) == ()


def test_with_the_parses_the_sentences_are_spacy_s(nlp):
    docs = [nlp(article.text) for article in ARTICLES.values()]
    sentences = select_brief(tuple(ARTICLES.values()), FACTS, (AMOUNT,), docs)
    assert sentences == brief()  # the parse and the text splitter agree on these texts
    for sentence in sentences:
        assert sentence.span is not None
        doc = docs[list(ARTICLES).index(sentence.span.article)]
        assert (sentence.span.start, sentence.span.end) in parsed_sentence_bounds(doc)


def test_same_input_same_brief():
    assert brief() == brief()
    assert brief(limit=5) == brief(limit=5)


def test_centrality_and_notability():
    scores = centrality(FACTS)
    assert scores["f-painful"] > scores["f-sad"] == 0
    assert notability(STRIKE) > notability(BAKERY) > notability(SAD) == 0


def test_a_sentence_leaning_on_a_pronoun_gives_way_to_one_that_names_its_subject():
    assert dangling("He said the cut was painful but necessary for the city.")
    assert dangling("“We had no choice,” he said on Monday after the vote.")
    assert not dangling("Mayor Jane Roe said the cut was painful but necessary for the city.")
    text = "He called the decision painful for everyone in the room."
    pronoun = Article(id="a-4", source="a-4.txt", text=text)
    lead = Claim(Span("a-4", 0, len(text), text))
    named = claim("a-1", "Mayor Jane Roe said the cut was painful")
    hurt = Fact("f-hurt", text, "corroborated", ("a-4", "a-1"), (lead, named), span=lead.span)
    sentences = select_brief((A1, pronoun), (hurt,), ())
    assert [sentence.span.article for sentence in sentences if sentence.span] == ["a-1"]


def test_a_fact_with_a_conflict_is_shown_only_as_its_sides():
    cut = fact("f-cut", "corroborated", *CUT.claims)
    sentences = select_brief(tuple(ARTICLES.values()), (cut, PAINFUL), (AMOUNT,))
    assert [(sentence.section, sentence.facts) for sentence in sentences] == [
        ("corroborated", ("f-painful",)), ("disputed", ("f-cut",)), ("disputed", ("f-cut",))]


def test_a_change_over_time_gives_the_later_version_first():
    updated = replace(AMOUNT, change_over_time=True)  # a-1's 3 percent, then a-2's 4 percent
    sentences = select_brief(tuple(ARTICLES.values()), FACTS, (updated,))
    disputed = [sentence for sentence in sentences if sentence.section == "disputed"]
    assert [sentence.articles for sentence in disputed] == [("a-2",), ("a-1",)]
    assert "4 percent" in disputed[0].text
