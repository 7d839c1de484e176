from consilience.render.text import shorten, web_address


def test_only_http_addresses_that_parse_are_kept():
    assert web_address(" https://example.org/a ") == "https://example.org/a"
    assert web_address("HTTP://example.org") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", "data:text/html,x", "http://[bad", "//x.org", "", None):
        assert web_address(bad) is None


def test_shorten_keeps_one_line_within_the_limit():
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("word " * 10, 12) == "word word w…"
    assert len(shorten("x" * 50, 12)) == 12
