"""Size and render time of the HTML report, against the Markdown report of the same story.

For the bundled seed story and for 50 ECB+ articles, the story is analysed once, then each
renderer runs `--repeat` times on the same Story and the median is kept: `render(story, "html")`
(Jinja2 templates, span anchoring, charts) against `render(story, "md")` (the baseline, the
same report as text) and the schema v1 JSON. When Chromium is installed the report file is also
opened headless and the browser's own load time (navigation start to load end) is read.
No ECB+ topic has 50 documents (the largest, topic 1, has 39), so the 50-article case is topic 1
with the first 11 documents of topic 13: one page as big as a busy story.

    python benchmarks/report.py [--repeat 5] [--json results.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from consilience import AnalyzeConfig, render
from consilience.models import Article, Story
from consilience.pipeline import analyze, analyze_articles
from corpora import ecb_root, ecb_topic_files, ecb_words, rebuild_text

LOGGER = logging.getLogger("report")
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "examples" / "japan-2plus2"


@dataclass(frozen=True, slots=True)
class Result:
    story: str
    articles: int
    facts: int
    analyse_s: float
    html_ms: float
    md_ms: float
    json_ms: float
    html_vs_md: float
    html_kb: float
    html_gzip_kb: float
    md_kb: float
    json_kb: float
    browser_load_ms: float | None


def ecb_articles(shared: Path, limit: int = 50) -> list[Article]:
    paths = ecb_topic_files(shared, 1) + ecb_topic_files(shared, 13)
    articles = []
    for number, path in enumerate(paths[:limit]):
        name, sentences = ecb_words(path)
        text, _ = rebuild_text(sentences, detokenize=True)
        articles.append(Article(f"a-{number}", name, text, title=name))
    return articles


def _median_ms(run, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def browser_load_ms(html: str) -> float | None:
    """Milliseconds from navigation start to the end of the load event in headless Chromium;
    None when no Chromium is installed."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        return None
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = Path(folder) / "story.html"
        path.write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            loads = []
            for _ in range(3):
                page = browser.new_page()
                page.goto(path.as_uri(), wait_until="load")
                loads.append(page.evaluate(
                    "performance.getEntriesByType('navigation')[0].loadEventEnd"))
                page.close()
            return round(float(statistics.median(loads)), 1)
        finally:
            browser.close()


def measure(name: str, story: Story, model: str, analyse_s: float, repeat: int) -> Result:
    html = render(story, "html", model)
    markdown = render(story, "md", model)
    document = render(story, "json", model)
    html_ms = _median_ms(lambda: render(story, "html", model), repeat)
    md_ms = _median_ms(lambda: render(story, "md", model), repeat)
    json_ms = _median_ms(lambda: render(story, "json", model), repeat)
    size = len(html.encode())
    return Result(name, len(story.articles), len(story.facts), round(analyse_s, 2),
                  round(html_ms, 1), round(md_ms, 1), round(json_ms, 1),
                  round(html_ms / md_ms, 2), round(size / 1024, 1),
                  round(len(gzip.compress(html.encode())) / 1024, 1),
                  round(len(markdown.encode()) / 1024, 1), round(len(document.encode()) / 1024, 1),
                  browser_load_ms(html))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    config = AnalyzeConfig(use_cache=False)
    results = []
    start = time.perf_counter()
    seed = analyze([SEED], config)
    results.append(measure("seed (examples/japan-2plus2)", seed.story, seed.model,
                           time.perf_counter() - start, args.repeat))
    if ecb_root(args.shared).is_dir():
        articles = ecb_articles(args.shared)
        start = time.perf_counter()
        ecb = analyze_articles(articles, config)
        results.append(measure(f"ECB+ topic 1 + 13 ({len(articles)} articles)", ecb.story,
                               ecb.model, time.perf_counter() - start, args.repeat))
    else:
        print(f"ECB+ skipped: {ecb_root(args.shared)} not found", file=sys.stderr)
    columns = list(Result.__dataclass_fields__)
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for result in results:
        print("| " + " | ".join(str(value) for value in asdict(result).values()) + " |")
    if args.json:
        args.json.write_text(json.dumps([asdict(result) for result in results], indent=1))


if __name__ == "__main__":
    main()
