"""`render.load`: the Story back from its schema v1 document, so that
`story_dict(story_from_document(document)) == document`."""

from __future__ import annotations

import copy
import json

import jsonschema

from consilience.models import Copy, Span
from consilience.render.json import story_dict
from consilience.render.load import article_from_dict, document_model, story_from_document


def span(article: str, text: str, whole: str) -> dict:
    start = whole.index(text)
    return {"article": article, "start": start, "end": start + len(text), "text": text}


A = "a-0123456789"
B = "a-abcdef0123"
TEXT_A = "Officials said 12 people died in Springfield on 3 May. Mayor Quimby resigned."
TEXT_B = "Mayor Quimby said ten people died. Officials said 12 people died in Springfield."


def small_document() -> dict:
    """A document with every kind of record and every optional field filled in."""
    document = story_dict(story_from_document({
        "story": {"id": "7", "title": "Springfield flood", "first": "2024-05-03",
                  "last": "2024-05-04"},
        "articles": [], "generator": {}}))
    died_a = span(A, "Officials said 12 people died in Springfield on 3 May.", TEXT_A)
    died_b = span(B, "Officials said 12 people died in Springfield.", TEXT_B)
    ten = span(B, "Mayor Quimby said ten people died.", TEXT_B)
    claim = {**died_a, "attributed_to": "Officials", "id": "c1",
             "attribution": span(A, "Officials said", TEXT_A), "predicate": "die",
             "predicate_class": "die", "negated": False, "modality": "asserted",
             "hedges": ["said"], "entities": ["e1"],
             "quantities": [{"value": 12.0, "unit": "", "kind": "count", "role": "current",
                             "span": span(A, "12", TEXT_A)}],
             "dates": ["2024-05-03"],
             "statuses": [{"state": "absent", "thing": "mayor",
                           "span": span(A, "resigned", TEXT_A)}]}
    document.update({
        "generator": {**document["generator"], "model": "en_core_web_sm 3.8.0"},
        "articles": [
            {"id": A, "source": "a.json", "url": "https://example.com/a", "outlet": "Times",
             "outlet_hints": ["times.example"], "title": "Flood", "byline": "Ann Lee",
             "published": "2024-05-03", "published_inferred": True, "updated": "2024-05-04",
             "language": "en", "text": TEXT_A,
             "headings": [span(A, "Officials", TEXT_A)],
             "removed": [{"text": "Share this", "reason": "boilerplate", "line": 3},
                         {"text": "Photo: AP", "reason": "credit", "line": None,
                          "credit": "AP"}]},
            {"id": B, "source": "b.json", "url": None, "outlet": None, "outlet_hints": [],
             "title": None, "byline": None, "published": None, "published_inferred": False,
             "updated": None, "language": None, "text": TEXT_B, "headings": [],
             "removed": []}],
        "entities": [{"id": "e1", "name": "Springfield", "type": "GPE", "roles": ["place"],
                      "aliases": [{"text": "Springfield", "count": 2, "articles": [A, B],
                                   "kind": "name"}],
                      "articles": [A, B],
                      "mentions": [span(A, "Springfield", TEXT_A),
                                   span(B, "Springfield", TEXT_B)]}],
        "facts": [{"id": "f1", "text": died_a["text"], "status": "disputed",
                   "articles": [A, B], "span": died_a, "claims": [claim],
                   "independent_sources": 2, "origins": ["Officials"]},
                  {"id": "f2", "text": ten["text"], "status": "single-source", "articles": [B],
                   "span": None, "claims": []}],
        "conflicts": [{"id": "k1", "kind": "number", "summary": "12 or ten dead", "fact": "f1",
                       "change_over_time": True,
                       "sides": [{"value": "12", "articles": [A], "attributed_to": ["Officials"],
                                  "spans": [died_a]},
                                 {"value": "10", "articles": [B], "attributed_to": [],
                                  "spans": [ten]}]}],
        "quotes": [{**span(B, "ten people died", TEXT_B), "id": "q1", "direct": False,
                    "speaker": None, "speaker_text": "Mayor Quimby", "cue": "said",
                    "same_as": ["q2"]}],
        "timeline": [{"date": "2024-05-03", "precision": "day", "end": None, "scheduled": False,
                      "text": "12 people died", "articles": [A], "spans": [died_a]}],
        "citations": [{"article": A, "source": "Officials", "kind": "reported", "entity": None,
                       "span": span(A, "Officials said", TEXT_A)},
                      {"article": B, "source": "AP", "kind": "other", "entity": "e1",
                       "span": None}],
        "copies": [{"article": B, "of_article": A, "overlap": 0.5, "spans": [died_b],
                    "of_spans": [died_a]}],
        "brief": [{"text": died_a["text"], "articles": [A, B], "facts": ["f1"],
                   "section": "disputed", "span": died_a},
                  {"text": ten["text"], "articles": [B], "facts": [], "section": "single-source",
                   "span": None}],
    })
    document["story"]["articles"] = [A, B]
    return document


def test_the_example_story_comes_back_whole(example_analysis, schema):
    document = story_dict(example_analysis.story, example_analysis.model)
    assert document["facts"] and document["conflicts"] and document["quotes"]
    assert document["dates"]
    assert story_dict(story_from_document(document), example_analysis.model) == document
    text = json.loads(json.dumps(document))  # as the database keeps it
    story = story_from_document(text)
    assert story_dict(story, document_model(text)) == document
    assert story.articles == example_analysis.story.articles
    jsonschema.Draft202012Validator(schema).validate(text)


def test_a_small_document_with_every_field_comes_back_whole(schema):
    document = small_document()
    jsonschema.Draft202012Validator(schema).validate(document)
    story = story_from_document(document)
    assert story_dict(story, document_model(document)) == document
    assert story.copies == (Copy(B, A, 0.5, (Span(B, 35, 80, TEXT_B[35:80]),),
                                 (Span(A, 0, 54, TEXT_A[:54]),)),)
    assert story.facts[0].claims[0].quantities[0].value == 12.0
    assert story.facts[1].independent_sources is None
    assert story.articles[0].removed[1].credit == "AP"
    assert story.articles[0].headings == ((0, 9),)
    assert document_model(document) == "en_core_web_sm 3.8.0"


def test_keys_an_older_document_lacks_get_their_defaults():
    document = small_document()
    older = copy.deepcopy(document)
    del older["copies"][0]["of_spans"]
    for key in ("roles",):
        del older["entities"][0][key]
    del older["facts"][0]["claims"][0]["statuses"]
    del older["articles"][0]["outlet_hints"]
    del older["generator"]["model"]
    story = story_from_document(older)
    assert story.copies[0].of_spans == ()
    assert story.entities[0].roles == ()
    assert story.facts[0].claims[0].statuses == ()
    assert document_model(older) is None
    again = story_dict(story)
    assert again["copies"][0]["of_spans"] == []


def test_an_article_alone():
    item = small_document()["articles"][1]
    article = article_from_dict(item)
    assert (article.id, article.text, article.title, article.removed) == (B, TEXT_B, None, ())
