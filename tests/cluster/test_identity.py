from consilience.cluster import article_id, story_id, story_title
from consilience.models import Article


def test_article_id_is_a_content_hash():
    assert article_id("same text") == article_id("same text")
    assert article_id("same text") != article_id("other text")


def test_story_id_does_not_depend_on_order():
    a, b = Article(id="a-1", source="x", text="t"), Article(id="a-2", source="y", text="u")
    assert story_id([a, b]) == story_id([b, a])


def test_title_is_the_most_representative_article_title():
    articles = [
        Article(id="1", source="", text="Rain floods the valley town; rescue teams arrive.",
                title="Opinion: why we love weather"),
        Article(id="2", source="", text="The valley town floods after rain; rescue teams work.",
                title="Valley town floods after rain"),
        Article(id="3", source="", text="Floods hit the valley town after days of rain."),
    ]
    assert story_title(articles) == "Valley town floods after rain"


def test_title_falls_back_to_the_first_sentence_shortened():
    text = "A " + "very " * 60 + "long opening sentence. Second sentence."
    title = story_title([Article(id="1", source="", text=text)])
    assert title.startswith("A very") and title.endswith("…") and len(title) <= 121


def test_the_first_sentence_is_cut_by_the_shared_splitter():
    text = "Mr. Roe opened the new bridge on Monday. Traffic resumed.\n\nMore text."
    assert story_title([Article(id="1", source="", text=text)]) == \
        "Mr. Roe opened the new bridge on Monday."
