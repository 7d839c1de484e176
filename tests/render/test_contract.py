"""The output contract: schema-valid, every span is its article's slice, every id resolves."""

import copy
import json

import jsonschema
import pytest

from consilience.errors import ContractError
from consilience.render import check_contract, contract_violations, iter_spans, story_dict

from ..conftest import SHARED


def test_packaged_schema_is_the_shared_one(schema):
    shared = SHARED / "schema" / "story.schema.json"
    if not shared.is_file():
        pytest.skip("../shared/schema is not present")
    assert json.loads(shared.read_text(encoding="utf-8")) == schema


def test_example_story_validates_against_the_schema(example_analysis, schema):
    document = story_dict(example_analysis.story, example_analysis.model)
    jsonschema.Draft202012Validator(schema).validate(document)


def test_every_span_is_the_slice_it_points_at(example_analysis):
    document = story_dict(example_analysis.story)
    texts = {article["id"]: article["text"] for article in document["articles"]}
    spans = list(iter_spans(document))
    assert len(spans) > 100
    for _path, span in spans:
        assert texts[span["article"]][span["start"]:span["end"]] == span["text"]


def test_ids_are_unique_and_references_resolve(example_analysis):
    document = story_dict(example_analysis.story)
    article_ids = [article["id"] for article in document["articles"]]
    entity_ids = [entity["id"] for entity in document["entities"]]
    assert len(set(article_ids)) == len(article_ids) == 5
    assert len(set(entity_ids)) == len(entity_ids)
    assert document["story"]["articles"] == article_ids
    for entity in document["entities"]:
        assert set(entity["articles"]) <= set(article_ids)
        for alias in entity["aliases"]:
            assert set(alias["articles"]) <= set(entity["articles"])
    assert contract_violations(document) == []


def _break(document, how):
    broken = copy.deepcopy(document)
    how(broken)
    return broken


@pytest.mark.parametrize("how", [
    lambda d: d["entities"][0]["mentions"][0].update(start=d["entities"][0]["mentions"][0]["start"]
                                                     + 1),
    lambda d: d["entities"][0]["mentions"][0].update(article="a-missing"),
    lambda d: d["entities"][0]["mentions"][0].update(end=10**9),
    lambda d: d["entities"][1].update(id=d["entities"][0]["id"]),
    lambda d: d["story"]["articles"].append("a-missing"),
    lambda d: d["brief"].append({"text": "x", "articles": [], "facts": ["f-missing"]}),
])
def test_a_broken_document_is_caught(example_analysis, how):
    document = story_dict(example_analysis.story)
    broken = _break(document, how)
    assert contract_violations(broken)
    with pytest.raises(ContractError, match=r"\[E401\]"):
        check_contract(broken)
