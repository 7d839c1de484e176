"""Pronouns and common nouns given as mentions (gold annotations, quote attribution) join the
entity they refer to, within their article."""

from consilience.annotate import load_pipeline
from consilience.models import Article, Mention, Span
from consilience.resolve import resolve_entities


def mentions_of(text, article_id, words, nlp):
    doc = nlp(text)
    starts = [sent.start_char for sent in doc.sents]
    found, position = [], 0
    for word in words:
        start = text.index(word, position)
        position = start + len(word)
        sentence = sum(1 for value in starts if value <= start) - 1
        label = next((ent.label_ for ent in doc.ents
                      if ent.start_char <= start < ent.end_char), "")
        found.append(Mention(Span(article_id, start, start + len(word), word), label, sentence))
    return doc, found


def entity_of(entities, start):
    return next(entity for entity in entities
                if any(span.start == start for span in entity.mentions))


def test_pronouns_follow_the_nearest_fitting_person_and_learn_gender():
    nlp = load_pipeline()
    text = ("Maria Lopez met Tom Berger in Madrid on Monday. She said the talks went well, "
            "and he agreed. Lopez, who leads the delegation, thanked him.")
    words = ["Maria Lopez", "Tom Berger", "Madrid", "She", "he", "Lopez", "who", "him"]
    doc, mentions = mentions_of(text, "a", words, nlp)
    entities = resolve_entities([Article("a", "a.txt", text)], [doc], mentions)
    lopez = entity_of(entities, text.index("Maria Lopez"))
    berger = entity_of(entities, text.index("Tom Berger"))
    texts = {entity.name: sorted(span.text for span in entity.mentions) for entity in entities}
    assert sorted(span.text for span in lopez.mentions) == ["Lopez", "Maria Lopez", "She", "who"]
    assert "he" in texts[berger.name]
    assert "Madrid" in texts and "him" not in texts["Madrid"]


def test_common_noun_joins_the_person_whose_role_it_names():
    nlp = load_pipeline()
    text = ("The show's host, Ellen Parker, opened the ceremony in Los Angeles. Critics said "
            "the host kept the evening short.")
    doc, mentions = mentions_of(text, "a", ["Ellen Parker", "Los Angeles", "host"], nlp)
    entities = resolve_entities([Article("a", "a.txt", text)], [doc], mentions)
    parker = entity_of(entities, text.index("Ellen Parker"))
    assert {span.text for span in parker.mentions} == {"Ellen Parker", "host"}
    assert parker.name == "Ellen Parker"


def test_a_pronoun_with_no_fitting_antecedent_is_left_out():
    nlp = load_pipeline()
    text = "She arrived late. The Senate then voted on the bill."
    doc, mentions = mentions_of(text, "a", ["She", "Senate"], nlp)
    entities = resolve_entities([Article("a", "a.txt", text)], [doc], mentions)
    assert all(span.text != "She" for entity in entities for span in entity.mentions)
