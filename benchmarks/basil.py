"""Named quote speakers and main entities on BASIL's development split (issue 18): each story's
three articles analysed together by `consilience.analyze_raw`, against BASIL's own annotations,
with a quotation-mark baseline scored the same way in the same run.

    python benchmarks/basil.py [--shared ../shared] [--limit N] [--json out.json]

Data: ../shared/data/basil-dev (see its SOURCE.md): 40 stories x 3 outlets (fox, nyt, hpo),
articles/<year>/<triplet>_<n>.json and annotations/<year>/<triplet>_<n>_ann.json (the
annotation file's `uuid` names its article). Stories are taken in the sorted order of the
article paths (year, then triplet id); --limit keeps the first N. Each article is given to
consilience as the story scorer (../shared/eval/story_score.py) writes it, through the JSON
reader (`consilience.ingest.record_to_article`): text = "\\n\\n".join(" ".join(par) for par in
body-paragraphs), title, url, outlet (fox/nyt/hpo), published date; source "<outlet>.json".
The story is analysed with `analyze_raw(raws, AnalyzeConfig())` (default model and cache).

1. Named-speaker accuracy of quotes. Gold: BASIL phrase-level annotations with quote == "yes"
   and a named speaker (not empty, not starting with "other"; group speakers such as
   "Obama_campaign" or "Democratic_Lawmakers" count, as BASIL names them). An annotation's
   `id` "p<k>" is the k-th sentence of the article (paragraphs' sentences in order) and its
   start/end index that sentence, so its span in the joined body text is exact. The cleaner
   may drop a title line or spaces, so the span is then LOCATED in the analysed article text
   by its `txt`, tolerant of white space (`locate` in story_score.py), taking the occurrence
   nearest the body offset; a span not found there is unlocated. A located gold quote is
   FOUND when some system quote of the same article (direct or indirect, its `span`) overlaps
   it by at least half of the shorter of the two (the overlap rule of
   benchmarks/provenance.py); it is RIGHT when any of those overlapping quotes has a speaker
   whose words (its `speaker_text` and the name of its `speaker` entity, letters only,
   case-insensitive, possessive 's dropped) include the last word of the gold speaker
   ("Rick_Perry" -> "perry"), as the story scorer checks a named speaker; of a group, that
   is its last word too ("Obama_campaign" -> "campaign"). Reported: gold, located, found,
   right, right / located and right / found, for all gold quotes, by the kind of gold speaker
   (a person when spaCy's NER, same pipeline, reads the whole name in "<name> said." as one
   PERSON; else a group) and by outlet.
   Baseline, same run, same parse (the analysed articles' Docs from the same pipeline and
   cache): every quotation ("..." or “...”, one still open at a paragraph's end running to
   it) of at least 3 words is a quote, its speaker the nearest PERSON entity of spaCy's NER
   outside it, from the sentence where it starts through the sentence after the one where it
   ends (`baseline_quotes` of benchmarks/provenance.py; its `speaker_text`, the NER words).
2. Main entities found with their outlet. Each article lists its `main-entities` (names such
   as "Donald Trump", "House Democrats"). One is FOUND for that article when some system
   entity of the story has a mention in that article and a name or alias whose last word
   equals the gold name's last word, or whose words all equal the gold name's (letters only,
   case-insensitive). Reported: found / total, for all, for people and for the rest (the
   person test of part 1 on the gold name: "Democrats", "Romney campaign", "NAACP") and per
   outlet.
"""

from __future__ import annotations

import argparse
import glob
import json
import logging
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

# Run as a script, benchmarks/ is on sys.path; imported as benchmarks.basil, it is not.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import provenance
from consilience import AnalyzeConfig, analyze_raw
from consilience.annotate import DocCache, annotate, load_pipeline, model_label
from consilience.errors import ConsilienceError
from consilience.ingest import record_to_article
from consilience.models import Article, Entity, Quote, RawArticle, Story
from throughput import machine

LOGGER = logging.getLogger("basil")
ROOT = Path(__file__).resolve().parents[1]
DATA = Path("data") / "basil-dev"
OUTLETS = ("fox", "nyt", "hpo")
SYSTEM = "consilience (analyze_raw)"
BASELINE = "baseline (quote marks + nearest PERSON)"
CONTEXT_CHARS = 240

Span = tuple[int, int]
QuoteFinder = Callable[[Article, Doc], list[Quote]]


# ---------------------------------------------------------------------------------------------
# Reading BASIL
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    """A quoted span with a named speaker; start/end index the joined body text."""

    start: int
    end: int
    text: str
    speaker: str


@dataclass(frozen=True)
class BasilArticle:
    uuid: str
    story: str
    outlet: str
    title: str
    published: str
    url: str | None
    text: str
    main_entities: tuple[str, ...]
    quotes: tuple[GoldQuote, ...] = ()


def body_text(paragraphs: Sequence[Sequence[str]]) -> str:
    return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)


def sentence_starts(paragraphs: Sequence[Sequence[str]]) -> list[int]:
    """The offset in `body_text` of every sentence, paragraphs' sentences in order."""
    starts: list[int] = []
    position = 0
    for paragraph in paragraphs:
        for index, sentence in enumerate(paragraph):
            position += 1 if index else 0
            starts.append(position)
            position += len(sentence)
        position += 2
    return starts


def is_named(speaker: str) -> bool:
    speaker = speaker.strip()
    return bool(speaker) and not speaker.casefold().startswith("other")


def gold_quotes(annotations: Iterable[Mapping[str, Any]], starts: Sequence[int],
                text: str) -> list[GoldQuote]:
    """The quoted spans with a named speaker, placed in the body text by sentence index; one
    whose offsets do not give its `txt` keeps the sentence offset (and is located by text)."""
    found: list[GoldQuote] = []
    for item in annotations:
        match = re.fullmatch(r"p(\d+)", str(item.get("id", "")))
        if item.get("quote") != "yes" or not is_named(item.get("speaker") or "") or not match:
            continue
        sentence = int(match.group(1))
        base = starts[sentence] if sentence < len(starts) else 0
        start, end = base + int(item["start"]), base + int(item["end"])
        if text[start:end] != item["txt"]:
            LOGGER.warning("offsets of %r do not give its text", item["txt"][:40])
            end = start + len(item["txt"])
        found.append(GoldQuote(start, end, item["txt"], item["speaker"]))
    return found


def read_article(path: Path) -> BasilArticle:
    """An article with its gold quotes (from the annotation file beside it, if any)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    text = body_text(data["body-paragraphs"])
    annotation = path.parents[2] / "annotations" / path.parent.name / f"{path.stem}_ann.json"
    quotes: list[GoldQuote] = []
    if annotation.is_file():
        gold = json.loads(annotation.read_text(encoding="utf-8"))
        if gold.get("uuid") not in (None, data["uuid"]):
            LOGGER.warning("%s annotates %s, not %s", annotation.name, gold["uuid"], data["uuid"])
        else:
            quotes = gold_quotes(gold.get("phrase-level-annotations", ()),
                                 sentence_starts(data["body-paragraphs"]), text)
    return BasilArticle(uuid=data["uuid"], story=data["triplet-uuid"],
                        outlet=data["source"].lower(), title=data["title"],
                        published=data["date"], url=data.get("url"), text=text,
                        main_entities=tuple(data.get("main-entities") or ()),
                        quotes=tuple(quotes))


def read_stories(root: Path, limit: int | None = None) -> list[list[BasilArticle]]:
    """The stories (each its articles in path order), in the order of their first article's
    path; the first `limit` only when given."""
    stories: dict[str, list[BasilArticle]] = {}
    for name in sorted(glob.glob(str(root / "articles" / "*" / "*.json"))):
        article = read_article(Path(name))
        stories.setdefault(article.story, []).append(article)
    found = list(stories.values())
    return found[:limit] if limit is not None else found


# ---------------------------------------------------------------------------------------------
# Matching rules
# ---------------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Letter-only words, case-folded, "_" a separator and a possessive 's dropped."""
    text = re.sub(r"['’]s\b", "", text.casefold())
    return re.findall(r"[^\W\d_]+", text)


def last_word(name: str) -> str | None:
    found = words(name)
    return found[-1] if found else None


def speaker_right(gold_speaker: str, names: Iterable[str | None]) -> bool:
    """The gold speaker's last word is among the words of the system's speaker names."""
    wanted = last_word(gold_speaker)
    said = {word for name in names if name for word in words(name)}
    return wanted is not None and wanted in said


def speaker_kind(speaker: str, nlp: Language) -> str:
    """"person" when spaCy's NER reads the whole speaker name in "<name> said." as one
    PERSON ("Rick_Perry"), else "group" ("Obama_campaign", "House_Democrats", "NAACP")."""
    name = " ".join(speaker.replace("_", " ").split())
    doc = nlp(f"{name} said.")
    whole = any(ent.label_ == "PERSON" and ent.start_char == 0 and ent.end_char == len(name)
                for ent in doc.ents)
    return "person" if whole else "group"


def locate(text: str, snippet: str, near: int = 0) -> Span | None:
    """(start, end) of `snippet` in `text`, tolerant of white space; of several occurrences,
    the one starting nearest `near`. None when absent."""
    parts = snippet.split()
    if not parts:
        return None
    pattern = r"\s+".join(re.escape(part) for part in parts)
    spans = [(match.start(), match.end()) for match in re.finditer(pattern, text)]
    return min(spans, key=lambda span: (abs(span[0] - near), span[0]), default=None)


def spans_overlap(left: Span, right: Span) -> bool:
    """The overlap rule: they share at least half of the shorter span's characters."""
    return provenance.spans_match((left,), (right,))


def entity_names(entity: Entity) -> list[str]:
    return [entity.name, *(alias.text for alias in entity.aliases)]


def entity_matches(gold_name: str, names: Iterable[str]) -> bool:
    """A name's last word equals the gold name's, or all its words equal the gold's."""
    gold_words = words(gold_name)
    if not gold_words:
        return False
    for name in names:
        found = words(name)
        if found and (found[-1] == gold_words[-1] or found == gold_words):
            return True
    return False


def main_entity_found(gold_name: str, article_id: str, entities: Iterable[Entity]) -> bool:
    return any(article_id in {span.article for span in entity.mentions}
               and entity_matches(gold_name, entity_names(entity)) for entity in entities)


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass
class QuoteCounts:
    gold: int = 0
    located: int = 0
    found: int = 0
    right: int = 0

    def add(self, status: str) -> None:
        self.gold += 1
        self.located += status != "unlocated"
        self.found += status in ("wrong", "right")
        self.right += status == "right"

    def row(self) -> dict[str, Any]:
        return {**vars(self),
                "right_of_located": _ratio(self.right, self.located),
                "right_of_found": _ratio(self.right, self.found)}


GROUPS = ("all", "person", "group", *OUTLETS)
"""The rows of a system's report: every gold quote, by the kind of gold speaker, by outlet."""


@dataclass
class SystemScore:
    rows: dict[str, QuoteCounts] = field(
        default_factory=lambda: {name: QuoteCounts() for name in GROUPS})
    cases: list[dict[str, Any]] = field(default_factory=list)

    def add(self, case: dict[str, Any]) -> None:
        for name in ("all", case["speaker_kind"], case["outlet"]):
            self.rows.setdefault(name, QuoteCounts()).add(case["status"])
        self.cases.append(case)

    def report(self) -> dict[str, Any]:
        return {"rows": {name: counts.row() for name, counts in self.rows.items()},
                "cases": self.cases}


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _outlet_order(outlet: str) -> tuple[int, str]:
    return (OUTLETS.index(outlet) if outlet in OUTLETS else len(OUTLETS), outlet)


def speaker_names(quote: Quote, names: Mapping[str, str]) -> list[str]:
    """What the system calls the speaker: its `speaker_text` and its entity's name."""
    found = [quote.speaker_text] if quote.speaker_text else []
    name = names.get(quote.speaker) if quote.speaker else None
    if name and name not in found:
        found.append(name)
    return found


def judge_quote(gold: GoldQuote, text: str | None, quotes: Sequence[Quote],
                names: Mapping[str, str]) -> dict[str, Any]:
    """One gold quote against one article's system quotes: its status ("unlocated",
    "missed", "wrong", "right") and what the system said."""
    case: dict[str, Any] = {"gold_text": gold.text, "gold_speaker": gold.speaker}
    span = locate(text, gold.text, gold.start) if text is not None else None
    if text is None or span is None:
        return {**case, "status": "unlocated"}
    hits = [quote for quote in quotes
            if spans_overlap(span, (quote.span.start, quote.span.end))]
    said = [speaker_names(quote, names) for quote in hits]
    right = any(speaker_right(gold.speaker, spoken) for spoken in said)
    status = "right" if right else "wrong" if hits else "missed"
    case.update(status=status, start=span[0], end=span[1],
                system_speakers=[" / ".join(spoken) or None for spoken in said],
                system_sources=[quote.source_span.text if quote.source_span else None
                                for quote in hits])
    if status == "wrong":
        case["context"] = text[max(0, span[0] - CONTEXT_CHARS):span[1] + CONTEXT_CHARS // 2]
    return case


def score_entities(article: BasilArticle, article_id: str | None, entities: Sequence[Entity],
                   kind: Callable[[str], str]) -> list[dict[str, Any]]:
    return [{"outlet": article.outlet, "article": article.uuid, "gold": name, "kind": kind(name),
             "found": article_id is not None and main_entity_found(name, article_id, entities)}
            for name in article.main_entities]


def entity_report(cases: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Found / total for all main entities, people and groups (as for speakers), each
    outlet; and the missed ones."""
    def row(selected: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        found = sum(case["found"] for case in selected)
        return {"total": len(selected), "found": found, "share": _ratio(found, len(selected))}

    rows = {"all": row(cases)}
    rows.update({kind: row([c for c in cases if c["kind"] == kind])
                 for kind in ("person", "group")})
    rows.update({outlet: row([c for c in cases if c["outlet"] == outlet])
                 for outlet in sorted({c["outlet"] for c in cases}, key=_outlet_order)})
    return {"rows": rows, "missed": [case for case in cases if not case["found"]]}


# ---------------------------------------------------------------------------------------------
# Running consilience and the baseline on a story
# ---------------------------------------------------------------------------------------------


def raw_article(article: BasilArticle) -> RawArticle:
    """The article as story_score.py writes it, read by consilience's JSON reader."""
    record = {"title": article.title, "text": article.text, "url": article.url,
              "outlet": article.outlet, "published": article.published}
    return record_to_article(record, f"{article.outlet}.json")


def analysed_by_source(story: Story) -> dict[str, Article]:
    return {article.source: article for article in story.articles}


def parses(articles: Sequence[Article], config: AnalyzeConfig) -> list[Doc]:
    """The Docs `analyze` made of these articles: the same pipeline, through its cache."""
    nlp = load_pipeline(config.model)
    cache = DocCache(config.cache_dir) if config.use_cache else None
    try:
        return annotate(articles, nlp, cache, config.batch_size).docs
    finally:
        if cache is not None:
            cache.close()


def baseline_quotes(article: Article, doc: Doc) -> list[Quote]:
    return provenance.baseline_quotes(article, doc)


@dataclass
class StoryRun:
    """One story's analysed articles (by BASIL uuid) and what each system found."""

    articles: dict[str, Article]
    entities: tuple[Entity, ...]
    names: dict[str, str]
    quotes: dict[str, dict[str, list[Quote]]]
    seconds: float


def run_story(articles: Sequence[BasilArticle], config: AnalyzeConfig) -> StoryRun:
    started = time.perf_counter()
    try:
        story = analyze_raw([raw_article(article) for article in articles], config).story
    except ConsilienceError as error:
        LOGGER.warning("story %s not analysed: %s", articles[0].story, error)
        return StoryRun({}, (), {}, {SYSTEM: {}, BASELINE: {}}, time.perf_counter() - started)
    seconds = time.perf_counter() - started
    by_source = analysed_by_source(story)
    analysed = {a.uuid: by_source[f"{a.outlet}.json"] for a in articles
                if f"{a.outlet}.json" in by_source}
    docs = dict(zip(analysed, parses(list(analysed.values()), config), strict=True))
    quotes = {SYSTEM: {uuid: [q for q in story.quotes if q.span.article == article.id]
                       for uuid, article in analysed.items()},
              BASELINE: {uuid: baseline_quotes(article, docs[uuid])
                         for uuid, article in analysed.items()}}
    names = {entity.id: entity.name for entity in story.entities}
    return StoryRun(analysed, story.entities, names, quotes, seconds)


def score_story(articles: Sequence[BasilArticle], run: StoryRun,
                scores: Mapping[str, SystemScore], entity_cases: list[dict[str, Any]],
                kind: Callable[[str], str]) -> None:
    for article in articles:
        analysed = run.articles.get(article.uuid)
        text = analysed.text if analysed is not None else None
        for system, score in scores.items():
            quotes = run.quotes[system].get(article.uuid, [])
            for gold in article.quotes:
                case = judge_quote(gold, text, quotes, run.names)
                score.add({"story": article.story, "outlet": article.outlet,
                           "speaker_kind": kind(gold.speaker), **case})
        entity_cases.extend(score_entities(article, analysed.id if analysed else None,
                                           run.entities, kind))


def run_all(stories: Sequence[Sequence[BasilArticle]], config: AnalyzeConfig
            ) -> dict[str, Any]:
    scores = {SYSTEM: SystemScore(), BASELINE: SystemScore()}
    entity_cases: list[dict[str, Any]] = []
    nlp = load_pipeline(config.model)
    kinds: dict[str, str] = {}

    def kind(speaker: str) -> str:
        return kinds.setdefault(speaker, speaker_kind(speaker, nlp))

    analyse_seconds = 0.0
    for number, articles in enumerate(stories, 1):
        run = run_story(articles, config)
        analyse_seconds += run.seconds
        score_story(articles, run, scores, entity_cases, kind)
        LOGGER.info("story %d/%d (%s) analysed in %.1fs", number, len(stories),
                    articles[0].story, run.seconds)
    return {"quotes": {name: score.report() for name, score in scores.items()},
            "entities": entity_report(entity_cases),
            "analyze_seconds": round(analyse_seconds, 2)}


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


ROW_LABELS = {"all": "all", "person": "speaker a person", "group": "speaker a group",
              **{outlet: f"outlet {outlet}" for outlet in OUTLETS}}


ENTITY_LABELS = {"all": "all", "person": "a person", "group": "a group or thing"}


def quote_table(quotes: Mapping[str, Mapping[str, Any]]) -> list[str]:
    lines = ["| system | gold quotes | gold named | located | found | right | right / located | "
             "right / found |", "|---|---|--:|--:|--:|--:|--:|--:|"]
    for name, report in quotes.items():
        for group, row in report["rows"].items():
            label = ROW_LABELS.get(group, group)
            lines.append(f"| {name} | {label} | {row['gold']} | {row['located']} | "
                         f"{row['found']} | {row['right']} | "
                         f"{_share(row['right'], row['located'])} | "
                         f"{_share(row['right'], row['found'])} |")
    return lines


def entity_table(entities: Mapping[str, Any]) -> list[str]:
    lines = ["| main entities | total | found | share |", "|---|--:|--:|--:|"]
    for group, row in entities["rows"].items():
        label = ENTITY_LABELS.get(group, f"outlet {group}")
        lines.append(f"| {label} | {row['total']} | {row['found']} | "
                     f"{_share(row['found'], row['total'])} |")
    return lines


def render(results: Mapping[str, Any]) -> str:
    lines = [f"### 1. Named quote speakers (BASIL dev, {results['stories']} stories, "
             f"{results['articles']} articles)", "",
             "Found = a system quote overlaps the located gold span by >= half of the shorter; "
             "right = one of them has a speaker sharing the gold speaker's last word.", "",
             *quote_table(results["quotes"]), "",
             "### 2. Main entities found with their outlet", "",
             "Found = a system entity with a mention in that article and a name or alias with "
             "the gold's last word (or all its words).", "",
             *entity_table(results["entities"])]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding data/basil-dev (default: ../shared)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    logging.getLogger("consilience").setLevel(logging.WARNING)

    root = args.shared / DATA
    if not (root / "articles").is_dir():
        print(f"BASIL skipped: no articles under {root}")
        return 0
    stories = read_stories(root, args.limit)
    config = AnalyzeConfig()
    started = time.perf_counter()
    scored = run_all(stories, config)
    results: dict[str, Any] = {
        "date": date.today().isoformat(),
        "machine": machine(model_label(load_pipeline(config.model))),
        "data": str(root), "limit": args.limit, "stories": len(stories),
        "articles": sum(len(articles) for articles in stories),
        "seconds": round(time.perf_counter() - started, 2),
        **scored,
    }
    print(f"Model {results['machine']['model']}; {results['seconds']:.0f} s "
          f"(analyze {results['analyze_seconds']:.0f} s)\n")
    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
