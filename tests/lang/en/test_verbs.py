"""The one list of reporting verbs, with their classes."""

from __future__ import annotations

from consilience.lang.en.verbs import (
    QUOTATION_FRAME_CLASSES,
    REPORTING_VERB_CLASSES,
    REPORTING_VERBS,
    REQUEST_CLASSES,
    reporting_class,
)


def test_the_verbs_of_social_media_and_disclosure_report():
    for verb in ("say", "tell", "write", "tweet", "post", "disclose", "reveal", "highlight"):
        assert verb in REPORTING_VERBS


def test_every_verb_has_one_known_class():
    classes = set(REPORTING_VERB_CLASSES.values())
    assert classes >= REQUEST_CLASSES | QUOTATION_FRAME_CLASSES
    assert reporting_class("Tweet") == "publish"
    assert reporting_class("cancel") is None
