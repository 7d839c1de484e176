"""The spaCy pipeline on cleaned hostile text: one Doc per article over the very same text, and
mention spans that are slices of it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from .budget import examples
from .stages import annotated, annotated_with_cache
from .strategies import raw_article


@examples(40)
@given(st.lists(raw_article(), min_size=1, max_size=3))
def test_annotation_keeps_the_text_and_its_spans(nlp, raws):
    annotated(raws, nlp)


@examples(6)
@given(st.lists(raw_article(), min_size=1, max_size=2))
def test_cached_annotation_round_trips(nlp, raws):
    annotated_with_cache(raws, nlp)
