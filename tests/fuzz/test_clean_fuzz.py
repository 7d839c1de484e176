"""Cleaning hostile raw articles: a clean Article or a coded problem, never an exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from .budget import examples
from .stages import clean
from .strategies import enormous_line, raw_article


@examples(150)
@given(st.lists(raw_article(), min_size=1, max_size=3))
def test_clean_all_gives_clean_articles_or_problems(raws):
    clean(raws)


@examples(8)
@given(raw_article(text=enormous_line()))
def test_enormous_lines_are_cleaned(raw):
    clean([raw])
