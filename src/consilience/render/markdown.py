"""The story as a Markdown report, made from the same Story as the JSON; the fact table's
support and contradictions come from the HTML page's `StoryView`, so both reports agree.

Article text is untrusted: every piece of it is escaped so that a Markdown viewer shows it as
text (no HTML, links or emphasis injected by a source).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..models import Article, Problem, Span, Story
from ..text import shorten
from .view import story_view
from .view_records import FactRow, StoryView

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def escape(text: str | None) -> str:
    """Inline-safe text: HTML entities and Markdown punctuation escaped, one line."""
    if not text:
        return ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return " ".join(text.split())


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def _label(story: Story) -> dict[str, str]:
    """Short labels for articles: [1], [2], ... in story order."""
    return {article.id: f"[{number}]" for number, article in enumerate(story.articles, start=1)}


def _cite(labels: dict[str, str], ids: Iterable[str]) -> str:
    return "".join(labels.get(identifier, f"[{identifier}]") for identifier in ids)


def _cite_outlets(story: Story, labels: dict[str, str], ids: Iterable[str]) -> str:
    """"[1] Example News, [3]": each article's label with its outlet when known."""
    outlets = {article.id: article.outlet for article in story.articles}
    return ", ".join(f"{labels.get(identifier, identifier)} {escape(outlets[identifier])}"
                     if outlets.get(identifier) else labels.get(identifier, identifier)
                     for identifier in ids)


def _outlet(article: Article) -> str:
    return escape(article.outlet) or "—"


def _articles(story: Story, labels: dict[str, str]) -> list[str]:
    rows = [(labels[article.id], _outlet(article), escape(article.title) or "—",
             (article.published or "—") + (" (inferred)" if article.published_inferred else ""),
             len(article.text.split()), len(article.removed), escape(article.source))
            for article in story.articles]
    return ["## Articles", ""] + _table(
        ("", "outlet", "title", "published", "words", "lines removed", "source"), rows)


def _entities(story: Story, labels: dict[str, str]) -> list[str]:
    if not story.entities:
        return []
    rows = []
    for entity in story.entities:
        spellings = "; ".join(
            f"{escape(alias.text)} ×{alias.count} {_cite(labels, alias.articles)}"
            + (" (**variant spelling**)" if alias.kind == "variant"
               else f" ({alias.kind})" if alias.kind != "name" else "")
            for alias in entity.aliases)
        rows.append((f"**{escape(entity.name)}**", entity.type,
                     escape(", ".join(entity.roles)) or "—", len(entity.mentions),
                     _cite(labels, entity.articles), spellings))
    return [f"## Entities ({len(story.entities)})", "",
            "[n] is article n of the Articles table; a variant spelling is one outlet's "
            "spelling of a name the others spell differently.", ""] + _table(
        ("entity", "type", "roles", "mentions", "articles", "spellings"), rows)


def _brief(story: Story, labels: dict[str, str]) -> list[str]:
    if not story.brief:
        return []
    lines = ["## Brief", "",
             "Sentences copied from the articles, each with the articles that state it; "
             "**disputed** marks one version of a conflict (see Conflicts).", ""]
    for number, sentence in enumerate(story.brief, start=1):
        marker = " **disputed**" if sentence.section == "disputed" else ""
        lines.append(f"{number}. {escape(sentence.text)} — "
                     f"{_cite_outlets(story, labels, sentence.articles)}{marker}")
    return [*lines, ""]


FACT_ROWS = 40
"""The Markdown fact table shows this many facts (of the page's rows), the best supported first."""
FACT_TEXT = 120
SPAN_TEXT = 200
SIDE_QUOTES = 3
_CELL_MARKS = {"states": "✓", "contradicts": "✗", "silent": "·"}


def _facts(story: Story, view: StoryView, labels: dict[str, str]) -> list[str]:
    """The fact x article table from the page's fact rows (`view.story_view`), so the Markdown
    and HTML reports rank facts by the same support and mark the same contradictions."""
    if not view.facts:
        return []
    total = len(view.facts) + view.hidden_facts
    columns = [f"{labels[article.id]} {escape(article.outlet)}" if article.outlet
               else labels[article.id] for article in story.articles]
    header = ("fact", "status", "independent sources", "text", *columns)
    shown = view.facts[:FACT_ROWS]

    def cells(rows: Iterable[FactRow]) -> list[tuple[object, ...]]:
        return [(row.id, row.status, row.independent if row.independent is not None else "—",
                 escape(shorten(row.text, FACT_TEXT)),
                 *(_CELL_MARKS[cell.state] for cell in row.cells)) for row in rows]

    lines = [f"## Facts ({total})", "",
             "✓ the article states the fact; ✗ it gives another version (a side of a conflict "
             "about the fact that most articles do not take); · it does not mention it.", ""]
    lines += _table(header, cells(row for row in shown if not row.folded))
    folded = [row for row in shown if row.folded]
    if folded:
        lines += [f"<details><summary>{len(folded)} single-source fact"
                  f"{'s' if len(folded) != 1 else ''}</summary>", ""]
        lines += _table(header, cells(folded))
        lines += ["</details>", ""]
    if total > FACT_ROWS:
        lines += [f"{total - FACT_ROWS} less supported facts are not shown.", ""]
    return lines


def _quoted(labels: dict[str, str], spans: Iterable[Span]) -> str:
    """Each distinct text of a side once, quoted and cut, with the articles that use it; the
    first SIDE_QUOTES of them and how many more."""
    quoted: dict[str, list[str]] = {}
    for span in spans:
        articles = quoted.setdefault(" ".join(span.text.split()), [])
        if span.article not in articles:
            articles.append(span.article)
    shown = [f"“{escape(shorten(text, SPAN_TEXT))}” {_cite(labels, articles)}"
             for text, articles in list(quoted.items())[:SIDE_QUOTES]]
    more = len(quoted) - SIDE_QUOTES
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "") or "—"


def _conflicts(story: Story, labels: dict[str, str]) -> list[str]:
    if not story.conflicts:
        return ["## Conflicts (0)", "", "No conflicts found.", ""] if story.facts else []
    lines = [f"## Conflicts ({len(story.conflicts)})", ""]
    for conflict in story.conflicts:
        about = f" (fact {escape(conflict.fact)})" if conflict.fact else ""
        lines += [f"### {escape(conflict.id)} · {conflict.kind}: {escape(conflict.summary)}"
                  f"{about}", ""]
        sides = conflict.sides
        rows = [("value", *(escape(side.value) or "—" for side in sides)),
                ("articles", *(_cite_outlets(story, labels, side.articles) or "—"
                               for side in sides))]
        if any(side.attributed_to for side in sides):
            rows.append(("attributed to", *(escape("; ".join(side.attributed_to)) or "—"
                                            for side in sides)))
        rows.append(("text", *(_quoted(labels, side.spans) for side in sides)))
        lines += _table(("", *(f"side {number}" for number in range(1, len(sides) + 1))), rows)
    return lines


def _timeline(story: Story, labels: dict[str, str]) -> list[str]:
    if not story.timeline:
        return []
    rows = [((entry.date or "undated") + (f" – {entry.end}" if entry.end else ""),
             ("scheduled: " if entry.scheduled else "") + escape(entry.text),
             _cite(labels, entry.articles))
            for entry in story.timeline]
    return [f"## Timeline ({len(story.timeline)})", ""] + _table(
        ("date", "event", "articles"), rows)


def _quotes(story: Story, labels: dict[str, str]) -> list[str]:
    """Quotes grouped by speaker, each with the other outlets that carry the same statement."""
    if not story.quotes:
        return []
    article_of = {quote.id: quote.span.article for quote in story.quotes}
    by_speaker: dict[str, list] = {}
    for quote in story.quotes:
        by_speaker.setdefault(quote.speaker_text or "(no speaker found)", []).append(quote)
    lines = [f"## Quotes ({len(story.quotes)})", "",
             "Grouped by speaker; \"also in\" lists the articles that carry the same "
             "statement (verbatim, truncated or reworded).", ""]
    for speaker, quotes in sorted(by_speaker.items(), key=lambda item: (-len(item[1]),
                                                                         item[0].casefold())):
        lines += [f"**{escape(speaker)}**", ""]
        rows = [(shorten(escape(quote.span.text), 200),
                 "direct" if quote.direct else "indirect", escape(quote.cue) or "—",
                 _cite(labels, [quote.span.article]),
                 _cite(labels, dict.fromkeys(article_of[other] for other in quote.same_as))
                 or "—")
                for quote in quotes]
        lines += _table(("quote", "kind", "cue", "article", "also in"), rows)
    return lines


def _provenance(story: Story, labels: dict[str, str]) -> list[str]:
    """Who cites whom (cited source -> the articles citing it and how) and copied passages."""
    lines: list[str] = []
    if story.citations:
        cited: dict[str, dict[str, set[str]]] = {}
        for citation in story.citations:
            cited.setdefault(citation.source, {}).setdefault(citation.article, set()).add(
                citation.kind)
        rows = [(escape(source), len(by_article), ", ".join(
                    f"{_cite(labels, [article])} {'/'.join(sorted(kinds))}"
                    for article, kinds in by_article.items()))
                for source, by_article in sorted(cited.items(), key=lambda item: (
                    -len(item[1]), item[0].casefold()))]
        lines += [f"## Who cites whom ({len(story.citations)} citations)", "",
                  "Each cited source with the articles that cite it and how.", ""] + _table(
            ("cited source", "articles", "cited by"), rows)
    if story.copies:
        lines += ["## Copied passages", ""] + _table(
            ("article", "copies", "overlap", "passages", "first passage"),
            ((_cite(labels, [copy.article]), _cite(labels, [copy.of_article]),
              f"{copy.overlap:.0%}", len(copy.spans),
              shorten(escape(copy.spans[0].text), 160) if copy.spans else "—")
             for copy in story.copies))
    return lines


def _removed(story: Story, labels: dict[str, str]) -> list[str]:
    lines = ["## Left out of the article text", ""]
    for article in story.articles:
        for removed in article.removed:
            where = f" (line {removed.line})" if removed.line else ""
            lines.append(f"- {labels[article.id]} *{removed.reason}*{where}: "
                         f"{escape(removed.text)}")
    return lines + [""] if len(lines) > 2 else []


def _problems(problems: Sequence[Problem]) -> list[str]:
    if not problems:
        return []
    return ["## Inputs skipped or read with a warning", ""] + [
        f"- {escape(problem.one_line())}" for problem in problems] + [""]


def render_markdown(story: Story, model: str | None = None,
                    problems: Sequence[Problem] = ()) -> str:
    """The story as a Markdown report: the same figures as the HTML page (its `StoryView`), laid
    out as headings, tables and lists, every piece of article text escaped."""
    view = story_view(story, model, problems)
    labels = _label(story)
    span = f"{story.first} – {story.last}" if story.first else "dates unknown"
    head = [
        f"# {escape(story.title)}",
        "",
        f"*{len(view.sources)} articles, {view.outlets} named outlets, {span}. "
        f"Story `{story.id}`"
        + (f", analysed with {escape(model)}" if model else "") + ".*",
        "",
    ]
    body = [*_articles(story, labels), *_brief(story, labels), *_facts(story, view, labels)]
    sections = (_conflicts, _entities, _quotes, _timeline, _provenance, _removed)
    body += [line for section in sections for line in section(story, labels)]
    return "\n".join(head + body + _problems(problems)).rstrip() + "\n"
