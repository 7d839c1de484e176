from consilience.timeline import infer_published


def test_a_wire_dateline_gives_the_day(nlp):
    doc = nlp("WASHINGTON, June 21 (Reuters) - The Senate passed the bill on Friday, "
              "officials said. The vote came after months of talks in 2025.")
    assert infer_published(doc, ()).value == "2025-06-21"


def test_story_dates_are_used_when_the_text_fits_them(nlp):
    doc = nlp("The ministry said on Friday that the talks were cancelled.")
    assert infer_published(doc, ["2025-06-21T18:42", None]).value == "2025-06-21"


def test_a_past_event_after_the_story_date_moves_the_date_forward(nlp):
    doc = nlp("On June 23, the prime minister announced that he would skip the summit.")
    assert infer_published(doc, ["2025-06-21"]).value == "2025-06-23"


def test_no_evidence_no_date(nlp):
    for text in ("The council met to discuss the budget and agreed on most points.",
                 "Prices rose again, traders said, as demand stayed strong.",
                 "The treaty was signed in 1951 and revised in 1960."):
        assert infer_published(nlp(text), ()) is None


def test_a_full_date_counts_alone_only_when_its_weekday_is_given(nlp):
    checked = nlp("On Tuesday, June 5, 2018, the board voted to close the plant, "
                  "officials said.")
    assert infer_published(checked, ()).value == "2018-06-05"
    historic = nlp("The attacks of Sept. 11, 2001, changed the city, residents said.")
    assert infer_published(historic, ()) is None
