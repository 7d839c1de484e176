"""Given names that name one person, from the maintained nickname table."""

from consilience.lang.en.given_names import given_name_gender, same_given_name


def test_a_nickname_and_its_name_are_one_given_name():
    for nickname, name in (("chuck", "charles"), ("liz", "elizabeth"), ("jim", "james"),
                           ("dick", "richard"), ("mike", "michael"), ("joe", "joseph")):
        assert same_given_name(nickname, name) and same_given_name(name, nickname)


def test_different_given_names_are_not_one():
    for left, right in (("donald", "melania"), ("hillary", "bill"), ("ted", "heidi")):
        assert not same_given_name(left, right)
    assert same_given_name("ted", "ted")
    assert not same_given_name("j", "john")  # an initial is not a nickname


def test_a_given_name_borne_by_one_gender_says_it():
    assert [given_name_gender(name) for name in ("Hillary", "bill", "MELANIA", "Donald")] == [
        "female", "male", "female", "male"]
    # a name of both, an initial, or a word that is no given name says nothing
    assert [given_name_gender(name) for name in ("Jordan", "J.", "Xqzt", "")] == ["", "", "", ""]


def test_the_gender_table_is_well_formed():
    from importlib import resources

    lines = [line for line in resources.files("consilience.lang.en").joinpath(
        "given_name_genders.txt").read_text("utf-8").splitlines() if not line.startswith("#")]
    assert len(lines) > 20000
    assert all(line.split()[1] in ("f", "m") and line.split()[0].isalpha() for line in lines)
