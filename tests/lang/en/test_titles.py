"""Titles before a name: honorifics, ranks and offices, abbreviations with their full stop."""

from __future__ import annotations

from consilience.lang.en.titles import FORMS_OF_ADDRESS, HONORIFICS, is_honorific, is_title_word


def test_an_abbreviated_title_needs_its_full_stop_but_mr_does_not():
    assert is_title_word("Gen.") and not is_title_word("Gen")
    assert is_title_word("Mr") and is_title_word("Mr.")
    assert is_honorific("Gen.") and not is_honorific("Gen")


def test_an_office_word_is_a_title_but_not_an_honorific():
    assert is_title_word("Secretary") and not is_honorific("Secretary")
    assert is_honorific("General") and is_honorific("Pope")


def test_forms_of_address_are_honorifics():
    assert FORMS_OF_ADDRESS <= HONORIFICS
