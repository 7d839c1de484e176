"""analyze() end to end on the example story."""

from consilience import AnalyzeConfig, analyze, analyze_raw
from consilience.errors import NothingToAnalyseError
from consilience.models import RawArticle


def test_example_articles_are_complete(example_analysis):
    story = example_analysis.story
    assert len(story.articles) == 5 and example_analysis.problems == ()
    for article in story.articles:
        assert article.text and article.source.endswith(".txt")
        assert "\n\n\n" not in article.text
    assert story.title and story.id.startswith("s-")


def test_every_name_mention_is_in_exactly_one_entity(example_analysis):
    story = example_analysis.story
    spans = [(span.article, span.start, span.end) for entity in story.entities
             for span in entity.mentions]
    assert len(spans) == len(set(spans))
    names = {entity.name for entity in story.entities}
    for expected in ("Marco Rubio", "Pete Hegseth", "Financial Times", "Reuters", "NATO"):
        assert expected in names
    for entity in story.entities:
        aliases = {alias.text for alias in entity.aliases}
        assert {span.text for span in entity.mentions} <= aliases
        assert set(entity.articles) == {span.article for span in entity.mentions}


def test_seed_gold_entities_are_found_whole_and_never_merged(example_analysis, gold):
    """The development gold: each gold entity's aliases in one output entity, no output entity
    holding two gold entities (matching ignores case and a leading "the")."""
    def norm(text):
        text = " ".join(text.split()).casefold()
        return text[4:] if text.startswith("the ") else text

    holders = {}
    for entity in example_analysis.story.entities:
        for alias in entity.aliases:
            holders.setdefault(norm(alias.text), set()).add(entity.id)
    owner_of_gold = {}
    for gold_entity in gold["entities"]:
        owners = [holders.get(norm(alias), set()) for alias in gold_entity["aliases"]]
        common = set.intersection(*owners)
        assert common, f"{gold_entity['name']}: aliases not in one entity"
        owner_of_gold[gold_entity["name"]] = common
    for name, owners in owner_of_gold.items():
        for other, other_owners in owner_of_gold.items():
            if name != other:
                assert not owners & other_owners, f"{name} merged with {other}"


def test_same_text_twice_is_analysed_once_with_a_warning():
    text = "The council approved the budget on Monday, the mayor said in a statement."
    analysis = analyze_raw([RawArticle("a.txt", text, "text"), RawArticle("b.txt", text, "text")],
                           AnalyzeConfig(use_cache=False))
    assert len(analysis.story.articles) == 1
    assert [problem.code for problem in analysis.problems] == ["W102"]


def test_nothing_to_analyse_carries_the_reasons(tmp_path):
    (tmp_path / "e.txt").write_text("")
    try:
        analyze([tmp_path], AnalyzeConfig(use_cache=False))
    except NothingToAnalyseError as error:
        assert [problem.code for problem in error.problems] == ["E104"]
    else:
        raise AssertionError("an empty batch cannot be analysed")


def test_cache_makes_a_rerun_skip_parsing(example_dir, tmp_path):
    config = AnalyzeConfig(cache_dir=tmp_path)
    first = analyze([example_dir], config)
    second = analyze([example_dir], config)
    assert (first.parsed_docs, second.parsed_docs, second.cached_docs) == (5, 0, 5)
    assert first.story == second.story


def test_conflicting_and_impossible_publication_metadata_is_reported_and_handled():
    body = ("The council approved the budget on Friday, the mayor said in a statement. "
            "The vote followed weeks of debate in the chamber.")
    conflicting = RawArticle("a.json", f"Budget approved\n\nJune 2, 2025\n\n{body}", "json",
                             published="2025-06-21")
    future = RawArticle("b.json", body + " More details.", "json", published="2999-01-01")
    analysis = analyze_raw([conflicting, future], AnalyzeConfig(use_cache=False))
    codes = {problem.source: problem.code for problem in analysis.problems}
    assert codes == {"a.json": "W104", "b.json": "W105"}
    by_source = {article.source: article for article in analysis.story.articles}
    assert by_source["a.json"].published == "2025-06-21"
    assert by_source["b.json"].published != "2999-01-01"
