"""analyze() end to end for claims, facts, conflicts and the brief, with the bad inputs the
issue names: a one-sentence article, a verbatim repeat, a one-article story, numbers in odd
formats, claims without entities."""

from __future__ import annotations

import shutil

import pytest
from benchmarks.fact_gold import gold_keys, match_facts

from consilience import AnalyzeConfig, analyze, analyze_raw, story_dict
from consilience.render import contract_violations

CONFIG = AnalyzeConfig(use_cache=False)


def raw(source: str, text: str, published: str | None = None):
    from consilience.models import RawArticle

    return RawArticle(source, text, "text", published=published)


def _all_spans(story):
    for claim in story.claims:
        yield claim.span
        yield from (span for span in (claim.sentence, claim.attribution) if span)
        yield from (quantity.span for quantity in claim.quantities)
        yield from (status.span for status in claim.statuses)
    for fact in story.facts:
        yield fact.span
    for conflict in story.conflicts:
        for side in conflict.sides:
            yield from side.spans
    for sentence in story.brief:
        yield sentence.span


def test_every_claim_fact_conflict_and_brief_span_is_its_article_slice(example_analysis):
    story = example_analysis.story
    texts = {article.id: article.text for article in story.articles}
    spans = list(_all_spans(story))
    assert len(spans) > 200
    for span in spans:
        assert span is not None
        assert texts[span.article][span.start:span.end] == span.text
    assert contract_violations(story_dict(story)) == []


def test_seed_gold_facts_are_found_with_their_support(example_analysis, gold):
    matched = match_facts(gold["facts"], list(example_analysis.story.facts),
                          gold_keys(example_analysis.story.articles))
    assert all(match.found for match in matched), [m.gold for m in matched if not m.found]
    assert sum(match.jaccard for match in matched) / len(matched) >= 0.85


def test_the_seed_story_disagreements_are_found(example_analysis):
    statuses = [conflict for conflict in example_analysis.story.conflicts
                if conflict.kind == "status"]
    values = [{side.value.casefold() for side in conflict.sides} for conflict in statuses]
    assert any({"canceled", "postponed"} <= sides or {"cancelled", "postponed"} <= sides
               for sides in values), values
    timed = [conflict for conflict in statuses if "later" in conflict.summary]
    assert timed, "the earlier/later report explanation is missing"
    for conflict in example_analysis.story.conflicts:
        assert len(conflict.sides) >= 2
        assert all(side.value and side.articles and side.spans for side in conflict.sides)
    numbers = [conflict for conflict in example_analysis.story.conflicts
               if conflict.kind == "number"]
    # every article gives both the earlier (3%) and the new (3.5%) request: not a conflict
    assert not any({"3%", "3.5%"} <= {side.value for side in conflict.sides}
                   for conflict in numbers)


def test_brief_is_verbatim_cited_and_never_repeats(example_analysis):
    story = example_analysis.story
    texts = {article.id: article.text for article in story.articles}
    assert 5 <= len(story.brief) <= 10
    seen = set()
    for sentence in story.brief:
        assert texts[sentence.span.article][sentence.span.start:sentence.span.end] == \
            sentence.text
        assert sentence.articles and sentence.span.article in sentence.articles
        assert sentence.text not in seen
        seen.add(sentence.text)
    sections = [sentence.section for sentence in story.brief]
    assert sections[0] == "corroborated"
    assert sections == sorted(sections, key=["corroborated", "disputed",
                                             "single-source"].index)


def test_a_repeated_article_under_another_name_adds_no_conflict(example_dir, tmp_path,
                                                               example_analysis):
    for path in sorted(example_dir.glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    source = sorted(example_dir.glob("*.txt"))[1]
    (tmp_path / "zz_copy.txt").write_text(source.read_text(encoding="utf-8")
                                          + "\n\nFirst published elsewhere.\n", encoding="utf-8")
    repeated = analyze([tmp_path], CONFIG)

    def keys(story):
        return {(conflict.kind, frozenset(side.value.casefold() for side in conflict.sides))
                for conflict in story.conflicts}

    assert keys(repeated.story) <= keys(example_analysis.story)


def test_one_article_story_has_single_source_facts_and_no_conflicts(example_dir):
    analysis = analyze([sorted(example_dir.glob("*.txt"))[0]], CONFIG)
    story = analysis.story
    assert story.facts
    assert {fact.status for fact in story.facts} == {"single-source"}
    assert all(fact.independent_sources == 1 for fact in story.facts)
    assert [conflict for conflict in story.conflicts if conflict.kind != "name"] == []
    assert story.brief and {sentence.section for sentence in story.brief} == {"single-source"}


def test_an_article_of_one_sentence_is_analysed():
    analysis = analyze_raw([
        raw("one.txt", "The port authority closed the harbour on Tuesday after a storm."),
        raw("two.txt", "A storm forced the port authority to close the harbour on Tuesday, "
                       "officials said. Ferries were cancelled and 300 passengers waited."),
    ], CONFIG)
    story = analysis.story
    assert len(story.articles) == 2
    one = story.articles[0].id
    assert any(claim.span.article == one for claim in story.claims)
    assert any(one in fact.articles for fact in story.facts)


def test_verbatim_repeat_is_kept_once_and_changes_no_fact():
    text = ("The central bank raised its key rate to 4.5 per cent on Thursday. "
            "Analysts had expected the increase.")
    once = analyze_raw([raw("a.txt", text)], CONFIG).story
    twice = analyze_raw([raw("a.txt", text), raw("b.txt", text)], CONFIG)
    assert [problem.code for problem in twice.problems] == ["W102"]
    assert [fact.text for fact in twice.story.facts] == [fact.text for fact in once.facts]


def test_numbers_in_odd_formats_are_normalised_in_claims():
    text = ("The fund lost 1,000.5 million euros last year. A rival fund reported a loss of "
            "1.000,5 million euros. Inflation slowed to 3.5pc in March.")
    story = analyze_raw([raw("odd.txt", text)], CONFIG).story
    values = sorted((quantity.value, quantity.unit) for claim in story.claims
                    for quantity in claim.quantities)
    assert (3.5, "%") in values
    assert values.count((1000.5e6, "EUR")) == 2, values


def test_claims_without_entities_still_become_facts():
    story = analyze_raw([
        raw("a.txt", "prices rose sharply last week as demand grew."),
        raw("b.txt", "demand grew and prices rose sharply last week."),
    ], CONFIG).story
    assert story.claims and all(claim.entities == () for claim in story.claims)
    assert any(len(fact.articles) == 2 for fact in story.facts)


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_renders_with_facts_and_conflicts(example_analysis, fmt):
    from consilience import render

    output = render(example_analysis.story, fmt)
    if fmt == "md":
        for heading in ("## Brief", "## Facts", "## Conflicts"):
            assert heading in output
    else:
        assert '"facts"' in output and '"brief"' in output
