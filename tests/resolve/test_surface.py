from consilience.models import Mention, Span
from consilience.resolve import entities_by_surface, surface_key


def mention(article, text, label, start=0):
    return Mention(Span(article, start, start + len(text), text), label, 0)


def test_surface_key_ignores_case_article_possessive_and_spacing():
    assert surface_key("The  Financial Times") == surface_key("financial times")
    assert surface_key("Japan’s") == surface_key("Japan") == "japan"
    assert surface_key("U.S.") != surface_key("US")  # cross-form resolution is the next stage


def test_one_entity_per_surface_name_with_voted_type_and_aliases():
    mentions = [
        mention("a1", "The Financial Times", "ORG"),
        mention("a2", "the Financial Times", "ORG"),
        mention("a2", "Financial Times", "ORG", 40),
        mention("a1", "Elbridge Colby", "ORG", 30),
        mention("a2", "Elbridge Colby", "PERSON", 60),
        mention("a3", "Elbridge Colby", "PERSON", 80),
        mention("a3", "Colby", "PERSON", 5),
    ]
    entities = {entity.name: entity for entity in entities_by_surface(mentions)}
    assert set(entities) == {"Financial Times", "Elbridge Colby", "Colby"}
    times = entities["Financial Times"]
    assert times.type == "ORG" and times.articles == ("a1", "a2")
    assert {alias.text: alias.count for alias in times.aliases} == {
        "The Financial Times": 1, "the Financial Times": 1, "Financial Times": 1}
    assert entities["Elbridge Colby"].type == "PERSON"  # two of three mentions say PERSON
    assert len({entity.id for entity in entities.values()}) == 3


def test_entities_are_ordered_by_mentions_and_ids_are_stable():
    mentions = [mention("a", "Paris", "GPE"), mention("a", "Rome", "GPE", 10),
                mention("b", "Rome", "GPE", 10)]
    first = entities_by_surface(mentions)
    assert [entity.name for entity in first] == ["Rome", "Paris"]
    assert [entity.id for entity in entities_by_surface(list(reversed(mentions)))] == \
           [entity.id for entity in first]
