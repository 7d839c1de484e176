"""analyze() end to end on the example story."""

from consilience import AnalyzeConfig, analyze, analyze_raw
from consilience.errors import NothingToAnalyseError
from consilience.models import RawArticle
from consilience.resolve import surface_key


def test_example_articles_are_complete(example_analysis):
    story = example_analysis.story
    assert len(story.articles) == 5 and example_analysis.problems == ()
    for article in story.articles:
        assert article.text and article.source.endswith(".txt")
        assert "\n\n\n" not in article.text
    assert story.title and story.id.startswith("s-")


def test_at_least_one_entity_per_distinct_surface_name(example_analysis):
    story = example_analysis.story
    keys = [surface_key(entity.name) for entity in story.entities]
    assert len(keys) == len(set(keys))
    names = {entity.name for entity in story.entities}
    for expected in ("Marco Rubio", "Pete Hegseth", "Financial Times", "Reuters", "NATO"):
        assert expected in names
    for entity in story.entities:
        assert entity.mentions and entity.aliases
        assert sum(alias.count for alias in entity.aliases) == len(entity.mentions)


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
