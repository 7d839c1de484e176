"""The brief's sentences: which may stand alone, and where a span's sentence is."""

from __future__ import annotations

import pytest

from consilience.brief.sentences import StorySentences, dangling, eligible
from consilience.lang.sentences import parsed_sentence_bounds
from consilience.models import Article, Span


@pytest.mark.parametrize(("text", "expected"), [
    ("The council met on Monday to vote on the budget.", True),
    ("Did the council meet on Monday to vote?", False),
    ("The council met on Monday.", False),
    (" ".join(["word"] * 61) + ".", False),
    ('"We will never accept this budget, not ever."', False),
    ('"We will never accept this budget," the mayor said.', True),
    ("“We will never accept this budget,” the mayor said on Monday.", True),
    ('"We will fight every single cut in this budget.', False),
    ('and then the council met on Monday to vote again.', False),
])
def test_eligible(text, expected):
    assert eligible(Article(id="a", source="a", text=text), 0, len(text)) is expected


def test_a_sentence_leaning_on_a_pronoun_is_dangling():
    assert dangling("He said the cut was painful but necessary for the city.")
    assert dangling("“We had no choice,” he said on Monday after the vote.")
    assert not dangling("Mayor Jane Roe said the cut was painful but necessary for the city.")


def test_a_span_is_looked_up_in_the_parse_sentences_when_given(nlp):
    text = "The summit opened on July 1. Leaders met in the capital. They agreed."
    article = Article(id="a", source="a", text=text)
    doc = nlp(text)
    sentences = StorySentences([article], [doc])
    start = text.index("Leaders")
    key = sentences.key(Span("a", start, start + 7, "Leaders"))
    assert key is not None and (key[1], key[2]) in parsed_sentence_bounds(doc)
    assert sentences.text(key) == "Leaders met in the capital."
    assert sentences.index(Span("a", start, start + 7, "Leaders")) == 1
    assert StorySentences([article]).bounds("a") == sentences.bounds("a")
