"""Citations: who an article says its information came from, typed and canonicalised."""

from __future__ import annotations

import re

import pytest

from consilience.models import Article, Citation, RemovedLine
from consilience.provenance import find_citations, find_quotes

ENTITIES = {
    # surface form in the text: (entity id, type)
    "Reuters": ("e-reuters", "ORG"),
    "BBC": ("e-bbc", "ORG"),
    "The Times": ("e-times", "ORG"),
    "Financial Times": ("e-ft", "ORG"),
    "FT": ("e-ft", "ORG"),
    "Associated Press": ("e-ap", "ORG"),
    "Maria Lopez": ("e-lopez", "PERSON"),
    "Tokyo": ("e-tokyo", "GPE"),
}
NAMES = {"e-reuters": "Reuters", "e-bbc": "BBC News", "e-times": "The Times",
         "e-ft": "Financial Times", "e-ap": "Associated Press", "e-lopez": "Maria Lopez",
         "e-tokyo": "Tokyo"}
TYPES = {entity: kind for entity, kind in ENTITIES.values()}
PATTERN = re.compile("|".join(sorted(map(re.escape, ENTITIES), key=len, reverse=True)))


def citations_of(nlp, text: str, removed: tuple[RemovedLine, ...] = ()
                 ) -> tuple[Article, list[Citation]]:
    """The citations of one article, with the entities of ENTITIES as the story gives them."""
    article = Article(id="a1", source="a1.txt", text=text, removed=removed)
    doc = nlp(text)
    mentions = {"a1": [(match.start(), match.end(), ENTITIES[match.group()][0])
                       for match in PATTERN.finditer(text)]}
    quotes = find_quotes(article, doc, mentions, NAMES)
    citations = find_citations(article, doc, quotes, mentions, NAMES, TYPES)
    for citation in citations:
        assert citation.article == "a1"
        if citation.span is not None:
            assert text[citation.span.start:citation.span.end] == citation.span.text
    return article, citations


def only(citations: list[Citation]) -> Citation:
    assert len(citations) == 1, [(item.kind, item.source) for item in citations]
    return citations[0]


def test_according_to_an_outlet_is_an_according_to_citation(nlp):
    _, citations = citations_of(nlp, "According to Reuters, the plant will close next month.")
    citation = only(citations)
    assert (citation.kind, citation.source, citation.entity) == (
        "according-to", "Reuters", "e-reuters")
    assert citation.span.text == "Reuters"


def test_an_outlet_that_reported_is_a_reported_citation(nlp):
    _, citations = citations_of(
        nlp, "The Times reported that the factory had been sold to a rival firm.")
    citation = only(citations)
    assert (citation.kind, citation.source, citation.entity) == ("reported", "The Times",
                                                                 "e-times")
    assert citation.span.text == "The Times"


@pytest.mark.parametrize("text", [
    "The minister told Reuters that the plant would close in May.",
    '"We are ready for the talks," the minister told Reuters on Monday.',
])
def test_telling_an_outlet_is_a_told_citation_of_the_outlet(nlp, text):
    _, citations = citations_of(nlp, text)
    citation = only(citations)  # the minister, speaking for themself, is no citation
    assert (citation.kind, citation.source, citation.entity) == ("told", "Reuters",
                                                                 "e-reuters")
    assert citation.span.text == "Reuters"


@pytest.mark.parametrize("text", [
    "The plant will close next year, as reported by the BBC.",
    "The factory will be sold to a rival firm, as first reported by the BBC.",
])
def test_as_reported_by_an_outlet_is_a_reported_citation(nlp, text):
    _, citations = citations_of(nlp, text)
    citation = only(citations)
    assert citation.kind == "reported"
    assert citation.entity == "e-bbc"
    assert citation.source == "BBC News"  # the entity's canonical name
    assert citation.span.text.endswith("BBC")


def test_a_named_person_speaking_for_themself_is_not_a_citation(nlp):
    _, citations = citations_of(
        nlp, 'Maria Lopez said that she would run for mayor again. "I am ready," she added.')
    assert citations == []


def test_an_official_or_a_government_speaking_is_no_citation(nlp):
    # they are the speakers of quotes; a citation credits another news organisation
    _, citations = citations_of(
        nlp, "A government spokesman said that the border would reopen on Friday. "
             "Tokyo confirmed that the talks were off, according to the US State Department.")
    assert citations == []


def test_a_reporter_of_an_outlet_is_a_citation_and_the_report_is_its_outlet(nlp):
    _, citations = citations_of(
        nlp, "A Reuters reporter said that the border would reopen on Friday. "
             "According to the report, the talks were off.")
    assert [(item.source, item.kind) for item in citations] == [
        ("A Reuters reporter", "other"), ("A Reuters reporter", "according-to")]


def test_a_name_the_verb_says_published_is_a_citation(nlp):
    _, citations = citations_of(
        nlp, "The prime minister will skip the summit, as reported by Nikkei Asia on Monday. "
             "A US official confirmed to Reuters that the meeting was postponed.")
    assert [(item.source, item.kind) for item in citations] == [
        ("Nikkei Asia", "reported"), ("Reuters", "told")]


def test_an_acronym_is_canonicalised_to_its_entity(nlp):
    _, citations = citations_of(
        nlp, "The Financial Times reported that the deal was done. "
             "According to the FT, the price was high.")
    assert [(item.kind, item.source, item.entity) for item in citations] == [
        ("reported", "Financial Times", "e-ft"), ("according-to", "Financial Times", "e-ft")]
    assert citations[1].span.text.endswith("FT")


def test_citations_are_in_text_order(nlp):
    _, citations = citations_of(
        nlp, "According to Reuters, the plant will close. "
             "The Times reported that the owners had agreed. "
             "The plant will be sold, as reported by the BBC.")
    assert [item.kind for item in citations] == ["according-to", "reported", "reported"]
    starts = [item.span.start for item in citations]
    assert starts == sorted(starts)


def test_caption_credits_are_citations_and_bylines_are_not(nlp):
    removed = (RemovedLine("By John Smith", "byline", 1, credit="John Smith"),
               RemovedLine("Workers leave the plant. (Associated Press)", "caption", 3,
                           credit="Associated Press"))
    _, citations = citations_of(nlp, "The plant will close next month.", removed)
    citation = only(citations)
    assert citation.source == "Associated Press"
    assert citation.entity == "e-ap"  # matched to the entity by its name
    assert citation.span is None


def test_a_caption_credit_naming_no_entity_keeps_its_words(nlp):
    removed = (RemovedLine("Photo: crews at work. (Harbour Press)", "caption", 2,
                           credit="Harbour Press"),
               RemovedLine("A removed line with no credit", "caption", 4))
    _, citations = citations_of(nlp, "The plant will close next month.", removed)
    citation = only(citations)
    assert (citation.source, citation.entity, citation.span) == ("Harbour Press", None, None)


def test_credits_come_before_the_citations_in_the_text(nlp):
    removed = (RemovedLine("(Associated Press)", "caption", 9, credit="Associated Press"),)
    _, citations = citations_of(nlp, "According to Reuters, the plant will close.", removed)
    assert [item.source for item in citations] == ["Associated Press", "Reuters"]


def test_an_article_that_cites_nobody_has_no_citations(nlp):
    _, citations = citations_of(nlp, "The plant will close next month. Workers were angry.")
    assert citations == []


@pytest.mark.parametrize(("text", "credit"), [
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "AP"),
    ("The Senate voted. The Associated Press contributed to this report.", "Associated Press"),
    ("The Senate voted. (Reporting by Jane Doe; Editing by Tom Roe)",
     "(Reporting by Jane Doe; Editing by Tom Roe)"),
])
def test_wire_credits_in_the_text_are_citations(nlp, text, credit):
    from consilience.models import Article
    from consilience.provenance.citations import find_citations

    article = Article(id="w", source="w.txt", text=text)
    citations = find_citations(article, nlp(text), [])
    assert credit in [citation.source for citation in citations]
    for citation in citations:
        assert citation.span is None or text[citation.span.start:citation.span.end] == \
            citation.span.text


@pytest.mark.parametrize("text", [
    'In March, the nominee told the Senate Armed Services Committee: "We must do more."',
    'The minister told reporters on Monday: "We will not give up the talks."',
])
def test_telling_someone_who_is_not_a_news_organisation_is_no_citation(nlp, text):
    _, citations = citations_of(nlp, text)
    assert [citation for citation in citations if citation.kind == "told"] == []


# The news organisations each article of the example story credits for its information, read
# from the five articles (000: "according to a June 20 report by the Financial Times", "Kyodo
# News of Japan subsequently forwarded this report", "According to Reuters"; 001: "The Financial
# Times highlighted"; 002: "The Financial Times reported", "told Reuters"; 003: "The Financial
# Times first reported", "as reported by Nikkei Asia", "told the South China Morning Post";
# 004: "as reported by the Financial Times", "confirmed to Reuters", "Parnell told Nikkei").
EXAMPLE_CITED = {
    ("000", "financial times"), ("000", "kyodo news"), ("000", "reuters"),
    ("001", "financial times"),
    ("002", "financial times"), ("002", "reuters"),
    ("003", "financial times"), ("003", "nikkei asia"), ("003", "south china morning post"),
    ("004", "financial times"), ("004", "reuters"), ("004", "nikkei"),
}


def test_the_example_story_cites_the_outlets_its_articles_credit(example_analysis):
    story = example_analysis.story
    number = {article.id: article.source.rsplit("/", 1)[-1][:3] for article in story.articles}
    found = {(number[citation.article], citation.source.casefold())
             for citation in story.citations}
    right = found & EXAMPLE_CITED
    assert len(right) >= 10, sorted(EXAMPLE_CITED - found)
    assert len(right) / len(found) >= 0.8, sorted(found - EXAMPLE_CITED)
    # officials and governments are speakers, not citations of another outlet
    assert not any("official" in source for _, source in found)
