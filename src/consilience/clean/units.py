"""Split an article's text into units (paragraphs), undoing Markdown markup and hard wraps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .emphasis import strip_all_emphasis

# The heading's text is taken whole and its closing #s stripped after (see _heading): as
# "(.*?)\s*#*\s*$", each character the lazy group takes rescans the white space after it.
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
# Link and image texts hold no bracket, destinations no bracket (images) or "<" (links), and
# an autolink no "<" (as in CommonMark): each such part then ends where the next one can
# start, so a run of unclosed "![a](" or "[" is read once, not once from each of its starts.
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^)\[\]]*\)")
_MD_LINK = re.compile(
    r"(?<!!)\[([^\[\]]+)\]\((?:[^()\s]+|<[^<>]*>)(?:\s+\"[^\"]*\")?\)")
_MD_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_BULLET = re.compile(r"^\s*(?:[-*+•·▪►]|\d{1,3}[.)])\s+")
_BLOCKQUOTE = re.compile(r"^\s*>\s?")
_RULE = re.compile(r"^\s*([-*_=])(?:\s*\1){2,}\s*$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_TERMINAL = tuple(".!?…:;\"”’')]")
OPENING_MARKS = "\"“‘'([«"
_MIN_WIDTH = 50  # text is wrapped at 60 to 80 characters; shorter lines are headlines or lists
_URL_LINE = re.compile(r"^\s*<?(?:https?://|www\.)\S+>?\s*$")
_JOINING_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "with",
    "by", "from", "as", "that", "which", "who", "whose", "than", "into", "onto", "over",
    "under", "about", "after", "before", "between", "its", "their", "his", "her", "our", "your",
))


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph-like piece of the source, with the line it starts on."""

    text: str
    line: int
    heading_level: int = 0
    bullet: bool = False
    image: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


def _strip_inline_markdown(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    # Underscores inside a word (snake_case, @user_name) are not emphasis, as in CommonMark.
    text = strip_all_emphasis(text)
    return text.replace("\\*", "*").replace("\\_", "_").replace("\\#", "#")


def _heading(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line ("## Title ##"), else None."""
    match = _MD_HEADING.match(line)
    if match is None:
        return None
    return len(match.group(1)), match.group(2).rstrip().rstrip("#").rstrip()


def _markdown_line(raw: str) -> tuple[str, int, bool]:
    """(text, heading level, is image) of one Markdown line."""
    heading = _heading(raw)
    if heading:
        return _strip_inline_markdown(heading[1]), heading[0], False
    if _MD_IMAGE.search(raw) and not _MD_IMAGE.sub("", raw).strip():
        alt = " ".join(match.group(1) for match in _MD_IMAGE.finditer(raw)).strip()
        return alt or raw.strip(), 0, True
    return _strip_inline_markdown(_MD_IMAGE.sub("", raw)), 0, False


def _first_word(line: str) -> str:
    words = line.split()
    return words[0] if words else ""


def _continues(line: str, following: str) -> bool:
    """The break falls inside a sentence: the line stops on a comma or joining word, or the
    next line starts in lower case."""
    last = line.rstrip().rsplit(maxsplit=1)[-1].casefold()
    return (last.endswith((",", "-", "–", "—")) or last in _JOINING_WORDS
            or following.lstrip()[:1].islower())


def title_cased(text: str) -> bool:
    """Most words longer than three letters are capitalised, as in a headline ('Minister Quits
    Over Budget Row in the U.K.'); a sentence capitalises only names."""
    words = [word.lstrip(OPENING_MARKS) for word in text.split()]
    words = [word for word in words if word[:1].isalpha() and len(word) > 3]
    return len(words) >= 2 and sum(word[:1].isupper() for word in words) >= 0.75 * len(words)


def _next_word_overflows(line: str, following: str, width: int) -> bool:
    """A greedy wrap at `width` would have broken the line here: the next word did not fit."""
    return line.endswith("-") or len(line) + 1 + len(_first_word(following)) > width


def _wrap_width(lines: list[str], candidates: list[int]) -> int | None:
    """The width the lines were wrapped at. A line broken mid-sentence by a greedy wrap at
    width W is at most W long and would pass W with the next word: it allows the widths from
    its length to its length plus that word. The width most such lines allow, if at least two
    do, is the one; a title or a lone long line allows no width the others share."""
    ranges = [(len(lines[index]), len(lines[index]) + len(_first_word(lines[index + 1])))
              for index in candidates if not lines[index].endswith(_TERMINAL)]
    if len(ranges) < 2:
        return None
    # The count only changes at the ends of the ranges, so trying those widths finds the same
    # answer as trying every width up to the highest end (which a line followed by one
    # enormous word, a 200,000-character URL, can push out of reach).
    highest = max(high for _, high in ranges)
    widths = sorted({_MIN_WIDTH, *(end for pair in ranges for end in pair
                                   if _MIN_WIDTH <= end <= highest)})
    best, best_count = None, 1
    for width in widths:
        count = sum(low <= width <= high for low, high in ranges)
        if count >= best_count and count >= 2:
            best, best_count = width, count
    return best


def _soft_breaks(lines: list[str], alone: list[bool]) -> list[bool]:
    """For each break between two lines, whether it was made by wrapping at a fixed width.

    A greedy wrap at width W breaks a line only where the next word would not fit, so a break
    is soft when the line could not have taken the next line's first word; a shorter line
    ends its paragraph, a longer one (a title above the text) was not wrapped at W. Where no
    width shows, a break is soft only where the sentence visibly runs on over it."""
    count = len(lines)
    candidates = [index for index in range(count - 1)
                  if not alone[index] and not alone[index + 1] and 40 <= len(lines[index]) <= 100]
    width = _wrap_width(lines, candidates)
    if width is not None:
        return [index in candidates and len(lines[index]) <= width
                and _next_word_overflows(lines[index], lines[index + 1], width)
                for index in range(count - 1)]
    return [index in candidates and _continues(lines[index], lines[index + 1])
            and (lines[index + 1][:1].islower() or not title_cased(lines[index]))
            for index in range(count - 1)]


def _standing_alone(lines: list[str], markdown: bool) -> list[bool]:
    """Lines that are never part of a wrapped paragraph: list items, links on their own,
    Markdown headings and images. A line that only looks like a list item ('- Air China, ...',
    '4. Analysts ...') right after an unfinished line of running text may be where a wrap put
    a dash or a number: the width decides."""
    alone = []
    for index, line in enumerate(lines):
        if _BULLET.match(line):
            previous = lines[index - 1] if index else ""
            alone.append(not previous or bool(_BULLET.match(previous))
                         or previous.endswith(_TERMINAL))
        else:
            alone.append(bool(_URL_LINE.match(line)) or (markdown and bool(
                _heading(line) is not None
                or (_MD_IMAGE.search(line) and not _MD_IMAGE.sub("", line).strip()))))
    return alone


def _without_comments(text: str) -> str:
    """HTML comments removed, keeping their line breaks. Only up to the last "-->": past it,
    "<!--.*?-->" would scan to the end from every "<!--" and never match."""
    end = text.rfind("-->") + 3
    if end < 3:
        return text
    return _HTML_COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), text[:end]) \
        + text[end:]


def split_units(text: str, markdown: bool = False) -> list[Unit]:
    """Units in reading order. Blank lines separate blocks; within a block, lines wrapped at a
    fixed width are joined into one unit and every other line is one. Markdown markup is
    removed, headings and images noted."""
    if markdown:
        text = _without_comments(text)
    units: list[Unit] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        if markdown:
            block[:] = [(number, _BLOCKQUOTE.sub("", line)) for number, line in block]
        lines = [_SPACES.sub(" ", line).strip() for _, line in block]
        soft = _soft_breaks(lines, _standing_alone(lines, markdown))
        first = 0
        for index in range(len(block)):
            if index < len(soft) and soft[index]:
                continue
            if index == first:
                units.append(_unit_from_line(block[first][1], block[first][0], markdown))
            else:
                joined = " ".join(lines[first:index + 1])
                text = _strip_inline_markdown(_MD_IMAGE.sub("", joined)) if markdown else joined
                units.append(Unit(_SPACES.sub(" ", text).strip(), block[first][0]))
            first = index + 1
        block.clear()

    raw_lines = text.split("\n")
    for number, raw in enumerate(raw_lines, start=1):
        setext = markdown and bool(block) and bool(_MD_SETEXT.match(raw))
        if not raw.strip() or (_RULE.match(raw) and not setext):
            flush()
            continue
        if setext:
            last_number, last_line = block.pop()
            flush()
            level = 1 if raw.strip().startswith("=") else 2
            units.append(Unit(_strip_inline_markdown(last_line.strip()), last_number, level))
            continue
        block.append((number, raw))
    flush()
    return [unit for unit in units if unit.text]


def _unit_from_line(line: str, number: int, markdown: bool) -> Unit:
    bullet = bool(_BULLET.match(line))
    body = _BULLET.sub("", line, count=1) if bullet else line
    level, image = 0, False
    if markdown:
        body = _BLOCKQUOTE.sub("", body)
        body, level, image = _markdown_line(body)
    return Unit(_SPACES.sub(" ", body).strip(), number, level, bullet, image)
