"""Claims, quotes and citations read "X <verb> that ..." with the same verbs and the same parse
helpers, so they agree on who said it: one verb of every reporting-verb class."""

from __future__ import annotations

import pytest

from consilience.claims.clauses import SPANS_KEY, mark_claims
from consilience.claims.reading import read_claim
from consilience.lang.en.verbs import REPORTING_VERB_CLASSES, REQUEST_CLASSES
from consilience.models import Article
from consilience.provenance import find_citations, find_quotes

SPEAKER = "The Harbour Times"  # a news organisation: what a citation credits
CONTENT = "that Japan had cancelled the talks with the United States."
QUOTATION = "“Japan has cancelled the talks with the United States,”"

# class -> (sentence, citation kind)
CASES: dict[str, tuple[str, str]] = {
    "state": (f"{SPEAKER} said {CONTENT}", "other"),
    "assert": (f"{SPEAKER} insisted {CONTENT}", "other"),
    "predict": (f"{SPEAKER} warned {CONTENT}", "other"),
    "manner": (f"{SPEAKER} complained {CONTENT}", "other"),
    "tell": (f"{SPEAKER} told reporters {CONTENT}", "other"),
    "publish": (f"{SPEAKER} tweeted {CONTENT}", "reported"),
    "reveal": (f"{SPEAKER} disclosed {CONTENT}", "reported"),
    "cite": (f"{SPEAKER} cited {CONTENT}", "cited"),
    "forward": (f"{SPEAKER} forwarded {CONTENT}", "forwarded"),
    "confirm": (f"{SPEAKER} confirmed {CONTENT}", "other"),
    "deny": (f"{SPEAKER} denied {CONTENT}", "other"),
    "cognition": (f"{SPEAKER} believes {CONTENT}", "other"),
    "learn": (f"{SPEAKER} learned {CONTENT}", "other"),
    "direct": (f"{SPEAKER} urged that Japan cancel the talks with the United States.", "other"),
    "commit": (f"{SPEAKER} promised that Japan would cancel the talks with the United States.",
               "other"),
    "frame": (f"{QUOTATION} {SPEAKER[0].lower()}{SPEAKER[1:]} continued.", "other"),
}


def test_every_reporting_verb_class_has_a_case():
    assert set(CASES) == set(REPORTING_VERB_CLASSES.values())


@pytest.mark.parametrize("verb_class", sorted(CASES))
def test_claims_quotes_and_citations_agree_on_the_speaker(nlp, verb_class):
    text, kind = CASES[verb_class]
    doc = mark_claims(nlp(text))
    article = Article(id="a1", source="t.txt", text=text)
    quotes = find_quotes(article, doc)
    citations = find_citations(article, doc, quotes)
    speaker = SPEAKER.casefold()

    assert [quote.speaker_text.casefold() for quote in quotes if quote.speaker_text] == [speaker]
    assert [(citation.source.casefold(), citation.kind) for citation in citations] == \
        [(speaker, kind)]
    credited = {text[reading.attribution[0]:reading.attribution[1]].casefold()
                for reading in map(read_claim, doc.spans[SPANS_KEY]) if reading.attribution}
    if verb_class in REQUEST_CLASSES:
        # what was urged or promised is not stated as so: the claim is the outlet's own report
        assert credited == set()
    else:
        assert credited == {speaker}
    quote, citation = quotes[0], citations[0]
    assert quote.source_span is not None and citation.span is not None
    assert (quote.source_span.start, quote.source_span.end) == \
        (citation.span.start, citation.span.end)
