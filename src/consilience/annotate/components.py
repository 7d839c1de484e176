"""consilience's spaCy components (names prefixed `consilience_`) and where the loader puts
them in the pipeline.

- `consilience_paragraphs` (here): a paragraph break starts a sentence; before the parser,
  which respects it.
- `consilience_claims` (`clauses`): each sentence's claims, split at clause boundaries, in
  `doc.spans["consilience_claims"]`; after every component of the model, as it reads the
  parse and the coarse part-of-speech tags (set by the attribute ruler).

Their results are on the Doc (sentence starts, span groups), so a Doc from the annotation
cache carries them: `Doc.to_bytes` keeps span groups, and the cache key covers the pipe names.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .clauses import CLAIMS

PARAGRAPHS = "consilience_paragraphs"


@Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, so a heading or a short line never runs
    into the next paragraph's first sentence. Runs before the parser, which respects it."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def add_components(nlp: Language) -> None:
    """Add consilience's components to `nlp` (once): paragraphs before the parser (first when
    there is none), claims last."""
    if PARAGRAPHS not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        else:
            nlp.add_pipe(PARAGRAPHS, first=True)
    if CLAIMS not in nlp.pipe_names:
        nlp.add_pipe(CLAIMS, last=True)
