import pytest

from consilience.resolve.names import initials, is_acronym, is_title_word, parse_name


@pytest.mark.parametrize(("text", "tokens", "titles"), [
    ("Mr. Parnell", ("Parnell",), ("Mr.",)),
    ("General Nakamura", ("Nakamura",), ("General",)),
    ("Gen Nakamura", ("Gen", "Nakamura"), ()),           # "Gen" without a stop is a given name
    ("Gen. Mark Milley", ("Mark", "Milley"), ("Gen.",)),
    ("Lt. Col. Jane Doe", ("Jane", "Doe"), ("Lt.", "Col.")),
    ("the United States", ("United", "States"), ()),
    ("Japan's", ("Japan",), ()),
    ("John Smith Jr.", ("John", "Smith"), ()),
    ("in the Gulf of Aden", ("Gulf", "of", "Aden"), ()),
    ("T - Mobile", ("T-Mobile",), ()),
    ("President", ("President",), ()),                  # nothing left after it: not a title
])
def test_parse_name(text, tokens, titles):
    form = parse_name(text)
    assert (form.tokens, form.titles) == (tokens, titles)


@pytest.mark.parametrize("forms", [
    ("US", "U.S.", "USA", "the United States", "United States of America"),
    ("UK", "U.K.", "Britain", "the United Kingdom"),
    ("EU", "the European Union"),
])
def test_country_forms_share_one_key(forms):
    assert len({parse_name(form).key for form in forms}) == 1


def test_nationality_is_not_the_country():
    assert parse_name("Japan").key != parse_name("Japanese").key


def test_acronyms_and_initials():
    assert is_acronym("SCMP") and is_acronym("U.S.") and is_acronym("NATO")
    assert not is_acronym("Nato") and not is_acronym("Reuters")
    assert initials(("South", "China", "Morning", "Post")) == "scmp"
    assert initials(("Bank", "of", "England")) == "be"


def test_title_words_need_their_stop_when_abbreviated():
    assert is_title_word("Gen.") and not is_title_word("Gen")
    assert is_title_word("Secretary") and is_title_word("Mr")


@pytest.mark.parametrize("text", ["ANGELA MERKEL", "  Angela   Merkel ", "“Angela Merkel”",
                                  "Ангела Меркель", "安倍晋三", "O'Brien-Smith", "...", ""])
def test_odd_names_do_not_crash(text):
    form = parse_name(text)
    assert isinstance(form.key, str)


@pytest.mark.parametrize(("text", "tokens"), [
    ('Vincent "The Chin" Gigante', ("Vincent", "Gigante")),
    ("Luis Gerardo (Jerry) Ortiz", ("Luis", "Gerardo", "Ortiz")),
    ("Gov.Sarah Palin", ("Sarah", "Palin")),
    ("Eric Allen Kirkpatrick, 61", ("Eric", "Allen", "Kirkpatrick")),
    ("the notorious Gulf of Aden", ("Gulf", "of", "Aden")),
    ("the Kodak Theatre at Hollywood and Highland Center", ("Kodak", "Theatre")),
    ("Charles de Gaulle", ("Charles", "de", "Gaulle")),
])
def test_the_name_inside_a_longer_mention(text, tokens):
    assert parse_name(text).tokens == tokens
