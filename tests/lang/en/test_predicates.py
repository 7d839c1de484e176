"""Predicate classes and the kinds of event whose days outlets are compared on."""

from __future__ import annotations

from consilience.lang.en.predicates import event_kind, predicate_class


def test_departures_are_one_kind_of_event_whatever_the_verb():
    assert predicate_class("retire") == predicate_class("step", "down") == "resign"
    # "leave" stays out of the alignment's classes ("left for Paris") ...
    assert predicate_class("leave") is None
    # ... but beside a resignation its days are those of one kind of event
    assert event_kind("leave", None) == event_kind("resign", "resign") == "resign"


def test_other_events_are_their_class_or_their_verb():
    assert event_kind("cancel", "cancel") == event_kind("scrap", "cancel")
    assert event_kind("stand", None) == "stand" != event_kind("visit", None)
    assert event_kind(None, None) is None
