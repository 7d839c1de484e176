"""The Markdown Brief, Facts (fact × outlet matrix) and Conflicts sections."""

from __future__ import annotations

import re

from consilience.models import (
    Article,
    BriefSentence,
    Claim,
    Conflict,
    ConflictSide,
    Entity,
    Fact,
    Span,
    Story,
)
from consilience.render import render_markdown
from consilience.render.view import story_view

TEXTS = {
    "a-1": "The council cut the budget by 3 percent on Monday. The mayor said the cut hurt.",
    "a-2": "The council cut the budget by 4 percent on Monday. Parents protested outside.",
    "a-3": "The council cut the budget by 3 percent on Monday. The mayor said the cut hurt.",
}
HOSTILE = "Officials said <script>alert(1)</script> and [click](javascript:x) about a | pipe | row."


def article(ident: str, outlet: str | None, text: str | None = None) -> Article:
    return Article(id=ident, source=f"{ident}.txt", text=text or TEXTS[ident], outlet=outlet)


def span(source: Article, needle: str) -> Span:
    start = source.text.index(needle)
    return Span(source.id, start, start + len(needle), needle)


def fact(ident: str, status: str, sources: tuple[Article, ...], needle: str,
         independent: int | None = None) -> Fact:
    claims = tuple(Claim(span(source, needle)) for source in sources)
    return Fact(ident, needle, status, tuple(source.id for source in sources),  # type: ignore
                claims, independent_sources=independent, span=claims[0].span)


def story(articles: tuple[Article, ...], facts=(), conflicts=(), brief=()) -> Story:
    return Story(id="s-1", title="Budget", articles=articles, facts=tuple(facts),
                 conflicts=tuple(conflicts), brief=tuple(brief),
                 entities=(Entity("e-1", "council", "ORG", (), (), ()),))


def budget_story() -> Story:
    a1, a2, a3 = article("a-1", "Alpha News"), article("a-2", "Beta Daily"), article("a-3", None)
    cut = fact("f-1", "disputed", (a1, a2, a3), "The council cut the budget", independent=3)
    hurt = fact("f-2", "corroborated", (a1, a3), "The mayor said the cut hurt.", independent=1)
    protest = fact("f-3", "single-source", (a2,), "Parents protested outside.", independent=1)
    conflict = Conflict("c-1", "number", "3 percent or 4 percent", (
        ConflictSide("3 percent", ("a-1", "a-3"), (span(a1, "3 percent"), span(a3, "3 percent")),
                     ("the council",)),
        ConflictSide("4 percent", ("a-2",), (span(a2, "4 percent"),)),
    ), fact="f-1")
    first = span(a1, "The council cut the budget by 3 percent on Monday.")
    second = span(a2, "The council cut the budget by 4 percent on Monday.")
    brief = (BriefSentence("The mayor said the cut hurt.", ("a-1", "a-3"), ("f-2",),
                           span(a1, "The mayor said the cut hurt."), "corroborated"),
             BriefSentence(first.text, ("a-1", "a-3"), ("f-1",), first, "disputed"),
             BriefSentence(second.text, ("a-2",), ("f-1",), second, "disputed"))
    return story((a1, a2, a3), (cut, hurt, protest), (conflict,), brief)


def section(markdown: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}.*?(?=^## |\Z)", markdown, re.S | re.M)
    assert match, f"no section {title}"
    return match.group()


def table_rows(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
            for line in text.splitlines() if line.startswith("|")]


def fact_rows(facts: str) -> list[list[str]]:
    """The rows of the facts section's tables (the shown one and the folded one), without
    their headers and rules."""
    return [row for row in table_rows(facts) if row[0] != "fact" and not row[0].startswith("-")]


def assert_tables_are_well_formed(markdown: str) -> None:
    for block in re.split(r"\n(?!\|)", markdown):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        assert len({len(re.findall(r"(?<!\\)\|", row)) for row in rows}) <= 1, block


def test_sections_come_after_the_articles_and_before_the_entities():
    markdown = render_markdown(budget_story())
    positions = [markdown.index(heading) for heading in
                 ("## Articles", "## Brief", "## Facts (3)", "## Conflicts (1)", "## Entities")]
    assert positions == sorted(positions)
    assert_tables_are_well_formed(markdown)


def test_brief_is_numbered_with_citations_and_a_disputed_marker():
    lines = [line for line in section(render_markdown(budget_story()), "Brief").splitlines()
             if re.match(r"\d+\. ", line)]
    assert lines == [
        "1. The mayor said the cut hurt. — [1] Alpha News, [3]",
        "2. The council cut the budget by 3 percent on Monday. — [1] Alpha News, [3] **disputed**",
        "3. The council cut the budget by 4 percent on Monday. — [2] Beta Daily **disputed**",
    ]


def test_facts_matrix_marks_stating_contradicting_and_silent_articles():
    facts = section(render_markdown(budget_story()), "Facts")
    assert "✓" in facts.split("|")[0] and "✗" in facts.split("|")[0]  # the legend comes first
    header, _rule, *_ = table_rows(facts)
    assert header == ["fact", "status", "independent sources", "text",
                      "[1] Alpha News", "[2] Beta Daily", "[3]"]
    rows = fact_rows(facts)
    # the single-source fact is folded below the others
    assert "<details><summary>1 single-source fact</summary>" in facts
    assert facts.index("f-2") < facts.index("<details>") < facts.index("f-3")
    assert rows == [
        ["f-1", "disputed", "3", "The council cut the budget", "✓", "✗", "✓"],
        ["f-2", "corroborated", "1", "The mayor said the cut hurt.", "✓", "·", "✓"],
        ["f-3", "single-source", "1", "Parents protested outside.", "·", "✓", "·"],
    ]


def test_facts_matrix_is_the_html_pages_fact_rows():
    """Markdown and HTML rank facts by the same support and mark the same contradictions: both
    read the page's StoryView."""
    budget = budget_story()
    rows = fact_rows(section(render_markdown(budget), "Facts"))
    marks = {"states": "✓", "contradicts": "✗", "silent": "·"}
    view = story_view(budget)
    assert [row[0] for row in rows] == [fact.id for fact in view.facts]
    assert [row[4:] for row in rows] == [[marks[cell.state] for cell in fact.cells]
                                         for fact in view.facts]


def test_named_outlets_are_counted_as_on_the_html_page():
    """An article without an outlet but with a web address is named by its site, as on the
    HTML page's header."""
    sited = Article(id="a-2", source="a-2.txt", text=TEXTS["a-2"], url="https://www.beta.example/x")
    markdown = render_markdown(story((article("a-1", "Alpha News"), sited)))
    assert story_view(story((article("a-1", "Alpha News"), sited))).outlets == 2
    assert "*2 articles, 2 named outlets," in markdown


def test_facts_matrix_keeps_the_best_supported_and_says_how_many_are_left_out():
    source = article("a-1", "Alpha News")
    long_text = "The council cut the budget " + "and then some more " * 20
    facts = [fact(f"f-{number}", "single-source", (source,), "The council cut the budget",
                  independent=1) for number in range(44)]
    facts.insert(30, Fact("f-best", long_text, "corroborated", ("a-1",), (),
                          independent_sources=5))
    markdown = render_markdown(story((source,), facts))
    rows = table_rows(section(markdown, "Facts"))[2:]
    assert len(rows) == 40
    assert rows[0][0] == "f-best"
    assert rows[0][3].endswith("…") and len(rows[0][3]) <= 120
    assert "5 less supported facts are not shown." in markdown


def test_each_conflict_has_a_heading_and_one_column_per_side():
    conflicts = section(render_markdown(budget_story()), "Conflicts")
    assert "### c-1 · number: 3 percent or 4 percent (fact f-1)" in conflicts
    assert table_rows(conflicts) == [
        ["", "side 1", "side 2"],
        ["---", "---", "---"],
        ["value", "3 percent", "4 percent"],
        ["articles", "[1] Alpha News, [3]", "[2] Beta Daily"],
        ["attributed to", "the council", "—"],
        ["text", "“3 percent” [1][3]", "“4 percent” [2]"],
    ]


def test_long_quoted_spans_are_cut():
    text = "The council said " + "very " * 80 + "much."
    source = article("a-1", "Alpha News", text)
    conflict = Conflict("c-1", "wording", "how much", (
        ConflictSide("a lot", ("a-1",), (Span("a-1", 0, len(text), text),)),))
    markdown = render_markdown(story((source,), [fact("f-1", "disputed", (source,), "The council")],
                                     [conflict]))
    quoted = table_rows(section(markdown, "Conflicts"))[-1][1]
    assert quoted.endswith("…” [1]") and len(quoted) <= 200 + len("“” [1]")


def test_a_side_quotes_each_distinct_text_once_and_at_most_three():
    source = article("a-1", "Alpha News", "one two three four five six seven")
    spans = [span(source, word) for word in ("one", "two", "three", "four", "five", "one")]
    conflict = Conflict("c-1", "other", "words", (ConflictSide("words", ("a-1",), tuple(spans)),))
    markdown = render_markdown(story((source,), [fact("f-1", "disputed", (source,), "one")],
                                     [conflict]))
    assert table_rows(section(markdown, "Conflicts"))[-1][1] == (
        "“one” [1]; “two” [1]; “three” [1]; and 2 more")


def hostile_story() -> Story:
    a1 = article("a-1", "Alpha | News", HOSTILE)
    a2 = article("a-2", "<b>Beta</b>", "The council cut the budget by 4 percent on Monday.")
    hostile = span(a1, HOSTILE)
    facts = (Fact("f-1", HOSTILE, "disputed", ("a-1", "a-2"), (Claim(hostile),),
                  independent_sources=2, span=hostile),)
    conflict = Conflict("c-1", "wording", HOSTILE, (
        ConflictSide(HOSTILE, ("a-1",), (hostile,), (HOSTILE,)),
        ConflictSide("4 percent", ("a-2",), (span(a2, "4 percent"),)),
    ), fact="f-1")
    brief = (BriefSentence(HOSTILE, ("a-1",), ("f-1",), hostile, "disputed"),)
    return story((a1, a2), facts, (conflict,), brief)


def test_hostile_article_text_is_escaped_in_every_section():
    markdown = render_markdown(hostile_story())
    for title in ("Brief", "Facts", "Conflicts"):
        text = section(markdown, title)
        assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in text, title
        assert "\\]\\(javascript:x\\)" in text, title
        assert "\\| pipe \\|" in text, title
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "](javascript" not in markdown
    assert_tables_are_well_formed(markdown)


def test_a_story_without_facts_has_none_of_these_sections():
    markdown = render_markdown(story((article("a-1", "Alpha News"),)))
    for heading in ("## Brief", "## Facts", "## Conflicts"):
        assert heading not in markdown
    assert "|---|---|---|---|---|---|---|\n| [1]" in markdown  # the Articles table is still there


def test_facts_without_conflicts_say_so():
    source = article("a-1", "Alpha News")
    markdown = render_markdown(story((source,), [fact("f-1", "single-source", (source,),
                                                      "The council cut the budget")]))
    assert section(markdown, "Conflicts").splitlines()[:3] == [
        "## Conflicts (0)", "", "No conflicts found."]
    assert "|" not in section(markdown, "Conflicts")
