"""Given names that name one person, from the maintained nickname table."""

from consilience.lang.en.given_names import same_given_name


def test_a_nickname_and_its_name_are_one_given_name():
    for nickname, name in (("chuck", "charles"), ("liz", "elizabeth"), ("jim", "james"),
                           ("dick", "richard"), ("mike", "michael"), ("joe", "joseph")):
        assert same_given_name(nickname, name) and same_given_name(name, nickname)


def test_different_given_names_are_not_one():
    for left, right in (("donald", "melania"), ("hillary", "bill"), ("ted", "heidi")):
        assert not same_given_name(left, right)
    assert same_given_name("ted", "ted")
    assert not same_given_name("j", "john")  # an initial is not a nickname
