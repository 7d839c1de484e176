"""The claims of a parsed article, as the pipeline marked them.

Splitting sentences into claims at clause boundaries is single-article NLP: it runs as the
`consilience_claims` spaCy component of the shared pipeline (annotate stage), which puts every
claim in `doc.spans["consilience_claims"]`, and the annotation cache keeps them with the Doc.
The claims stage reads that span group. It is found by its name, not imported, so that this
stage does not depend on another one: the span-group key, like spaCy's own `doc.ents`, is the
contract between the two.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

CLAIMS = "consilience_claims"
"""The component's name in the pipeline."""
SPANS_KEY = "consilience_claims"
"""The span group that holds the claims."""


def mark_claims(doc: Doc) -> Doc:
    """Run the `consilience_claims` component on `doc` again (a Doc made by a pipeline without
    it has no claim spans; one made with it gets them replaced by the same ones).

    The component is looked up in spaCy's registry, where loading consilience's pipeline
    registered it."""
    if not Language.has_factory(CLAIMS):
        raise ValueError(f"no spaCy component '{CLAIMS}' is registered: load consilience's "
                         "pipeline (consilience.annotate.load_pipeline) first")
    component = registry.factories.get(CLAIMS)(None, CLAIMS)
    return component(doc)
