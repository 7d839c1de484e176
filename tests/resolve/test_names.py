import pytest

from consilience.resolve.names import (
    initials,
    is_acronym,
    is_title_word,
    parse_name,
    same_person_parts,
)


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


def test_generational_suffix_and_gendered_honorific_are_kept():
    son = parse_name("Donald Trump Jr.")
    assert son.tokens == ("Donald", "Trump") and son.suffix == "jr"
    assert son.key != parse_name("Donald Trump").key
    assert parse_name("Mrs. Clinton").gender == "female"
    # a full name says it by its given name; a body's name never does
    assert parse_name("Hillary Clinton").gender == "female"
    assert parse_name("Bill Clinton").gender == "male"
    assert parse_name("Washington Post").gender == ""
    assert parse_name("Mr. Clinton").gender == "male"
    assert parse_name("Sen. Clinton").gender == ""


def test_a_body_named_with_a_title_word_keeps_it():
    assert parse_name("Justice Department").tokens == ("Justice", "Department")
    assert parse_name("General Motors").titles == ()
    assert parse_name("Justice Scalia").titles == ("Justice",)


def test_names_of_one_person_by_their_parts():
    bush, elder, plain = (parse_name(text) for text in
                          ("George W. Bush", "George H. W. Bush", "George Bush"))
    assert not same_person_parts(bush, elder)
    assert same_person_parts(bush, plain) and same_person_parts(elder, plain)
    son, father = parse_name("Donald Trump Jr."), parse_name("Donald Trump")
    assert not same_person_parts(son, father)
    assert same_person_parts(son, father, strict_suffix=False)  # one outlet drops "Jr."
    assert not same_person_parts(parse_name("Mr. Cruz"), parse_name("Mrs. Cruz"))


@pytest.mark.parametrize(("text", "key"), [
    ("Tex.", "texas"), ("Calif.", "california"), ("N.Y.", "new york"),
    ("Tex", "tex"),              # no stop written: a name, not the abbreviation
    ("Del Rio", "del rio"),      # a word of a longer name is not a state
    ("Fish & Wildlife Service", "fish and wildlife service"),
])
def test_state_abbreviations_and_ampersand_in_keys(text, key):
    assert parse_name(text).key == key
