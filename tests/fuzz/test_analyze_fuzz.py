"""The whole analysis on 1-3 hostile or mutated articles: a schema-valid story whose every span
is the slice it points at, or NothingToAnalyseError when no input was usable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from .budget import examples
from .stages import analysed
from .strategies import hostile_text, prose_article, raw_article


@examples(20)
@given(prose_article(), st.lists(raw_article(text=hostile_text()), max_size=2))
def test_analysis_of_hostile_articles_keeps_the_contract(schema, first, others):
    analysed([first, *others], schema, usable=True)


@examples(8)
@given(st.lists(raw_article(), min_size=1, max_size=3))
def test_analysis_of_noise_keeps_the_contract_or_refuses(schema, raws):
    analysed(raws, schema, usable=False)
