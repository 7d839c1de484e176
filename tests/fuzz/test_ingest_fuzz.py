"""Readers on hostile files: every file gives articles or coded problems, never an exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from .budget import examples
from .stages import read_files
from .strategies import SUFFIXES, input_file


@examples(120)
@given(st.lists(input_file(), min_size=1, max_size=3))
def test_any_file_gives_articles_or_coded_problems(files):
    read_files(files)


@examples(30)
@given(st.sampled_from(SUFFIXES), st.binary(max_size=2000))
def test_random_bytes_under_every_extension(suffix, data):
    read_files([(suffix, data)])
