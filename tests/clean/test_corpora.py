"""The cleaner on third-party news corpora: it must not lose real sentences.

Each corpus is read by a small reader here (../shared/data/load_examples.py only documents the
formats). The cleaner joins wrapped lines, collapses white space and strips list markers, so
comparisons are made on normalised text:

* PolNeAR: a gold attribution Content span counts as kept when, with every run of white space
  collapsed to one space, it is a substring of the clean text (collapsed the same way) or of
  the recovered title (a title line leaves the text but is kept as `article.title`).
* MEANTIME and ECB+ are tokenised: a sentence counts as kept when its tokens, joined without
  any white space, are a substring of the clean text with all white space removed, after a
  leading list marker ('-', '3 .') is dropped from the sentence, as the cleaner drops it. A
  sentence removed as the title or a dateline is kept as metadata when it equals the recovered
  title, or parses to the recovered date. Once text is hard-wrapped, a dash that a wrap put at
  the start of a line reads as a list marker, so there only the words are compared.
* A few corpus lines are page furniture; they are listed in KNOWN_BOILERPLATE after reading
  them, and must be removed (so the list cannot go stale).
"""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from consilience.clean import clean_article, parse_dateline
from consilience.models import Article, RawArticle

pytestmark = pytest.mark.corpus

_SPACE = re.compile(r"\s+")
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'", "’s"})
_MARKER = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])$")
_URL_START = ("http", "https", "www")
MIN_TOKENS = 6
_NOT_WORD = re.compile(r"\W+")
# (document, start of the line): lines of the corpora that are not article text.
KNOWN_BOILERPLATE = {
    ("37_7ecbplus.xml", "More from GlobalPost"),  # a related-article link
}


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def clean(text: str, source: str) -> Article:
    return clean_article(RawArticle(source=source, text=text, format="text"), "doc")


# --- PolNeAR --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PolnearArticle:
    path: Path
    contents: tuple[str, ...]


def content_spans(ann: Path) -> Iterator[str]:
    """Column 3 of the continuous Content T-lines of one brat file."""
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 3 or not fields[0].startswith("T"):
            continue
        label, _, offsets = fields[1].partition(" ")
        if label == "Content" and ";" not in offsets and fields[2].strip():
            yield fields[2]


def polnear_articles(root: Path) -> list[PolnearArticle]:
    articles = []
    for split in ("train", "dev", "test"):
        for path in sorted((root / "data" / split / "text").glob("*.txt")):
            anns = sorted((root / "data" / split / "attributions").glob(f"{path.stem}_*.ann"))
            spans = tuple(dict.fromkeys(span for ann in anns for span in content_spans(ann)))
            articles.append(PolnearArticle(path, spans))
    return articles


@pytest.fixture(scope="module")
def polnear(shared_data: Path) -> list[PolnearArticle]:
    root = shared_data / "polnear"
    if not root.is_dir():
        pytest.skip("PolNeAR is not present")
    return polnear_articles(root)


def test_polnear_attributed_content_survives(polnear):
    assert len(polnear) > 300
    checked, lost = 0, []
    for item in polnear:
        article = clean(item.path.read_text(encoding="utf-8"), str(item.path))
        kept = collapse(article.text), collapse(article.title or "")
        for span in item.contents:
            checked += 1
            if not any(collapse(span) in text for text in kept):
                lost.append((item.path.name, span[:100]))
    assert checked > 10_000
    assert lost == []


def test_polnear_removes_little_and_no_running_text(polnear):
    """Article texts with hardly any page furniture: the cleaner should hardly touch them,
    and what it removes is short (labels, credits, notices), never a paragraph of text."""
    removed, paragraphs = [], 0
    for item in polnear:
        text = item.path.read_text(encoding="utf-8")
        removed += clean(text, str(item.path)).removed
        paragraphs += sum(1 for block in text.split("\n\n") if block.strip())
    assert len(removed) < 0.005 * paragraphs
    assert [line.text for line in removed if len(line.text.split()) > 30] == []


# --- tokenised corpora: MEANTIME, ECB+ -----------------------------------------------------

def detokenise(tokens: list[str]) -> str:
    """Plain text from tokens: no space before closing punctuation, none inside numbers and
    times split by the tokeniser ('6 . 1' is 6.1, '8 : 24' is 8:24); URLs glued back."""
    if tokens and tokens[0].lower() in _URL_START:
        return "".join(tokens)
    out: list[str] = []
    for token in tokens:
        in_number = (len(out) >= 2 and out[-1] in (".", ":") and out[-2][-1:].isdigit()
                     and token[:1].isdigit())
        glued = (token in _NO_SPACE_BEFORE or token == "/" or in_number
                 or (bool(out) and out[-1] in ("(", "$", "/")))
        if out and not glued:
            out.append(" ")
        out.append(token)
    return "".join(out)


def meantime_documents(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """(document, sentences as token lists) from the CoNLL file."""
    documents: OrderedDict[str, OrderedDict[int, list[str]]] = OrderedDict()
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#begin document"):
            current = line.split()[2].rstrip(";").strip("()")
            documents[current] = OrderedDict()
            continue
        if line.startswith("#end") or not line.strip() or current is None:
            continue
        _doc, sentence, _index, token = line.split("\t")[:4]
        documents[current].setdefault(int(sentence), []).append(token)
    for name, sentences in documents.items():
        yield name, [tokens for _, tokens in sorted(sentences.items())]


def ecb_documents(root: Path) -> Iterator[tuple[str, list[list[str]]]]:
    for path in sorted(root.glob("*/*.xml")):
        sentences: OrderedDict[int, list[str]] = OrderedDict()
        for token in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
        yield path.name, [tokens for _, tokens in sorted(sentences.items())]


def _without_marker(tokens: list[str]) -> list[str]:
    if len(tokens) > 1 and _MARKER.match(tokens[0]):
        return tokens[1:]
    if len(tokens) > 2 and tokens[0].isdigit() and tokens[1] in (".", ")"):
        return tokens[2:]
    return tokens


def _kept_as_metadata(sentence: str, article: Article) -> bool:
    for line in article.removed:
        if squeeze(line.text) != squeeze(sentence):
            continue
        if line.reason == "title":
            return article.title == line.text
        if line.reason == "dateline":
            dateline = parse_dateline(line.text)
            return dateline is not None and dateline.value in (article.published, article.updated)
    return False


def words(text: str) -> str:
    return _NOT_WORD.sub("", text)


def _known_boilerplate(name: str, sentence: str, article: Article) -> bool:
    for document, start in KNOWN_BOILERPLATE:
        if document == name and sentence.startswith(start):
            assert any(line.text.startswith(start) for line in article.removed), (name, start)
            return True
    return False


def lost_sentences(documents, wrap: int | None = None) -> tuple[int, list[tuple[str, str]]]:
    """Check every body sentence of every document (the first sentence, a title or a link, is
    left out; so are links). With `wrap`, paragraphs are hard-wrapped at that width first."""
    checked, lost = 0, []
    compare = words if wrap else squeeze
    for name, sentences in documents:
        paragraphs = [detokenise(tokens) for tokens in sentences]
        if wrap:
            paragraphs = [textwrap.fill(paragraph, wrap, break_long_words=False,
                                        break_on_hyphens=False) for paragraph in paragraphs]
        article = clean("\n\n".join(paragraphs), name)
        text = compare(article.text)
        for tokens in sentences[1:]:
            if len(tokens) < MIN_TOKENS or tokens[0].lower() in _URL_START:
                continue
            checked += 1
            if compare("".join(_without_marker(tokens))) in text:
                continue
            sentence = detokenise(tokens)
            if _known_boilerplate(name, sentence, article):
                continue
            if not wrap and _kept_as_metadata(sentence, article):
                continue
            lost.append((name, " ".join(tokens)[:100]))
    return checked, lost


@pytest.fixture(scope="module")
def meantime(shared_data: Path) -> list[tuple[str, list[list[str]]]]:
    path = shared_data / "meantime" / "output_data" / "en" / "meantime.conll"
    if not path.is_file():
        pytest.skip("MEANTIME is not present")
    return list(meantime_documents(path))


@pytest.fixture(scope="module")
def ecb(shared_data: Path) -> list[tuple[str, list[list[str]]]]:
    root = shared_data / "ecb-plus" / "ECB+"
    if not root.is_dir():
        pytest.skip("ECB+ is not present")
    return list(ecb_documents(root))


def test_meantime_body_sentences_survive(meantime):
    assert len(meantime) == 120
    checked, lost = lost_sentences(meantime)
    assert checked > 1000
    assert lost == []


def test_meantime_title_and_date_are_recovered(meantime):
    for name, sentences in meantime:
        article = clean("\n\n".join(detokenise(tokens) for tokens in sentences), name)
        assert squeeze(article.title or "") == squeeze("".join(sentences[0])), name
        assert article.published is not None and article.published[:2] in ("19", "20"), name


def test_meantime_hard_wrapped_sentences_survive_and_are_joined(meantime):
    checked, lost = lost_sentences(meantime, wrap=72)
    assert checked > 1000
    assert lost == []
    # a wrapped paragraph comes back as one paragraph, not as its lines
    name, sentences = next((name, sentences) for name, sentences in meantime
                           if any(len(detokenise(tokens)) > 150 for tokens in sentences))
    long = next(detokenise(tokens) for tokens in sentences if len(detokenise(tokens)) > 150)
    wrapped = "\n\n".join(textwrap.fill(detokenise(tokens), 72) for tokens in sentences)
    assert long in clean(wrapped, name).text.split("\n\n")


def test_ecb_body_sentences_survive(ecb):
    assert len(ecb) > 900
    checked, lost = lost_sentences(ecb)
    assert checked > 10_000
    assert lost == []
