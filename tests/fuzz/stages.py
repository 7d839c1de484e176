"""One function per pipeline stage that runs an input through it and checks the result.

The property tests and `benchmarks/fuzz.py` call the same functions, so a failure the long
campaign finds is one a test can replay. Each raises (AssertionError or whatever the stage
raised) when an invariant breaks.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from consilience import AnalyzeConfig, analyze_raw
from consilience.annotate import DocCache, annotate, extract_mentions
from consilience.clean import clean_all
from consilience.errors import NothingToAnalyseError
from consilience.ingest import read_inputs
from consilience.models import RawArticle
from consilience.render import story_dict

from .checks import check_article, check_document, check_problem, check_raw

CONFIG = AnalyzeConfig(use_cache=False)


def read_files(files: Sequence[tuple[str, bytes]]) -> None:
    """Write the files into a fresh folder and read them: every file is read or reported with
    a coded problem, never silently dropped, and what is read is clean text."""
    with tempfile.TemporaryDirectory(prefix="consilience-fuzz-") as folder:
        paths = []
        for number, (suffix, data) in enumerate(files):
            path = Path(folder) / f"input{number}{suffix}"
            path.write_bytes(data)
            paths.append(str(path))
        articles, problems = read_inputs(paths)
    for article in articles:
        check_raw(article)
    for problem in problems:
        check_problem(problem)
    for path in paths:
        assert any(item.source.startswith(path) for item in (*articles, *problems)), path


def clean(raws: Sequence[RawArticle]) -> None:
    """Every raw article becomes a clean Article, a duplicate warning or an error."""
    articles, problems = clean_all(raws)
    for article in articles:
        check_article(article)
    for problem in problems:  # W102 names the caller's source as given
        check_problem(problem, source_writable=False)
    accounted = len(articles) + sum(problem.severity == "error" or problem.code == "W102"
                                    for problem in problems)
    assert accounted >= len(raws), (len(articles), problems)


def annotated(raws: Sequence[RawArticle], nlp: Language, cache: DocCache | None = None) -> None:
    """One Doc per article over the very same text; mention spans are slices of it."""
    articles, _problems = clean_all(raws)
    result = annotate(articles, nlp, cache)
    assert len(result.docs) == len(articles)
    for article, doc in zip(articles, result.docs, strict=True):
        assert doc.text == article.text
        for mention in extract_mentions(article, doc):
            span = mention.span
            assert span.text and article.text[span.start:span.end] == span.text, span


def annotated_with_cache(raws: Sequence[RawArticle], nlp: Language) -> None:
    """The same twice through a fresh on-disk cache: the second run reads the stored Docs."""
    with tempfile.TemporaryDirectory(prefix="consilience-fuzz-cache-") as folder:
        cache = DocCache(folder)
        try:
            annotated(raws, nlp, cache)
            annotated(raws, nlp, cache)
        finally:
            cache.close()


def analysed(raws: Sequence[RawArticle], schema: dict[str, Any], usable: bool) -> None:
    """A schema-valid story keeping the span contract; NothingToAnalyseError only when no
    input was `usable` and every input was reported empty (or a repeat)."""
    try:
        analysis = analyze_raw(raws, CONFIG)
    except NothingToAnalyseError as error:
        assert not usable, f"usable prose was rejected: {error.problems}"
        codes = {problem.code for problem in error.problems}
        assert error.problems and codes <= {"E104", "W102"}, error.problems
        return
    for problem in analysis.problems:
        check_problem(problem, source_writable=False)
    check_document(story_dict(analysis.story, analysis.model), schema)
