"""Run the shared pipeline over all articles at once, reusing cached parses.

Articles not in the cache are parsed with one `nlp.pipe`; on several cores with spaCy's
`n_process`, each worker a forked copy of the loaded pipeline (one model per process, nothing
loaded again). A worker sends its Docs back as bytes, which keep every annotation (sentence
starts, span groups), so the Docs are the same as one process gives. Starting the workers and
sending the Docs back costs about 0.3 s, so a few short articles are parsed in this process
(`parse_processes`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Article
from .cache import DocCache, docs_from_bytes

LOGGER = logging.getLogger(__name__)

HEADINGS = "consilience_headings"

PARALLEL_MIN_CHARS = 40_000
"""Less text than this to parse is parsed in one process: the workers' start would cost more
than they save (measured in benchmarks/throughput.py; about 1.3 s of parsing on one core)."""
BATCHES_PER_PROCESS = 4
"""Each worker gets at least this many batches, so that one long batch does not leave the other
workers idle at the end."""


@dataclass(frozen=True, slots=True)
class Annotated:
    docs: list[Doc]
    cached: int
    parsed: int


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def allowed_processes(jobs: int) -> int:
    """The processes `jobs` asks for (0: one per core); one in a process that may not start
    others (a daemon, such as a Dask worker)."""
    if multiprocessing.current_process().daemon:
        return 1
    return jobs if jobs > 0 else available_cores()


def parse_processes(jobs: int, texts: Sequence[str], min_chars: int | None = None) -> int:
    """How many processes parse `texts`: `allowed_processes(jobs)`, at most one per text, and
    one when there is less than `min_chars` (default PARALLEL_MIN_CHARS) of text."""
    wanted = allowed_processes(jobs)
    threshold = PARALLEL_MIN_CHARS if min_chars is None else min_chars
    if wanted <= 1 or len(texts) < 2 or sum(len(text) for text in texts) < threshold:
        return 1
    return min(wanted, len(texts))


def process_batch_size(count: int, batch_size: int, processes: int) -> int:
    """Texts per batch when `count` texts are parsed in `processes` processes: `batch_size`,
    or less so that each worker gets BATCHES_PER_PROCESS batches."""
    if processes <= 1:
        return batch_size
    return max(1, min(batch_size, -(-count // (processes * BATCHES_PER_PROCESS))))


def _parse(nlp: Language, texts: list[str], batch_size: int, processes: int) -> Iterator[Doc]:
    if processes <= 1:
        return nlp.pipe(texts, batch_size=batch_size)
    LOGGER.info("parsing %d article(s) in %d processes", len(texts), processes)
    return nlp.pipe(texts, batch_size=process_batch_size(len(texts), batch_size, processes),
                    n_process=processes)


def _mark_headings(doc: Doc, article: Article) -> None:
    spans = [doc.char_span(start, end, alignment_mode="expand")
             for start, end in article.headings]
    doc.spans[HEADINGS] = [span for span in spans if span is not None]


def annotate(
    articles: Sequence[Article],
    nlp: Language,
    cache: DocCache | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
    min_chars: int | None = None,
) -> Annotated:
    """One Doc per article, in order: cached ones loaded, the rest parsed with one `nlp.pipe`
    in `jobs` processes (0: one per core; see `parse_processes`, which also takes
    `min_chars`). The Docs are the same whatever the number of processes."""
    if cache is not None:
        keys = DocCache.keys(nlp, (article.text for article in articles))
        found = cache.get_many(nlp, keys)
        docs: list[Doc | None] = [found.get(key) for key in keys]
    else:
        keys, docs = [""] * len(articles), [None] * len(articles)
    missing = [index for index, doc in enumerate(docs) if doc is None]
    if progress is not None and len(missing) < len(docs):
        progress(len(docs) - len(missing))
    parsed: list[tuple[str, Doc]] = []
    texts = [articles[index].text for index in missing]
    processes = parse_processes(jobs, texts, min_chars)
    with docs_from_bytes():  # the workers' Docs come back as bytes
        for index, doc in zip(missing, _parse(nlp, texts, batch_size, processes), strict=True):
            docs[index] = doc
            parsed.append((keys[index], doc))
            if progress is not None:
                progress(1)
    if cache is not None and parsed:
        cache.put_many(parsed)
    complete = [doc for doc in docs if doc is not None]
    for doc, article in zip(complete, articles, strict=True):
        _mark_headings(doc, article)
    LOGGER.info("annotated %d article(s): %d from cache, %d parsed",
                len(complete), len(complete) - len(parsed), len(parsed))
    return Annotated(complete, len(complete) - len(parsed), len(parsed))
