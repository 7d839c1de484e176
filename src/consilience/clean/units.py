"""Split an article's text into units (paragraphs), undoing Markdown markup and hard wraps."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\((?:[^()\s]+|<[^>]*>)(?:\s+\"[^\"]*\")?\)")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_BULLET = re.compile(r"^\s*(?:[-*+•·▪►]|\d{1,3}[.)])\s+")
_BLOCKQUOTE = re.compile(r"^\s*>\s?")
_RULE = re.compile(r"^\s*([-*_=])(?:\s*\1){2,}\s*$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_TERMINAL = tuple(".!?…:;\"”’')]")


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
    previous = None
    while previous != text:
        previous, text = text, _MD_EMPHASIS.sub(r"\2", text)
    return text.replace("\\*", "*").replace("\\_", "_").replace("\\#", "#")


def _markdown_line(raw: str) -> tuple[str, int, bool]:
    """(text, heading level, is image) of one Markdown line."""
    heading = _MD_HEADING.match(raw)
    if heading:
        return _strip_inline_markdown(heading.group(2)), len(heading.group(1)), False
    if _MD_IMAGE.search(raw) and not _MD_IMAGE.sub("", raw).strip():
        alt = " ".join(match.group(1) for match in _MD_IMAGE.finditer(raw)).strip()
        return alt or raw.strip(), 0, True
    return _strip_inline_markdown(_MD_IMAGE.sub("", raw)), 0, False


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """A block whose lines were wrapped at a fixed width rather than one paragraph per line."""
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    if any(len(line) < 40 or len(line) > 100 for line in inner):
        return False
    if any(_BULLET.match(line) for line in lines):
        return False
    return any(not line.rstrip().endswith(_TERMINAL) for line in inner)


def split_units(text: str, markdown: bool = False) -> list[Unit]:
    """Units in reading order. Blank lines separate blocks; a hard-wrapped block becomes one
    unit, otherwise each line is one. Markdown markup is removed, headings and images noted."""
    if markdown:
        text = _HTML_COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    units: list[Unit] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        lines = [line for _, line in block]
        if _looks_hard_wrapped(lines):
            joined = " ".join(line.strip() for line in lines)
            units.append(Unit(_SPACES.sub(" ", joined).strip(), block[0][0]))
        else:
            for number, line in block:
                units.append(_unit_from_line(line, number, markdown))
        block.clear()

    raw_lines = text.split("\n")
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip() or (_RULE.match(raw) and not (markdown and _MD_SETEXT.match(raw))):
            flush()
            continue
        if markdown and _MD_SETEXT.match(raw) and block:
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
