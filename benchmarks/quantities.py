"""Quantities on real news sentences: consilience's extractors against quantulum3.

    .venv/bin/python benchmarks/quantities.py [--data /work/shared/data] [--json out.json]
                                              [--errors N]

Runs in about 15 seconds (spaCy parses 454 sentences once). quantulum3 is optional
(`pip install quantulum3`); without it only consilience's extractors are scored.

**Sentences and gold.** MEANTIME (English Wikinews, CAT XML in `meantime-cat/`; skipped when
absent) is the one corpus here with gold numbers: annotators marked every VALUE (types MONEY,
PERCENT, QUANTITY) next to TIMEX3 dates and times. Only the title and first five sentences of
each of its 120 documents are annotated in full (later ones in some documents only), so the
sentences are those (sentence numbers 0-5) that contain a VALUE or a digit: 454 sentences.
Their text is the corpus tokens joined by spaces, lightly detokenised (no space before
, . ; : % ) ' or after ( $ £ €), the same for every system.
The gold value and unit of each VALUE are read from its annotated text by `gold_of`, a rule
written for this benchmark and independent of the product's code:

- the numbers of the span are its figures ("1,099", "7,162.90") and number words ("fifteen",
  "a thousand", "half a percent"), each times a following scale word (thousand, million,
  billion, bn, m); a range or two values ("15-20 %", "25,000 to 30,000") give one gold
  quantity per number;
- PERCENT: unit "%"; MONEY: the currency of its sign or word ($, US$ and dollars: USD; £, GB#
  and pounds: GBP; €/euros: EUR; yen: JPY), cents divide by 100; QUANTITY: a measure symbol
  when a unit word follows the figure (km, inch, GB, mile...), else a count (unit "");
  stock-index "points" are counts;
- a span with no exact number ("many", "thousands", "hundreds of points", "the amount") and
  a MONEY span without a currency are left out, and so are two spans whose text is garbled in
  the corpus (see `_UNUSABLE`); the answers of a system that overlap them are not counted.

`--gold` prints every gold quantity (403) with its span; that list was read through by
hand, which is how the currency-per-number, minus-sign and unit-after-the-span rules came in.

**Scoring.** A system answer matches a gold quantity of the same sentence when their
character spans overlap, the values are equal (to 6 significant figures) and the units are
the same. Units are compared as classes: "%", an ISO currency code, a measure symbol, or ""
for a count. Dates are not quantities: answers overlapping a gold TIMEX3 are not counted (for
every system), nor are ordinals, which MEANTIME does not annotate. Precision = matched answers
/ counted answers; recall = matched gold / gold.

**Systems.** `regex`: `find_quantities` on the sentence text (what claim records use);
`spacy`: `quantities_in_doc` on the sentence parsed by consilience's
pipeline (entities decide dates and years, lemmas the roles); `spacy-strict`: the same, also
dropping numbers outside every numeric entity; `quantulum3`: `quantulum3.parser.parse`,
its units mapped to the classes above (currency entity -> ISO code of its name, percentage ->
%, dimensionless -> count, otherwise the unit's symbol). Its bundled disambiguation classifier
is pickled for an older scikit-learn and fails to load with the one installed, and retraining
needs another package (`stemming`), so it runs without the classifier (its documented
fallback; `classifier.USE_CLF = False`).
"""

from __future__ import annotations

import argparse
import glob
import json
import logging
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

LOGGER = logging.getLogger("quantities_benchmark")

Answer = tuple[int, int, float, str]
"""(start, end, value, unit class) of one quantity in a sentence."""

_ANNOTATED_SENTENCES = 5
_GLUED_TO_PREVIOUS = re.compile(r"[,.;:%)']|'s|n't")
_UNUSABLE = ("$ 4.1556 $ 57 million", "net $ 5.9 billion dollars , or $ 9.66")
_WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "half": 0.5,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
           "m": 1e6, "hundred": 1e2}
_MEASURES = {"km": "km", "kilometres": "km", "kilometers": "km", "inch": "in", "inches": "in",
             "gb": "GB", "mb": "MB", "tb": "TB", "nautical miles": "nmi", "miles": "mi",
             "mile": "mi", "mph": "mph",
             "kg": "kg", "tonnes": "t", "tons": "t", "feet": "ft", "metres": "m", "hours": "h",
             "minutes": "min", "ghz": "GHz", "mhz": "MHz"}
_CURRENCIES = (("au$", "AUD"), ("us$", "USD"), ("$", "USD"), ("dollar", "USD"), ("cent", "USD"),
               ("gb#", "GBP"), ("£", "GBP"), ("pound", "GBP"), ("€", "EUR"), ("euro", "EUR"),
               ("yen", "JPY"), ("¥", "JPY"))
_GOLD_NUMBER = re.compile(
    r"(?P<fig>\d[\d,]*(?:\.\d+)?)|(?P<word>[A-Za-z]+)", re.IGNORECASE)
_QUANTULUM_SYMBOLS = {"kilometre": "km", "inch": "in", "gigabyte": "GB", "megabyte": "MB",
                      "terabyte": "TB", "mile": "mi", "kilogram": "kg", "tonne": "t",
                      "foot": "ft", "metre": "m", "hour": "h", "minute": "min",
                      "gigahertz": "GHz", "megahertz": "MHz", "mile per hour": "mph",
                      "year": "yr", "month": "mo", "week": "wk", "day": "d", "second": "s"}
_QUANTULUM_CURRENCIES = {"dollar": "USD", "united states dollar": "USD", "euro": "EUR",
                         "pound sterling": "GBP", "pound": "GBP", "japanese yen": "JPY",
                         "yen": "JPY", "cent": "USD"}


@dataclass
class Sentence:
    """One corpus sentence with its gold quantities and the spans not to count."""

    text: str
    gold: list[Answer] = field(default_factory=list)
    ignored: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Score:
    """Counts of one system over all sentences."""

    answers: int = 0
    matched_answers: int = 0
    matched_gold: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def table_row(self, name: str, gold: int, sentences: int) -> str:
        precision = self.matched_answers / self.answers if self.answers else 0.0
        recall = self.matched_gold / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_sentence = 1000 * self.seconds / max(1, sentences)
        return (f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {self.answers} | "
                f"{per_sentence:.2f} |")


def _currency_near(lowered: str, start: int, end: int) -> str:
    """The currency of the number at [start, end) of a span: the last sign or word before
    it, else the first after it ("26 cents", "$249 USD"); "" when there is none."""
    before = [(position + len(marker), len(marker), code) for marker, code in _CURRENCIES
              if (position := lowered.rfind(marker, 0, start)) >= 0]
    if before:
        return max(before)[2]
    after = [(position, code) for marker, code in _CURRENCIES
             if (position := lowered.find(marker, end)) >= 0]
    return min(after)[1] if after else ""


def gold_of(kind: str, text: str, after_span: str = "") -> list[tuple[float, str]]:
    """(value, unit class) of each number in an annotated VALUE span; [] when it has none.
    `after_span` is the sentence text right after the span, where a unit word may stand."""
    lowered = text.lower()
    if re.search(r"\d(?:st|nd|rd|th)\b", lowered):
        return []  # an ordinal: MEANTIME's VALUE is meant for amounts
    values: list[tuple[float, str]] = []
    tokens = list(_GOLD_NUMBER.finditer(lowered))
    index = 0
    while index < len(tokens):
        token = tokens[index]
        value: float | None = None
        if token.group("fig"):
            value = float(token.group("fig").replace(",", ""))
            if lowered[:token.start()].rstrip().endswith("-") and not lowered[
                    :token.start()].rstrip()[:-1].strip():
                value = -value
        elif token.group("word") in _WORD_VALUES and (token.group("word") not in ("a", "half")
                                                      or index + 1 < len(tokens)):
            value = float(_WORD_VALUES[token.group("word")])
            following = tokens[index + 1].group("word") if index + 1 < len(tokens) else None
            if token.group("word") == "half" and following == "a":
                index += 1
            elif token.group("word") == "a" and following not in _SCALES:
                value = None
        if value is None:
            index += 1
            continue
        while index + 1 < len(tokens) and tokens[index + 1].group("word") in _SCALES:
            value *= _SCALES[tokens[index + 1].group("word")]
            index += 1
        currency = _currency_near(lowered, token.start(), tokens[index].end())
        if kind == "PERCENT" or re.search(r"%|percent", lowered):
            unit = "%"
        elif currency:
            unit = currency
            if "cent" in lowered and "$" not in lowered:
                value /= 100
        elif kind == "MONEY":
            return []  # a currency the span does not name
        else:
            after = (lowered + " " + after_span.lower())[token.end():token.end() + 16]
            word = re.match(r"[a-z]+(?: miles)?", after.lstrip(" -"))
            unit = _MEASURES.get(word.group(), "") if word else ""
        values.append((value, unit))
        index += 1
    return values


def _detokenise(tokens: list[tuple[str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text of (t_id, token) pairs and each token's character span in it."""
    text, spans = "", {}
    for t_id, token in tokens:
        glued = _GLUED_TO_PREVIOUS.fullmatch(token) or text.endswith(("(", "$", "£", "€"))
        if text and not glued:
            text += " "
        spans[t_id] = (len(text), len(text) + len(token))
        text += token
    return text, spans


def load_meantime(root: Path) -> list[Sentence]:
    """The MEANTIME sentences with a VALUE or a digit, with their gold."""
    sentences: list[Sentence] = []
    for path in sorted(glob.glob(str(root / "intra_cross-doc_annotation" / "*" / "*.xml"))):
        tree = ET.parse(path).getroot()
        by_sentence: dict[str, list[tuple[str, str]]] = {}
        sentence_of: dict[str, str] = {}
        for token in tree.iter("token"):
            number = token.get("sentence", "0")
            if int(number) > _ANNOTATED_SENTENCES:
                continue  # only the title and the first sentences are annotated in full
            by_sentence.setdefault(number, []).append((token.get("t_id", ""), token.text or ""))
            sentence_of[token.get("t_id", "")] = number
        built = {number: _detokenise(tokens) for number, tokens in by_sentence.items()}
        items: dict[str, Sentence] = {number: Sentence(text) for number, (text, _) in
                                      built.items()}
        markables = tree.find("Markables")
        for markable in markables if markables is not None else []:
            ids = [anchor.get("t_id", "") for anchor in markable.iter("token_anchor")]
            if markable.tag not in ("VALUE", "TIMEX3") or not ids or ids[0] not in sentence_of:
                continue
            number = sentence_of[ids[0]]
            spans = built[number][1]
            start, end = spans[ids[0]][0], spans[ids[-1]][1]
            raw = " ".join(token for t_id, token in by_sentence[number] if t_id in ids)
            following = built[number][0][end:end + 16]
            golds = (gold_of(markable.get("type", ""), raw, following)
                     if markable.tag == "VALUE" else [])
            if not golds or raw in _UNUSABLE:
                items[number].ignored.append((start, end))
                continue
            items[number].gold.extend((start, end, value, unit) for value, unit in golds)
        sentences.extend(item for item in items.values()
                         if item.gold or re.search(r"\d", item.text))
    return sentences


def _overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _same(value: float, other: float) -> bool:
    return f"{value:.6g}" == f"{other:.6g}"


def score(system: Callable[[str, int], list[Answer]], sentences: list[Sentence],
          keep_errors: int) -> Score:
    """Run `system` (sentence text, sentence index) -> answers, and count matches."""
    result = Score()
    for index, sentence in enumerate(sentences):
        began = time.perf_counter()
        answers = system(sentence.text, index)
        result.seconds += time.perf_counter() - began
        counted = [answer for answer in answers
                   if not any(_overlaps(answer[:2], span) for span in sentence.ignored)]
        result.answers += len(counted)
        used: set[int] = set()
        for answer in counted:
            match = next((position for position, gold in enumerate(sentence.gold)
                          if position not in used and _overlaps(answer[:2], gold[:2])
                          and _same(answer[2], gold[2]) and answer[3] == gold[3]), None)
            if match is None:
                if len(result.errors) < keep_errors:
                    result.errors.append(f"extra {answer} in {sentence.text!r}")
                continue
            used.add(match)
            result.matched_answers += 1
        result.matched_gold += len(used)
        for position, gold in enumerate(sentence.gold):
            if position not in used and len(result.errors) < keep_errors:
                result.errors.append(f"missed {gold} in {sentence.text!r}")
    return result


def _consilience_answers(quantities: Iterable[object]) -> list[Answer]:
    """Our quantities as answers: money by currency, ordinals left out."""
    answers: list[Answer] = []
    for quantity in quantities:
        kind, unit = quantity.kind, quantity.unit  # type: ignore[attr-defined]
        if kind == "ordinal":
            continue
        span = quantity.span  # type: ignore[attr-defined]
        answers.append((span.start, span.end, quantity.value,  # type: ignore[attr-defined]
                        unit if kind in ("money", "percent", "measure") else ""))
    return answers


def _quantulum_system() -> Callable[[str, int], list[Answer]] | None:
    """quantulum3's parser as a system, or None when it is not installed."""
    try:
        from quantulum3 import classifier, parser
    except ImportError:
        LOGGER.warning("quantulum3 is not installed: pip install quantulum3")
        return None
    classifier.USE_CLF = False

    def run(text: str, _index: int) -> list[Answer]:
        answers: list[Answer] = []
        for quantity in parser.parse(text):
            name = quantity.unit.name.lower()
            entity = quantity.unit.entity.name.lower()
            if entity == "currency":
                unit = _QUANTULUM_CURRENCIES.get(name, name)
                value = quantity.value / 100 if name == "cent" else quantity.value
            elif name in ("percentage", "percent"):
                unit, value = "%", quantity.value
            elif entity == "dimensionless" or name == "dimensionless":
                unit, value = "", quantity.value
            else:
                symbols = quantity.unit.symbols or [name]
                unit = _QUANTULUM_SYMBOLS.get(name, symbols[0])
                value = quantity.value
            answers.append((quantity.span[0], quantity.span[1], value, unit))
        return answers

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--json", type=Path, help="write the scores here too")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors each")
    parser.add_argument("--gold", action="store_true", help="print the gold and stop")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    root = args.data / "meantime-cat"
    if not root.is_dir():
        LOGGER.warning("%s is absent: nothing to measure", root)
        return 0
    sentences = load_meantime(root)
    gold = sum(len(sentence.gold) for sentence in sentences)
    LOGGER.info("%d sentences, %d gold quantities", len(sentences), gold)
    if args.gold:
        for sentence in sentences:
            for start, end, value, unit in sentence.gold:
                print(f"{sentence.text[start:end]!r:40} {value:>16g} {unit}")
        return 0

    from consilience.annotate.model import load_pipeline
    from consilience.claims.quantities import find_quantities
    from quantities_from_doc import quantities_in_doc

    nlp = load_pipeline()
    began = time.perf_counter()
    docs = list(nlp.pipe(sentence.text for sentence in sentences))
    parse_seconds = time.perf_counter() - began
    systems: dict[str, Callable[[str, int], list[Answer]]] = {
        "regex": lambda text, _index: _consilience_answers(find_quantities(text)),
        "spacy": lambda _text, index: _consilience_answers(quantities_in_doc(docs[index])),
        "spacy-strict": lambda _text, index: _consilience_answers(
            quantities_in_doc(docs[index], require_entity=True)),
    }
    quantulum = _quantulum_system()
    if quantulum is not None:
        systems["quantulum3"] = quantulum
    print(f"MEANTIME: {len(sentences)} sentences, {gold} gold quantities "
          f"(spaCy parse, not counted below: {1000 * parse_seconds / len(sentences):.2f} "
          "ms/sentence)\n")
    print("| system | precision | recall | F1 | answers | ms/sentence |")
    print("|---|---|---|---|---|---|")
    report = {}
    for name, system in systems.items():
        result = score(system, sentences, args.errors)
        print(result.table_row(name, gold, len(sentences)))
        report[name] = {"answers": result.answers, "matched": result.matched_answers,
                        "matched_gold": result.matched_gold, "gold": gold,
                        "seconds": result.seconds}
        for error in result.errors:
            LOGGER.info("%s: %s", name, error)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    raise SystemExit(main())
