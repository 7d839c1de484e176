"""Mentions of groups that news names by a common noun after a proper modifier."""

from consilience.annotate import extract_mentions
from consilience.models import Article


def mentions(nlp, text):
    article = Article(id="a1", source="a1.txt", text=text)
    return [(mention.span.text, mention.label) for mention in extract_mentions(article, nlp(text))]


def test_a_person_s_campaign_is_an_organisation_not_the_person(nlp):
    found = mentions(nlp, "But the Romney campaign said Tuesday that Mr. Ryan was wrong.")
    assert ("Romney campaign", "ORG") in found
    assert not any(text == "Romney" for text, _ in found)
    assert any(text == "Mr. Ryan" for text, _ in found)


def test_party_members_named_by_a_group_noun_are_a_group(nlp):
    found = mentions(nlp, "She jousted with Republican lawmakers over who deserved blame.")
    assert ("Republican lawmakers", "NORP") in found
    found = mentions(nlp, "The agency collects data from Internet companies, officials said.")
    assert ("Internet companies", "NORP") in found


def test_no_group_without_a_proper_modifier_next_to_the_head(nlp):
    texts = ["Federal authorities had been focusing on Florida.",
             "Romney's campaign said so, and Republican presidential candidates agreed.",
             "Other lawmakers decried the exercise altogether.",
             "The group started a Facebook campaign against the plan."]
    for text in texts:
        found = mentions(nlp, text)
        assert not any(text.endswith(("authorities", "campaign", "candidates", "lawmakers"))
                       for text, _ in found), found
