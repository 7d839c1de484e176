"""Bytes to text: refuse binary data, detect the encoding, normalise line ends."""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..errors import BinaryFileError, DecodingError, Errors
from ..text import normalise_text

LOGGER = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text files, apart from the usual white space.
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
_BINARY_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def refuse_binary(data: bytes, path: str) -> None:
    """Raise BinaryFileError when `data` looks like a binary file."""
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise BinaryFileError(Errors.E102.format(detail=what), path=path)
    if _bom_encoding(data) in ("utf-16", "utf-32"):
        return
    head = data[:8192]
    if b"\x00" in head:
        raise BinaryFileError(Errors.E102.format(detail="contains NUL bytes"), path=path)
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if head and controls / len(head) > 0.05:
        raise BinaryFileError(Errors.E102.format(detail="mostly control bytes"), path=path)


# Western single-byte code pages that detectors confuse with one another; for news text the
# Windows one is by far the most common, so it wins whenever it decodes the bytes.
_WESTERN_SINGLE_BYTE = ("cp1252", "latin_1", "iso8859_15", "cp850", "cp852", "cp437", "cp858",
                        "mac_roman", "mac_latin2", "iso8859_2", "cp1250", "cp1257")


def _detect_encoding(data: bytes, path: str) -> str:
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodingError(Errors.E103.format(detail="no text encoding fits its bytes"),
                            path=path)
    if best.encoding in _WESTERN_SINGLE_BYTE:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return best.encoding
        return "cp1252"
    return best.encoding


def decode_bytes(data: bytes, path: str) -> DecodedText:
    """Decode a text file's bytes; BinaryFileError or DecodingError when that is not possible."""
    refuse_binary(data, path)
    encoding = _bom_encoding(data)
    if encoding is None:
        try:
            return DecodedText(normalise_text(data.decode("utf-8")), "utf-8")
        except UnicodeDecodeError:
            encoding = _detect_encoding(data, path)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise DecodingError(Errors.E103.format(detail=str(error)), path=path) from None
    return DecodedText(normalise_text(text), codecs.lookup(encoding).name)
