"""Provenance: who said it (quotes and speakers), who reported it (citations) and who copied
whom (near-duplicate passages); how many independent origins each fact rests on."""

from .citations import find_citations
from .copies import find_copies
from .independence import with_independence
from .matching import link_quotes
from .quotations import find_quotations
from .quotes import find_quotes

__all__ = [
    "find_citations",
    "find_copies",
    "find_quotations",
    "find_quotes",
    "link_quotes",
    "with_independence",
]
