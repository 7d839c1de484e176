"""Claims: atomic statements read off each sentence, and their alignment into story facts.

`clauses` reads the claims the `consilience_claims` spaCy component marked, `sentences`
gives the sentence each belongs to (clause fragments joined), `reading`
and `statuses` read their slots off the parse, `quantities` normalises their numbers,
`records` builds Claim records, `align` groups claims of different articles that state the
same thing and `facts` makes those groups story facts.
"""

from .align import AlignConfig, ClaimSpace, align_claims, claim_features, comparable_groups
from .clauses import CLAIMS, SPANS_KEY, mark_claims
from .facts import build_facts
from .quantities import find_quantities, format_quantity, quantity_key
from .records import article_claims, story_claims
from .sentence_space import SentenceSpace

__all__ = [
    "CLAIMS",
    "SPANS_KEY",
    "AlignConfig",
    "ClaimSpace",
    "SentenceSpace",
    "align_claims",
    "article_claims",
    "build_facts",
    "claim_features",
    "comparable_groups",
    "find_quantities",
    "format_quantity",
    "mark_claims",
    "quantity_key",
    "story_claims",
]
