"""The patterns rewritten against catastrophic backtracking: each adversarial input that took
seconds to hours before (see benchmarks/regex_backtracking.py) runs once here and gives the
answer the old pattern gave. No timings are asserted; a regression shows as a hung test.

The rewritten emphasis stripper and wrap-width search are also compared with the originals
(regex and brute force) on generated inputs.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consilience.clean import boilerplate, cleaner, units
from consilience.clean.emphasis import strip_emphasis
from consilience.ingest import feeds, html, warc
from consilience.lang import sentences
from consilience.resolve import anaphora, names

from .budget import examples

N = 50_000  # the old patterns took from seconds (quadratic) to forever (exponential) at this size

# The original emphasis pattern, the oracle for clean/emphasis.py.
EMPHASIS = re.compile(
    r"(\*\*|\*|~~|`)(?=\S)(.+?)(?<=\S)\1|(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)"
)


def regex_emphasis(text: str) -> str:
    return EMPHASIS.sub(lambda match: match.group(2) if match.group(1) else match.group(4),
                        text)


@examples(300)
@given(st.text(st.sampled_from("*_~` ab1é.\n\t-"), max_size=40))
def test_emphasis_scanner_matches_the_regex(text):
    assert strip_emphasis(text) == regex_emphasis(text)


@pytest.mark.parametrize("text", [
    "**bold** and *it* and ~~gone~~ and `code` and __b__ and _i_",
    "*a * b*", "**a *b* c**", "snake_case_name and _x_y_", "a*b*c", "* not *", "`a``b`",
    "_a_b_", "__init__.py", "*x\ny*", "**", "***a***", "~~ a~~ ~~b ~~",
])
def test_emphasis_scanner_on_known_cases(text):
    assert strip_emphasis(text) == regex_emphasis(text)


def brute_force_width(lines: list[str], candidates: list[int]) -> int | None:
    """units._wrap_width as it was: every width from the minimum to the highest end."""
    ranges = [(len(lines[index]), len(lines[index]) + len(units._first_word(lines[index + 1])))
              for index in candidates if not lines[index].endswith(units._TERMINAL)]
    if len(ranges) < 2:
        return None
    best, best_count = None, 1
    for width in range(units._MIN_WIDTH, max(high for _, high in ranges) + 1):
        count = sum(low <= width <= high for low, high in ranges)
        if count >= best_count and count >= 2:
            best, best_count = width, count
    return best


@examples(200)
@given(st.lists(st.tuples(st.integers(30, 110), st.integers(0, 150), st.booleans()),
                min_size=2, max_size=8))
def test_wrap_width_search_matches_brute_force(shape):
    lines = ["x" * length + ("." if stop else "") + (" " + "y" * word if word else "")
             for length, word, stop in shape]
    candidates = list(range(len(lines) - 1))
    assert units._wrap_width(lines, candidates) == brute_force_width(lines, candidates)


def test_wrap_width_with_an_enormous_next_word():
    """Lines of 63 characters, each followed by a 4-letter word, then one 200,000 long: all
    300 ranges share 63-67, the last also reaches 200,063 (tried width by width before)."""
    lines = ["word " * 12 + "and"] * 300 + ["A" * 200_000]
    assert units._wrap_width(lines, list(range(len(lines) - 1))) == 67


ADVERSARIAL = [
    # (what, call, expected): the old pattern's answer on the same input.
    ("sentence boundaries in a run of dots", lambda: len(list(
        sentences._BOUNDARY.finditer("." * N + "x"))), 0),
    ("copyright holder: 'Copyright' and capitals", lambda: bool(
        boilerplate._COPYRIGHT_HOLDER.match("Copyright " + "A" * N + "!")), False),
    ("XML prolog of unclosed processing instructions", lambda: feeds.xml_root(
        "<?a?>" * 4000 + "!"), None),
    ("markup: tags that never close", lambda: feeds.has_markup("<a" * N), False),
    ("HTML tags that never close", lambda: html.looks_like_html("<p" * N), False),
    ("meta charset after white space", lambda: warc._META_CHARSET.search(
        b"<meta charset=" + b" " * N + b"!"), None),
    ("trailing place after white space", lambda: names._TRAILING_PLACE.sub(
        "", "A" + " " * N + "x"), "A" + " " * N + "x"),
    ("nickname after white space", lambda: names._NICKNAME.sub("", " " * N + "x"),
     " " * N + "x"),
    ("brackets padded with white space", lambda: names._NICKNAME.sub(
        "", "A (" + " " * N + "x) Ortiz"), "A Ortiz"),
    ("brackets padded past 30 characters", lambda: names._NICKNAME.sub(
        "", "A (" + " " * N + "x" * 31 + ") Ortiz"), "A (" + " " * N + "x" * 31 + ") Ortiz"),
    ("brackets of white space only", lambda: names._NICKNAME.sub("", "A (" + " " * N + ") B"),
     "A B"),
    ("name end after white space", lambda: names._NAME_END.split(" " * N + "x"),
     [" " * N + "x"]),
    ("relative pronoun gap of spaces", lambda: bool(anaphora._RELATIVE_GAP.match(
        " " * N + "x")), False),
    ("Markdown heading with a long gap", lambda: units._heading("# a" + " " * N + "b"),
     (1, "a" + " " * N + "b")),
    ("Markdown images that never close", lambda: units._MD_IMAGE.search("![a](" * 10_000),
     None),
    ("Markdown links that never close", lambda: units._MD_LINK.sub("", "[" * N), "[" * N),
    ("autolinks that never close", lambda: units._MD_AUTOLINK.sub("", "<http://a" * 5000),
     "<http://a" * 5000),
    ("HTML comments that never close", lambda: units._without_comments("<!--" * 10_000),
     "<!--" * 10_000),
    ("emphasis that never closes", lambda: strip_emphasis("~~a " * 10_000), "~~a " * 10_000),
    ("an initialism as long as a page", lambda: cleaner._ends_clause("A." * N + "!"), True),
    ("a field separator after white space", lambda: boilerplate._FIELD_SEPARATOR.split(
        "By" + "\u2028" * N + "x"), ["By" + "\u2028" * N + "x"]),
    ("caption credit followed by white space", lambda: boilerplate._CAPTION_SUFFIX.search(
        "(Reuters" + "\u2028" * N + "x"), None),
    ("byline label followed by white space", lambda: boilerplate._BYLINE.match(
        "By" + "\u2028" * N + "!"), None),
]


@pytest.mark.parametrize(("what", "call", "expected"), ADVERSARIAL,
                         ids=[case[0] for case in ADVERSARIAL])
def test_adversarial_input_finishes_with_the_old_answer(what, call, expected):
    assert call() == expected, what
