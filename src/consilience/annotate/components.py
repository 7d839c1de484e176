"""spaCy components of consilience (names prefixed `consilience_`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPHS = "consilience_paragraphs"


@Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, so a heading or a short line never runs
    into the next paragraph's first sentence. Runs before the parser, which respects it."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
