"""consilience's spaCy components: in the loaded pipeline, in order, with their output on every
parsed Doc, a cached one included."""

from __future__ import annotations

from consilience.annotate import CLAIMS, PARAGRAPHS, DocCache, annotate
from consilience.annotate.clauses import SPANS_KEY
from consilience.models import Article

TEXT = ("Budget talks\n\nThe council approved the budget and the mayor vetoed it. "
        "Police arrested two men after the clash ended.")


def test_the_components_are_in_the_pipeline_where_they_belong(nlp):
    names = nlp.pipe_names
    assert [name for name in names if name.startswith("consilience_")] == [PARAGRAPHS, CLAIMS]
    assert names.index(PARAGRAPHS) < names.index("parser")
    assert names[-1] == CLAIMS  # after the parser and the attribute ruler it reads


def test_the_declared_requirements_are_met(nlp):
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert problems[PARAGRAPHS] == [] and problems[CLAIMS] == []


def test_a_parsed_doc_carries_the_paragraph_starts_and_the_claims(nlp):
    doc = nlp(TEXT)
    assert TEXT.index("The council") in [sentence.start_char for sentence in doc.sents]
    assert [span.text for span in doc.spans[SPANS_KEY]][-4:] == [
        "The council approved the budget", "the mayor vetoed it.",
        "Police arrested two men", "after the clash ended."]


def test_a_doc_from_the_cache_carries_the_claims(nlp, tmp_path):
    article = Article(id="a1", source="a1.txt", text=TEXT, headings=((0, 12),))
    cache = DocCache(tmp_path)
    parsed = annotate([article], nlp, cache).docs[0]
    cached = annotate([article], nlp, cache)
    assert cached.cached == 1
    assert [(span.start_char, span.end_char) for span in cached.docs[0].spans[SPANS_KEY]] == \
        [(span.start_char, span.end_char) for span in parsed.spans[SPANS_KEY]]
