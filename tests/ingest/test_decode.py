import codecs

import pytest

from consilience.errors import BinaryFileError, DecodingError
from consilience.ingest import decode_bytes, normalise_text


def test_utf8_is_read_as_is():
    decoded = decode_bytes("Tokyo’s “2+2” talks\r\nnext line".encode(), "a.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == "Tokyo’s “2+2” talks\nnext line"


def test_bom_is_dropped():
    decoded = decode_bytes(codecs.BOM_UTF8 + b"Hello world", "a.txt")
    assert decoded.text == "Hello world"


def test_utf16_with_bom_is_text_not_binary():
    decoded = decode_bytes("Hello world, a real sentence.".encode("utf-16"), "a.txt")
    assert decoded.text == "Hello world, a real sentence."


def test_cp1252_is_detected():
    text = "The minister’s “surprise” visit cost €3 million, officials said. " * 4
    decoded = decode_bytes(text.encode("cp1252"), "a.txt")
    assert decoded.encoding != "utf-8"
    assert "minister’s “surprise”" in decoded.text and "€3" in decoded.text


@pytest.mark.parametrize("data", [b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n\0\0", b"abc\0def" * 10,
                                  bytes(range(1, 9)) * 50])
def test_binary_is_refused(data):
    with pytest.raises(BinaryFileError) as caught:
        decode_bytes(data, "x.txt")
    assert caught.value.one_line().startswith("x.txt: [E102] binary file")


def test_undecodable_bytes_raise_a_coded_error(monkeypatch):
    monkeypatch.setattr("consilience.ingest.decode.from_bytes",
                        lambda data: type("R", (), {"best": lambda self: None})())
    with pytest.raises(DecodingError) as caught:
        decode_bytes(b"caf\xe9 au lait", "y.txt")
    assert "[E103]" in caught.value.one_line()


def test_normalise_removes_controls_and_keeps_layout():
    assert normalise_text("a\x07b\tc\r\ne\u0301") == "ab\tc\n\u00e9"
