"""The story timeline from analyze: dated clauses, merged across articles, with spans."""

from consilience import AnalyzeConfig, analyze_raw
from consilience.models import RawArticle
from consilience.render import contract_violations, story_dict


def story_of(*articles):
    raws = [RawArticle(f"{number}.json", text, "json", published=published)
            for number, (text, published) in enumerate(articles)]
    return analyze_raw(raws, AnalyzeConfig(use_cache=False)).story


def test_same_dated_event_from_two_outlets_is_one_entry_and_future_is_scheduled():
    story = story_of(
        ("The city council of Springfield approved the new budget on Friday, officials said. "
         "The mayor will present it to residents on July 9.", "2025-06-21"),
        ("Springfield's council approved its budget on Friday after a long debate, the mayor's "
         "office said.", "2025-06-22"),
    )
    friday = [entry for entry in story.timeline if entry.date == "2025-06-20"]
    assert len(friday) == 1 and len(friday[0].articles) == 2
    july = [entry for entry in story.timeline if entry.date == "2025-07-09"]
    assert july and july[0].scheduled
    assert [entry.date for entry in story.timeline] == sorted(entry.date for entry in
                                                              story.timeline)
    assert contract_violations(story_dict(story)) == []
    for entry in story.timeline:
        assert entry.precision in ("year", "month", "day")
        assert len(entry.spans) >= len(entry.articles)


def test_undated_article_gets_an_inferred_date_only_with_evidence():
    story = story_of(
        ("The council approved the budget on Friday, officials said.", "2025-06-21"),
        ("Residents said on Friday that the budget approved by the council was fair.", None),
        ("Budgets are hard to agree on, residents and officials say.", None),
    )
    by_text = {article.text[:10]: article for article in story.articles}
    assert by_text["Residents "].published == "2025-06-21"
    assert by_text["Residents "].published_inferred is True
    assert by_text["Budgets ar"].published is None  # it dates nothing: no evidence
    assert story.first == "2025-06-21"
