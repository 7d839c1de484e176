"""The brief's lead: the main event as the articles' opening sentences agree on it."""

from __future__ import annotations

from consilience.brief import select_brief
from consilience.brief.lead import anchored_to_a_day, article_leads, choose_lead, own_voice
from consilience.brief.sentences import StorySentences
from consilience.config import BriefSettings
from consilience.models import Article, Claim, Fact, Span

TEXT_A = ("Harbor City officials closed the Old Mill Bridge on Tuesday after inspectors found a "
          "crack in one of its steel supports. "
          "The bridge carries about 40,000 vehicles a day, according to the state transport "
          "agency. "
          "Commuters were told to expect delays of up to an hour on the ring road. "
          "“Safety comes first,” said Mayor Ana Lopez at a news conference.")
TEXT_B = ("“We will not take any chances with the lives of our people,” Mayor Ana Lopez said. "
          "Inspectors found a crack in a steel support of the Old Mill Bridge, and the city "
          "closed it to traffic on Tuesday. "
          "The bridge carries about 40,000 vehicles a day, according to the state transport "
          "agency.")
TEXT_C = ("Drivers in Harbor City face long detours this week. "
          "The Old Mill Bridge was closed on Tuesday after a crack was found in a steel "
          "support, city officials said. "
          "The bridge carries about 40,000 vehicles a day, according to the state transport "
          "agency. "
          "Repairs could take two months, the city engineer said.")

A = Article(id="a-a", source="a.txt", text=TEXT_A, outlet="Outlet A")
B = Article(id="a-b", source="b.txt", text=TEXT_B, outlet="Outlet B")
C = Article(id="a-c", source="c.txt", text=TEXT_C, outlet="Outlet C")
ARTICLES = {article.id: article for article in (A, B, C)}


def claim(article_id: str, needle: str, **slots) -> Claim:
    text = ARTICLES[article_id].text
    start = text.index(needle)
    return Claim(Span(article_id, start, start + len(needle), needle), **slots)


def fact(ident: str, status: str, *claims: Claim) -> Fact:
    first = claims[0].span
    articles = tuple(dict.fromkeys(one.span.article for one in claims))
    return Fact(ident, first.text, status, articles, claims,  # type: ignore[arg-type]
                independent_sources=len(articles), span=first)


CLOSED = fact("f-closed", "corroborated",
              claim("a-a", "Harbor City officials closed the Old Mill Bridge on Tuesday",
                    entities=("e-bridge",), dates=("2025-03-04",)),
              claim("a-c", "The Old Mill Bridge was closed on Tuesday",
                    entities=("e-bridge",), dates=("2025-03-04",)))
TRAFFIC = fact("f-traffic", "corroborated",
               *(claim(ident, "The bridge carries about 40,000 vehicles a day",
                       entities=("e-bridge",)) for ident in ("a-a", "a-b", "a-c")))
CHANCES = fact("f-chances", "single-source",
               claim("a-b", "We will not take any chances", entities=("e-mayor",)))
FOUND = fact("f-found", "single-source",
             claim("a-b", "Inspectors found a crack in a steel support", entities=("e-bridge",)))
DETOURS = fact("f-detours", "single-source",
               claim("a-c", "Drivers in Harbor City face long detours", entities=("e-city",)))
FACTS = (TRAFFIC, CLOSED, CHANCES, FOUND, DETOURS)


def test_the_brief_opens_with_the_event_the_openings_agree_on():
    # The traffic figure has more sources, but every article opens with the closure.
    sentences = select_brief((A, B, C), FACTS, ())
    assert sentences[0].text.startswith("Harbor City officials closed the Old Mill Bridge")
    assert sentences[0].section == "corroborated"
    assert "f-closed" in sentences[0].facts
    assert sentences[1].facts == ("f-traffic",)


def test_the_lead_cites_every_article_whose_opening_states_the_event():
    # the facts say a-a and a-c; b's opening states the same closure in its own words
    first = select_brief((A, B, C), FACTS, ())[0]
    assert first.facts == ("f-closed",)
    assert first.articles == ("a-a", "a-b", "a-c")
    assert first.span is not None
    assert TEXT_A[first.span.start:first.span.end] == first.text


def test_a_quotation_never_leads_even_when_its_article_comes_first():
    sentences = StorySentences((B, A, C))
    lead = choose_lead(sentences, ("a-b", "a-a", "a-c"), stating=_every_sentence(sentences))
    assert lead is not None
    assert not sentences.text(lead.key).startswith("“")


def test_a_first_sentence_beats_the_same_news_further_down():
    sentences = StorySentences((C, A))
    lead = choose_lead(sentences, ("a-c", "a-a"), stating=_every_sentence(sentences))
    assert lead is not None
    assert lead.key[0] == "a-a" and lead.key[1] == 0


def test_no_lead_without_a_second_article_or_a_shared_opening():
    alone = StorySentences((A,))
    assert choose_lead(alone, ("a-a",), stating=_every_sentence(alone)) is None
    other = Article(id="a-x", source="x.txt", text=(
        "The county fair opened on Saturday with a record number of prize pumpkins. "
        "Farmers brought more than three hundred entries from across the valley."))
    unrelated = StorySentences((A, other))
    assert choose_lead(unrelated, ("a-a", "a-x"), stating=_every_sentence(unrelated)) is None


def test_a_sentence_stating_no_fact_or_a_conflict_side_is_not_the_lead():
    sentences = StorySentences((A, B, C))
    ids = ("a-a", "a-b", "a-c")
    everything = _every_sentence(sentences)
    best = choose_lead(sentences, ids, stating=everything)
    assert best is not None
    without = choose_lead(sentences, ids, stating=everything, excluded={best.key})
    assert without is not None and without.key != best.key
    assert choose_lead(sentences, ids, stating=set()) is None


def test_own_voice_rejects_quotes_fragments_headlines_and_pronouns():
    assert own_voice("Harbor City officials closed the Old Mill Bridge on Tuesday.")
    assert own_voice("WASHINGTON — The Senate passed the budget bill on Friday by a wide margin.")
    assert not own_voice("“Safety comes first,” said Mayor Ana Lopez at a news conference.")
    assert not own_voice("The mayor said the bridge was “a danger to everyone who crosses it "
                         "every single day of the week.”")
    assert not own_voice("— Ana Lopez, the mayor of Harbor City, closed the bridge on Tuesday.")
    assert not own_voice("City Closes Old Mill Bridge After Inspectors Find Crack")
    assert not own_voice("She closed the bridge on Tuesday after the inspection.")


def test_anchored_to_a_day():
    assert anchored_to_a_day("The bridge was closed on Tuesday.")
    assert anchored_to_a_day("The bridge was closed on March 4 after the inspection.")
    assert anchored_to_a_day("Officials said today that the bridge would stay closed.")
    assert not anchored_to_a_day("The bridge has been closed since March.")


def test_an_article_s_lead_is_its_first_eligible_sentences():
    sentences = StorySentences((A,))
    leads = article_leads(sentences, ("a-a",), 3)
    assert [sentences.text(key)[:20] for key in leads["a-a"]] == [
        "Harbor City official", "The bridge carries a", "Commuters were told "]
    assert len(article_leads(sentences, ("a-a",), 1)["a-a"]) == 1


def _every_sentence(sentences: StorySentences) -> set[tuple[str, int, int]]:
    return {(article_id, start, end) for article_id in sentences.articles
            for start, end in sentences.bounds(article_id)}


def test_the_lead_s_numbers_come_from_the_settings():
    sentences = StorySentences((A, B, C))
    ids, everything = ("a-a", "a-b", "a-c"), _every_sentence(sentences)
    assert choose_lead(sentences, ids, stating=everything) is not None
    assert choose_lead(sentences, ids, stating=everything,
                       settings=BriefSettings(lead_agreement=1.01)) is None
