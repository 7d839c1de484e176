"""Sentence vectors: what a sentence means, as one unit vector, so that two outlets' different
words for one fact ("resigned from Congress" / "is stepping down from the House") come out
close.

The model is WordLlama's `l2_supercat` (256 dimensions): static token embeddings distilled
from a large language model's input layer and trained for sentence similarity, mean-pooled
over the sentence's tokens. Its weights (16 MB) and tokenizer come inside the `wordllama`
wheel from PyPI; they are read from the installed package's own folder, so nothing is ever
downloaded (wordllama's own loader looks for the tokenizer in a folder the wheel does not
have, then goes to the network). Embedding is a table lookup and an average: about 30,000
sentences a second on one core, and the model loads in under half a second, once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .errors import Errors, VectorsNotFoundError

if TYPE_CHECKING:
    from wordllama.inference import WordLlamaInference

DIMENSIONS = 256
_WEIGHTS = Path("weights") / "l2_supercat_256.safetensors"
_TOKENIZER = Path("tokenizers") / "l2_supercat_tokenizer_config.json"


@lru_cache(maxsize=1)
def _model() -> WordLlamaInference:
    try:
        import wordllama
        from safetensors import safe_open
        from tokenizers import Tokenizer
        from wordllama.inference import WordLlamaInference
    except ImportError as error:
        raise VectorsNotFoundError(Errors.E202.format(detail=str(error))) from error
    folder = Path(wordllama.__file__).parent
    for part in (_WEIGHTS, _TOKENIZER):
        if not (folder / part).is_file():
            raise VectorsNotFoundError(Errors.E202.format(detail=f"no {folder / part}"))
    tokenizer = Tokenizer.from_file(str(folder / _TOKENIZER))
    with safe_open(str(folder / _WEIGHTS), framework="np", device="cpu") as weights:
        table = weights.get_tensor("embedding.weight")
    return WordLlamaInference(table, tokenizer)


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """One unit vector (float32, `DIMENSIONS` wide) per text, in order; a text without any
    token gets a zero vector."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_model().embed(list(texts), norm=False), dtype=np.float32)
    lengths = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, lengths, out=np.zeros_like(vectors), where=lengths > 0)
