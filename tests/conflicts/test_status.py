"""Status conflicts: incompatible things said to have become of the same thing."""

from __future__ import annotations

from consilience.claims import ClaimSpace, article_claims
from consilience.conflicts.status import status_conflicts
from consilience.models import Article, Claim, Span, Status


def never_alike(left: Claim, right: Claim) -> float:
    return 0.0


def always_alike(left: Claim, right: Claim) -> float:
    return 1.0


def claim(article: str, text: str, state: str, thing: str, word: str, number: int = 1,
          entities: tuple[str, ...] = (), dates: tuple[str, ...] = (), **slots) -> Claim:
    start = text.index(word)
    status = Status(state, thing, Span(article, start, start + len(word), word))
    return Claim(span=Span(article, 0, len(text), text), id=f"{article}-c{number}",
                 statuses=(status,), entities=entities, dates=dates, **slots)


def parsed(nlp, *texts: str) -> list[Claim]:
    claims: list[Claim] = []
    for number, text in enumerate(texts):
        article = Article(id=f"a{number}", source=f"a{number}.txt", text=text)
        doc = nlp(text)
        mentions = {article.id: [(entity.start_char, entity.end_char, f"e-{entity.text}")
                                 for entity in doc.ents if entity.label_ in ("GPE", "ORG")]}
        claims.extend(article_claims(article, doc, mentions, {}))
    return claims


def test_cancelled_and_postponed_meeting_of_two_articles_conflict(nlp):
    claims = parsed(nlp, "Tokyo cancelled the meeting with Seoul.",
                    "Tokyo postponed the meeting with Seoul.")
    found = status_conflicts(claims, ClaimSpace(claims).claim_similarity)
    assert len(found) == 1
    sides, thing = found[0]
    assert thing == "meeting"
    assert [(side.value, side.articles) for side in sides] == [
        ("cancelled", ("a0",)), ("postponed", ("a1",))]
    assert [side.spans for side in sides] == [(claims[0].span,), (claims[1].span,)]


def test_a_cancelled_thing_and_an_unrelated_postponed_thing_do_not_conflict(nlp):
    claims = parsed(nlp, "Tokyo cancelled the meeting with Seoul.",
                    "The league postponed the final.")
    assert status_conflicts(claims, ClaimSpace(claims).claim_similarity) == []


def test_the_same_noun_with_no_shared_context_is_not_the_same_thing(nlp):
    claims = parsed(nlp, "Tokyo cancelled the meeting with Seoul.",
                    "The school postponed the parents' meeting.")
    assert status_conflicts(claims, ClaimSpace(claims).claim_similarity) == []


def test_the_same_status_everywhere_is_no_conflict(nlp):
    claims = parsed(nlp, "Tokyo cancelled the meeting with Seoul.",
                    "Tokyo called off the meeting with Seoul.",
                    "The meeting with Seoul was scrapped by Tokyo.")
    assert [status.state for claim in claims for status in claim.statuses] == ["cancel"] * 3
    assert status_conflicts(claims, ClaimSpace(claims).claim_similarity) == []


def test_same_noun_with_a_shared_entity_conflicts():
    first = claim("a", "Tokyo cancelled the meeting.", "cancel", "meeting", "cancelled",
                  entities=("tokyo",))
    second = claim("b", "Tokyo postponed the meeting.", "postpone", "meeting", "postponed",
                   entities=("tokyo",))
    (sides, thing), = status_conflicts([first, second], never_alike)
    assert thing == "meeting"
    assert [side.articles for side in sides] == [("a",), ("b",)]


def test_same_noun_with_similar_wording_conflicts_without_an_entity():
    first = claim("a", "The board cancelled the meeting.", "cancel", "meeting", "cancelled")
    second = claim("b", "The board postponed the meeting.", "postpone", "meeting",
                   "postponed")
    assert status_conflicts([first, second], never_alike) == []
    assert len(status_conflicts([first, second], always_alike)) == 1


def test_nouns_of_one_kind_need_an_entity_and_a_value_in_common():
    first = claim("a", "Tokyo cancelled the meeting.", "cancel", "meeting", "cancelled",
                  entities=("tokyo",))
    second = claim("b", "Tokyo postponed the summit.", "postpone", "summit", "postponed",
                   entities=("tokyo",))
    assert status_conflicts([first, second], always_alike) == []
    dated_first = claim("a", "Tokyo cancelled the meeting.", "cancel", "meeting", "cancelled",
                        entities=("tokyo",), dates=("2025-07-01",))
    dated_second = claim("b", "Tokyo postponed the summit.", "postpone", "summit",
                         "postponed", entities=("tokyo",), dates=("2025-07-01",))
    (sides, _), = status_conflicts([dated_first, dated_second], never_alike)
    assert [side.value for side in sides] == ["cancelled", "postponed"]


def test_nouns_of_different_kinds_never_conflict():
    first = claim("a", "Tokyo cancelled the meeting.", "cancel", "meeting", "cancelled",
                  entities=("tokyo",), dates=("2025-07-01",))
    second = claim("b", "Tokyo postponed the election.", "postpone", "election", "postponed",
                   entities=("tokyo",), dates=("2025-07-01",))
    assert status_conflicts([first, second], always_alike) == []


def test_compatible_states_do_not_conflict():
    first = claim("a", "Tokyo cancelled the tariff.", "cancel", "tariff", "cancelled",
                  entities=("tokyo",))
    second = claim("b", "Tokyo imposed the tariff.", "impose", "tariff", "imposed",
                   entities=("tokyo",))
    assert status_conflicts([first, second], always_alike) == []


def test_imposed_and_on_hold_tariffs_conflict():
    first = claim("a", "Washington imposed the tariffs.", "impose", "tariff", "imposed",
                  entities=("us",))
    second = claim("b", "The tariffs are on hold, Washington said.", "on-hold", "tariff",
                   "on hold", entities=("us",))
    (sides, thing), = status_conflicts([first, second], never_alike)
    assert thing == "tariff"
    assert [side.value for side in sides] == ["imposed", "on hold"]


def test_a_status_without_a_thing_is_not_compared():
    first = claim("a", "It was cancelled.", "cancel", "", "cancelled", entities=("tokyo",))
    second = claim("b", "It was postponed.", "postpone", "", "postponed", entities=("tokyo",))
    assert status_conflicts([first, second], always_alike) == []


def test_a_hypothetical_claim_states_no_status():
    first = claim("a", "Tokyo cancelled the meeting.", "cancel", "meeting", "cancelled",
                  entities=("tokyo",))
    second = claim("b", "Tokyo may postpone the meeting.", "postpone", "meeting", "postpone",
                   entities=("tokyo",), modality="possible")
    assert status_conflicts([first, second], always_alike) == []


def test_a_demand_states_no_status():
    # what someone says should happen is not what became of the thing
    suspended = claim("a", "The minister suspended the decision.", "postpone", "decision",
                      "suspended", entities=("minister",))
    demanded = claim("b", "The minister should withdraw the decision, the chairman said.",
                     "cancel", "decision", "withdraw", entities=("minister",),
                     modality="demanded")
    assert status_conflicts([suspended, demanded], always_alike) == []
    asserted = claim("b", "The minister withdrew the decision.", "cancel", "decision",
                     "withdrew", entities=("minister",))
    assert status_conflicts([suspended, asserted], always_alike) != []


def test_a_side_names_the_most_common_wording_and_every_article_and_speaker():
    cancelled = [claim(article, "Tokyo cancelled the meeting.", "cancel", "meeting",
                       "cancelled", entities=("tokyo",)) for article in ("a", "b")]
    scrapped = claim("c", "Tokyo scrapped the meeting.", "cancel", "meeting", "scrapped",
                     entities=("tokyo",), attributed_to="Reuters")
    postponed = claim("d", "Tokyo postponed the meeting.", "postpone", "meeting", "postponed",
                      entities=("tokyo",))
    (sides, _), = status_conflicts([*cancelled, scrapped, postponed], never_alike)
    assert sides[0].value == "cancelled"
    assert sides[0].articles == ("a", "b", "c")
    assert sides[0].attributed_to == ("Reuters",)
    assert sides[1].articles == ("d",)


def test_no_claims_no_conflicts():
    assert status_conflicts([], never_alike) == []
