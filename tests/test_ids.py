"""One story id scheme: a number where a database or batch numbers the story, else a hash."""

from consilience.ids import article_id, story_id
from consilience.models import Article


def article(text: str) -> Article:
    return Article(article_id(text), f"{text}.txt", text)


def test_a_numbered_story_is_its_number_and_an_unnumbered_one_the_hash_of_its_articles():
    first, second = article("one"), article("two")
    assert story_id([first, second], 3) == "3"
    assert story_id([first, second]) == story_id([second, first])
    assert story_id([first, second]).startswith("s-") and story_id([first]) != story_id([second])


def test_an_article_is_the_hash_of_its_text_as_read():
    assert article_id("same text") == article_id("same text") != article_id("other text")
    assert article_id("lone \udcff surrogate").startswith("a-")
