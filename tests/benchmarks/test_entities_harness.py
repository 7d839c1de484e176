"""The entity-resolution harness: corpus text rebuilding, output mapping and the baselines."""

from __future__ import annotations

import pytest

# entities.py imports its sibling modules as top-level `corpora` and `coref_metrics`; use those.
from benchmarks.entities import (
    GoldMention,
    baseline_exact,
    baseline_head,
    capitalised_head,
    check_seed_gold,
    corpora,
    partition_from_entities,
    strip_titles,
)

from consilience.models import Alias, Entity, Span


def gold(doc: str, start: int, text: str, chain: str = "c") -> GoldMention:
    return GoldMention(doc, start, start + len(text), text, chain, "X", False)


def entity(name: str, *spans: Span) -> Entity:
    return Entity(id=name, name=name, type="OTHER", aliases=(Alias(name, 1, ("a",)),),
                  articles=("a",), mentions=spans)


def test_rebuilt_text_offsets_are_exact() -> None:
    text, tokens = corpora.rebuild_text([["Warren", "Jeffs", "was", "held", "."], ["He", "ran"]],
                                        [3, 7])
    assert text == "Warren Jeffs was held .\nHe ran"
    for row in tokens:
        for token in row:
            assert text[token.start:token.end] == token.text
    assert [token.sentence for token in tokens[1]] == [7, 7]
    assert corpora.is_named(tokens[0][:2]) and not corpora.is_named(tokens[0][:1])
    assert not corpora.is_named(tokens[1])  # "He" opens its sentence


def test_output_entities_map_back_to_gold_mentions() -> None:
    keys = [("a", 0, 5), ("a", 10, 15), ("b", 0, 5), ("b", 9, 12)]
    entities = [
        entity("one", Span("a", 0, 5, "Jeffs"), Span("b", 0, 5, "Jeffs"),
               Span("a", 99, 104, "extra")),
        entity("two", Span("a", 10, 15, "Smith"), Span("a", 0, 5, "Jeffs")),
    ]
    partition, mapping = partition_from_entities(entities, keys)
    assert sorted(map(sorted, partition)) == [[("a", 0, 5), ("b", 0, 5)], [("a", 10, 15)],
                                              [("b", 9, 12)]]
    assert (mapping.dropped, mapping.repeated, mapping.unknown) == (1, 1, 1)


def test_baselines() -> None:
    mentions = [gold("a", 0, "Warren Jeffs", "jeffs"), gold("a", 20, "Mr. Jeffs", "jeffs"),
                gold("b", 0, "the church", "church"), gold("b", 20, "The Church", "church"),
                gold("b", 40, "Jeffs 's lawyer", "lawyer"), gold("c", 0, "warren jeffs", "jeffs")]
    exact = sorted(sorted(key[0] + str(key[1]) for key in cluster)
                   for cluster in baseline_exact(mentions))
    assert exact == [["a0", "c0"], ["a20"], ["b0", "b20"], ["b40"]]
    head = sorted(sorted(key[0] + str(key[1]) for key in cluster)
                  for cluster in baseline_head(mentions))
    assert head == [["a0", "a20", "c0"], ["b0", "b20"], ["b40"]]
    assert strip_titles("President Barack Obama") == ["Barack", "Obama"]
    assert strip_titles("the") == ["the"]
    assert capitalised_head(["Obama", "administration"]) is None
    assert capitalised_head(["Warren", "Jeffs", "'s"]) == "jeffs"


def test_seed_gold_check_finds_entities_and_wrong_merges() -> None:
    entities = [
        Entity("e1", "Pete Hegseth", "PERSON", (Alias("Pete Hegseth", 2, ("a",)),
                                                Alias("Hegseth", 1, ("a",))), ("a",), ()),
        Entity("e2", "US", "GPE", (Alias("US", 1, ("a",)), Alias("Japan", 1, ("a",))),
               ("a",), (Span("a", 0, 15, "the United States"),)),
    ]
    result = check_seed_gold(entities, [
        {"name": "Pete Hegseth", "aliases": ["Pete Hegseth", "Hegseth"]},
        {"name": "United States", "aliases": ["United States", "US"]},
        {"name": "Japan", "aliases": ["Japan"]},
        {"name": "Marco Rubio", "aliases": ["Marco Rubio", "Rubio"]},
    ])
    assert result["found"] == ["Pete Hegseth", "United States", "Japan"]
    assert [item["name"] for item in result["missed"]] == ["Marco Rubio"]
    assert result["wrong_merges"] == [{"entity": "US", "gold": ["United States", "Japan"]}]


@pytest.mark.corpus
def test_ecb_plus_mentions_match_their_tokens(shared_data) -> None:
    documents = corpora.read_ecb_topic(shared_data.parent, 36)
    if not documents:
        pytest.skip("ECB+ is not present")
    mentions = [mention for document in documents for mention in document.mentions]
    assert mentions and all(mention.chain.startswith("36/") for mention in mentions)
    by_name = {document.name: document for document in documents}
    for mention in mentions:
        assert by_name[mention.doc].text[mention.start:mention.end] == mention.text
        assert mention.kind.startswith(corpora.ECB_ENTITY_TAGS)
    assert any(mention.text == "Warren Jeffs" for mention in mentions)


@pytest.mark.corpus
def test_newswcl50_reads_fifty_documents(shared_data) -> None:
    path = corpora.newswcl_path(shared_data.parent)
    if not path.is_file():
        pytest.skip("NewsWCL50 is not present")
    documents = corpora.read_newswcl(path)
    assert len(documents) == 50
    assert len(corpora.newswcl_topics(documents)) == 10
    for document in documents:
        assert "\\n" not in document.text
        for mention in document.mentions:
            assert document.text[mention.start:mention.end] == mention.text
            assert mention.kind in corpora.NEWSWCL_ENTITY_TYPES
