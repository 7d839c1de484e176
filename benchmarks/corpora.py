"""Readers for the third-party corpora under ../shared/data that the benchmarks evaluate on.

Stdlib only. Each reader rebuilds a document's text from the corpus tokens (tokens joined by
single spaces, sentences by "\\n") and records every token's character offsets, so a gold
mention's character span in the rebuilt text is exact. Corpus files are read in place: never
copy them into this repository (publishers' text, third-party licences).
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int  # character offsets into the rebuilt document text
    end: int
    sentence: int
    first: bool  # first token of its sentence


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One annotated mention: `chain` is its gold coreference chain (a cluster id)."""

    doc: str
    start: int
    end: int
    text: str
    chain: str
    kind: str  # the corpus's mention type (ECB+ element name, NewsWCL50 chain type)
    named: bool  # has a capitalised token that is not the first token of its sentence
    sentence: int = 0  # the corpus's number of the sentence the mention starts in

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc, self.start, self.end)


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    topic: str
    text: str
    mentions: tuple[GoldMention, ...]


@dataclass(slots=True)
class ReadStats:
    """What a reader left out, so a report can say so."""

    mentions: int = 0
    duplicate_spans: int = 0  # same (doc, start, end) as another mention: kept once
    conflicting_duplicates: int = 0  # ... of which the other one is in a different chain
    discontinuous: int = 0  # token anchors with a gap: the span covers the gap
    unclosed: int = 0  # NewsWCL50 brackets never closed


_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", "%", ")", "]", "}", "''", "'s", "'",
                              "n't", "'re", "'ve", "'ll", "'d", "'m", "’s"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``"})


def rebuild_text(sentences: Sequence[Sequence[str]], numbers: Sequence[int] | None = None,
                 detokenize: bool = False) -> tuple[str, list[list[Token]]]:
    """The text of `sentences` (lists of token strings) and its tokens with offsets; a token's
    `sentence` is `numbers[i]` (the corpus's sentence number) when given, else i. With
    `detokenize`, closer to written text: no space before "," "." ")" "'s" "n't" "%" and the
    like, nor after "(" "$" "``" ("July 24, 2003", not "July 24 , 2003")."""
    parts: list[str] = []
    tokens: list[list[Token]] = []
    offset = 0
    for number, words in enumerate(sentences):
        if number:
            parts.append("\n")
            offset += 1
        row: list[Token] = []
        for index, word in enumerate(words):
            if index and not (detokenize and (word in _NO_SPACE_BEFORE
                                              or words[index - 1] in _NO_SPACE_AFTER)):
                parts.append(" ")
                offset += 1
            parts.append(word)
            sentence = numbers[number] if numbers is not None else number
            row.append(Token(word, offset, offset + len(word), sentence, index == 0))
            offset += len(word)
        tokens.append(row)
    return "".join(parts), tokens


def is_named(tokens: Iterable[Token]) -> bool:
    """Whether a capitalised token other than a sentence's first one is in the mention."""
    return any(not token.first and token.text[:1].isupper() for token in tokens)


def _mention(doc: str, text: str, tokens: Sequence[Token], chain: str, kind: str
             ) -> GoldMention:
    start, end = tokens[0].start, tokens[-1].end
    return GoldMention(doc, start, end, text[start:end], chain, kind, is_named(tokens),
                       tokens[0].sentence)


def _dedupe(mentions: list[GoldMention], stats: ReadStats) -> tuple[GoldMention, ...]:
    """One mention per span: the first in reading order wins."""
    seen: dict[tuple[str, int, int], GoldMention] = {}
    for mention in mentions:
        other = seen.get(mention.key)
        if other is None:
            seen[mention.key] = mention
            continue
        stats.duplicate_spans += 1
        if other.chain != mention.chain:
            stats.conflicting_duplicates += 1
    stats.mentions += len(seen)
    return tuple(sorted(seen.values(), key=lambda m: (m.start, m.end)))


# --- ECB+ ---------------------------------------------------------------------------------

ECB_ENTITY_TAGS = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")  # element names of entity mentions
ECB_ENTITY_CHAINS = ("HUM", "NON", "LOC")  # prefixes of CROSS_DOC_COREF notes
ECB_DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
ECB_TEST_TOPICS = tuple(range(36, 46))


def ecb_root(shared: Path) -> Path:
    return shared / "data" / "ecb-plus" / "ECB+"


def ecb_topic_files(shared: Path, topic: int) -> list[Path]:
    """The topic's documents (its ecb and ecbplus subtopics), in a stable order."""
    folder = ecb_root(shared) / str(topic)
    if not folder.is_dir():
        return []

    def order(path: Path) -> tuple[int, int]:
        match = re.match(r"\d+_(\d+)(ecbplus|ecb)\.xml$", path.name)
        if not match:
            return (2, 0)
        return (int(match.group(2) == "ecbplus"), int(match.group(1)))

    return sorted(folder.glob("*.xml"), key=lambda path: (order(path), path.name))


def read_ecb_document(path: Path, stats: ReadStats | None = None) -> GoldDoc:
    """One ECB+ document with its entity mentions that belong to a cross-document chain.

    Mentions are Markables elements with token_anchor children; their type is the element name
    (HUMAN_PART_PER, NON_HUMAN_PART, LOC_GEO, ...; ACTION_*/NEG_ACTION_* are events, TIME_*
    times). Chains are CROSS_DOC_COREF relations, `note` = the chain's instance id, whose prefix
    (HUM/NON/LOC for entities) agrees with the element names after the corpus's clean-up.
    INTRA_DOC_COREF chains (within one document, linked to no other document) are not used.
    """
    stats = stats if stats is not None else ReadStats()
    root = ET.parse(path).getroot()
    name = root.get("doc_name") or path.name
    topic = name.split("_")[0]
    by_sentence: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for token in root.iter("token"):
        by_sentence[int(token.get("sentence", "0"))].append(
            (int(token.get("number", "0")), token.get("t_id", ""), token.text or ""))
    ids: list[list[str]] = []
    words: list[list[str]] = []
    numbers = sorted(by_sentence)
    for number in numbers:
        row = sorted(by_sentence[number])
        ids.append([t_id for _, t_id, _ in row])
        words.append([word for _, _, word in row])
    text, tokens = rebuild_text(words, numbers)
    token_by_id = {t_id: token for id_row, token_row in zip(ids, tokens, strict=True)
                   for t_id, token in zip(id_row, token_row, strict=True)}
    order = {t_id: index for index, t_id in enumerate(t for row in ids for t in row)}

    markables: dict[str, tuple[str, list[str]]] = {}
    found = root.find("Markables")
    for element in found if found is not None else ():
        anchors = [anchor.get("t_id", "") for anchor in element.findall("token_anchor")]
        anchors = [t_id for t_id in anchors if t_id in token_by_id]
        if anchors:
            markables[element.get("m_id", "")] = (element.tag, anchors)

    mentions: list[GoldMention] = []
    relations = root.find("Relations")
    for relation in relations.iter("CROSS_DOC_COREF") if relations is not None else ():
        chain = relation.get("note", "")
        if not chain.startswith(ECB_ENTITY_CHAINS):
            continue
        for source in relation.findall("source"):
            markable = markables.get(source.get("m_id", ""))
            if markable is None:
                continue
            tag, anchors = markable
            if not tag.startswith(ECB_ENTITY_TAGS):
                continue
            anchors = sorted(set(anchors), key=order.__getitem__)
            positions = [order[t_id] for t_id in anchors]
            if positions[-1] - positions[0] + 1 != len(positions):
                stats.discontinuous += 1
            mention_tokens = [token_by_id[t_id] for t_id in anchors]
            mentions.append(_mention(name, text, mention_tokens, f"{topic}/{chain}", tag))
    return GoldDoc(name, topic, text, _dedupe(mentions, stats))


def ecb_words(path: Path) -> tuple[str, list[list[str]]]:
    """An ECB+ document's name and its tokens, sentence by sentence, in corpus order (without
    the mention annotation `read_ecb_document` also reads)."""
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for token in root.iter("token"):
        by_sentence[int(token.get("sentence", "0"))].append(
            (int(token.get("number", "0")), token.text or ""))
    words = [[word for _, word in sorted(by_sentence[key])] for key in sorted(by_sentence)]
    return root.get("doc_name") or path.name, words


def read_ecb_topic(shared: Path, topic: int, stats: ReadStats | None = None) -> list[GoldDoc]:
    return [read_ecb_document(path, stats) for path in ecb_topic_files(shared, topic)]


def ecb_annotated_sentences(shared: Path) -> set[tuple[str, int]] | None:
    """(document name, sentence number) of the sentences ECBplus_coreference_sentences.csv
    lists as reliably annotated (the usual evaluation keeps only mentions in them); None when
    the file is absent."""
    path = shared / "data" / "ecb-plus" / "ECBplus_coreference_sentences.csv"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return {(f"{row['Topic']}_{row['File']}.xml", int(row["Sentence Number"]))
                for row in csv.DictReader(handle)}


# --- NewsWCL50 ----------------------------------------------------------------------------

# Chain types of entities (the Diverse_CDCR conversion files MISC, EVENT and ACTION chains as
# event mentions: event_mentions.json).
NEWSWCL_ENTITY_TYPES = ("ACTOR", "ACTOR-I", "COUNTRY", "GROUP", "OBJECT")


def newswcl_path(shared: Path) -> Path:
    return shared / "data" / "newswcl50" / "diverse_cdcr" / "output_data" / "NewsWCL50.conll"


def chain_type(chain: str) -> str:
    return chain.rsplit("_", 1)[-1]


def read_newswcl(path: Path, types: Sequence[str] | None = NEWSWCL_ENTITY_TYPES,
                 stats: ReadStats | None = None) -> list[GoldDoc]:
    """NewsWCL50's 50 documents ('0/-/0_LL' = topic 0, outlet LL) with their chain mentions.

    Labels are CoNLL brackets, several per token joined by '|'. `types` keeps the chains whose
    suffix (ACTOR, COUNTRY, ...) is listed; None keeps every chain.
    """
    stats = stats if stats is not None else ReadStats()
    order: list[str] = []
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    spans: dict[str, list[tuple[str, tuple[int, int], tuple[int, int]]]] = defaultdict(list)
    opened: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#begin"):
            name = line.split()[2].rstrip(";")
            order.append(name)
            continue
        if line.startswith("#end") or not line.strip():
            continue
        fields = line.split("\t")
        doc, sentence, word, label = fields[0], int(fields[1]), fields[3], fields[4]
        row = sentences[doc][sentence]
        row.append(word)
        here = (sentence, len(row) - 1)
        for part in (piece.strip() for piece in label.split("|")):
            if part in ("", "-"):
                continue
            chain = part.strip("()")
            if part.startswith("("):
                opened[(doc, chain)].append(here)
            if part.endswith(")"):
                begin = opened[(doc, chain)].pop() if opened[(doc, chain)] else here
                spans[doc].append((chain, begin, here))
    stats.unclosed += sum(len(left) for left in opened.values())

    documents: list[GoldDoc] = []
    for name in order:
        numbers = sorted(sentences[name])
        # Paragraph marks are tokens of their own (a literal backslash-n, or blanks): left out
        # of the text, so a mention is the kept tokens between its brackets.
        kept = [[(index, word) for index, word in enumerate(sentences[name][number])
                 if word.replace("\\n", "").strip()] for number in numbers]
        text, tokens = rebuild_text([[word for _, word in row] for row in kept], numbers)
        flat: list[Token] = []
        original: list[tuple[int, int]] = []
        for number, row, token_row in zip(numbers, kept, tokens, strict=True):
            flat.extend(token_row)
            original.extend((number, index) for index, _ in row)
        mentions: list[GoldMention] = []
        for chain, begin, end in spans[name]:
            kind = chain_type(chain)
            if types is not None and kind not in types:
                continue
            covered = [token for token, here in zip(flat, original, strict=True)
                       if begin <= here <= end]
            if not covered:
                continue
            mentions.append(_mention(name, text, covered, chain, kind))
        documents.append(GoldDoc(name, name.split("/")[0], text, _dedupe(mentions, stats)))
    return documents


def newswcl_topics(documents: Sequence[GoldDoc]) -> dict[str, list[GoldDoc]]:
    topics: dict[str, list[GoldDoc]] = defaultdict(list)
    for document in documents:
        topics[document.topic].append(document)
    return dict(sorted(topics.items(), key=lambda item: int(item[0])))
