"""The shared `shorten`: one line, at most `limit` characters, an ellipsis when cut."""

from __future__ import annotations

from consilience.render.text import shorten as render_shorten
from consilience.text import shorten


def test_short_text_is_kept_on_one_line():
    assert shorten("two\n  words", 20) == "two words"


def test_long_text_is_cut_with_an_ellipsis():
    cut = shorten("a sentence that is far too long for its label", 12)
    assert len(cut) <= 12 and cut.endswith("…")


def test_render_keeps_using_the_shared_helper():
    assert render_shorten is shorten
