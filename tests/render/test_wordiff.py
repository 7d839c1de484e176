from consilience.render.wordiff import differing_words


def test_only_the_words_the_other_side_lacks_are_marked():
    pieces = differing_words("The talks were postponed on July 1, officials said.",
                             "The talks were cancelled on July 2, officials said.")
    assert "".join(piece.text for piece in pieces) == \
        "The talks were postponed on July 1, officials said."
    assert [piece.text for piece in pieces if piece.differs] == ["postponed", "1,"]


def test_case_and_edge_punctuation_do_not_count_as_differences():
    pieces = differing_words("Tokyo said: “No.”", "tokyo said no")
    assert not any(piece.differs for piece in pieces)


def test_against_nothing_everything_differs_and_empty_text_gives_nothing():
    assert [piece.differs for piece in differing_words("a b", "")] == [True]
    assert differing_words("", "a b") == []


def test_different_sentences_mark_the_words_of_the_side_value_instead():
    pieces = differing_words("According to a report, Japan canceled its regular talks.",
                             "A US official confirmed that Japan has delayed the meeting.",
                             "canceled")
    assert [piece.text for piece in pieces if piece.differs] == ["canceled"]
