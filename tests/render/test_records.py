"""Every record type renders to schema-valid JSON and to Markdown, with article text escaped."""

import re

import jsonschema

from consilience.models import (
    Alias,
    Article,
    BriefSentence,
    Citation,
    Claim,
    Conflict,
    ConflictSide,
    Copy,
    Entity,
    Fact,
    Problem,
    Quote,
    RemovedLine,
    Span,
    Story,
    TimelineEntry,
)
from consilience.render import contract_violations, render, render_markdown, story_dict

HOSTILE = 'Mayor <script>alert(1)</script> said "><img src=x onerror=alert(2)> | [link](http://x)'


def span(article, text, needle):
    start = text.index(needle)
    return Span(article.id, start, start + len(needle), needle)


def full_story():
    text_a = f"{HOSTILE}\n\nThe council cut the budget by 3 percent on June 2, 2025."
    text_b = "The council cut the budget by 4 percent, according to Example Times."
    a = Article(id="a-1", source="a.txt", text=text_a, title="Cuts <b>", outlet="A News",
                published="2025-06-02", removed=(RemovedLine("Comments", "widget", 9),),
                headings=())
    b = Article(id="a-2", source="b.txt", text=text_b, outlet="B Daily")
    mayor = Entity("e-1", "Mayor", "PERSON", (Alias("Mayor", 1, ("a-1",)),), ("a-1",),
                   (span(a, text_a, "Mayor"),))
    council = Entity("e-2", "council", "ORG", (Alias("council", 2, ("a-1", "a-2")),),
                     ("a-1", "a-2"), (span(a, text_a, "council"), span(b, text_b, "council")))
    fact = Fact("f-1", "The council cut the budget.", "disputed", ("a-1", "a-2"),
                (Claim(span(a, text_a, "The council cut the budget by 3 percent")),
                 Claim(span(b, text_b, "The council cut the budget by 4 percent"),
                       attributed_to="Example Times")), independent_sources=2)
    conflict = Conflict("c-1", "number", "3 percent vs 4 percent", (
        ConflictSide("3 percent", ("a-1",), (span(a, text_a, "3 percent"),)),
        ConflictSide("4 percent", ("a-2",), (span(b, text_b, "4 percent"),)),
    ), fact="f-1")
    quote = Quote("q-1", span(a, text_a, "<script>alert(1)</script>"), direct=True, speaker="e-1",
                  speaker_text="Mayor", cue="said")
    return Story(
        id="s-1", title="Budget <cut>", articles=(a, b), entities=(mayor, council),
        facts=(fact,), conflicts=(conflict,), quotes=(quote,),
        timeline=(TimelineEntry("2025-06-02", "The council cut the budget", ("a-1",),
                                (span(a, text_a, "The council cut the budget"),)),),
        citations=(Citation("a-2", "Example Times", "according-to",
                            span(b, text_b, "according to Example Times")),
                   Citation("a-1", "Wire", "other", None)),
        copies=(Copy("a-2", "a-1", 0.5, (span(b, text_b, "The council cut the budget"),)),),
        brief=(BriefSentence("The council cut the budget by 3 percent on June 2, 2025.", ("a-1",),
                             ("f-1",)),),
        first="2025-06-02", last="2025-06-02",
    )


def test_every_record_type_is_schema_valid_and_keeps_the_contract(schema):
    document = story_dict(full_story(), "model 1")
    jsonschema.Draft202012Validator(schema).validate(document)
    assert contract_violations(document) == []
    assert document["generator"]["model"] == "model 1"
    assert document["facts"][0]["claims"][1]["attributed_to"] == "Example Times"
    assert document["citations"][1]["span"] is None


def test_markdown_shows_every_section_and_escapes_article_text():
    markdown = render_markdown(full_story(), "model 1",
                               [Problem("bad.txt", "E102", "binary file", None)])
    for heading in ("## Articles", "## Brief", "## Facts (1)", "## Conflicts (1)",
                    "## Entities (2)", "## Quotes (1)", "## Timeline", "## Who cites whom",
                    "## Copied passages", "## Left out of the article text",
                    "## Inputs skipped"):
        assert heading in markdown
    assert "<script>" not in markdown and "<img" not in markdown and "<b>" not in markdown
    assert "&lt;script&gt;" in markdown
    assert "](http" not in markdown
    for block in re.split(r"\n(?!\|)", markdown):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        assert len({len(re.findall(r"(?<!\\)\|", row)) for row in rows}) <= 1, block


def test_render_checks_the_contract_before_writing():
    story = full_story()
    broken = Story(id="s", title="t", articles=story.articles, entities=(Entity(
        "e-x", "x", "ORG", (), (), (Span("a-1", 0, 3, "nope"),)),))
    try:
        render(broken, "json")
    except Exception as error:
        assert "[E401]" in str(error)
    else:
        raise AssertionError("a span that is not its slice must not be written")
