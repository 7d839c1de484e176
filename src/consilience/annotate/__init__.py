"""Annotate: one shared spaCy pipeline over all articles, with consilience's components (paragraph
breaks, claim clauses) and a cache of parsed Docs."""

from .annotator import HEADINGS, Annotated, annotate
from .cache import BytesDocCache, DocCache, default_cache_dir, pipeline_fingerprint
from .clauses import CLAIMS
from .components import PARAGRAPHS
from .mentions import NAME_LABELS, extract_mentions
from .model import PREFERRED_MODELS, choose_model, installed_models, load_pipeline, model_label

__all__ = [
    "CLAIMS",
    "HEADINGS",
    "NAME_LABELS",
    "PARAGRAPHS",
    "PREFERRED_MODELS",
    "Annotated",
    "BytesDocCache",
    "DocCache",
    "annotate",
    "choose_model",
    "default_cache_dir",
    "extract_mentions",
    "installed_models",
    "load_pipeline",
    "model_label",
    "pipeline_fingerprint",
]
