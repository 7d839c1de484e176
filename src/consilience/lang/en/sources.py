"""Nouns that stand for where information comes from: sources, officials, documents and the
institutions that issue them, and the nouns whose clause is what someone said.
"""

from __future__ import annotations

from typing import Final

SOURCE_NOUNS: Final = frozenset({
    "report", "reports", "statement", "source", "sources", "official", "officials",
    "spokesperson", "spokesman", "spokeswoman", "document", "documents", "memo",
})
"""Generic nouns for a source that stand for the one they name: "a report by X" is X,
"according to sources at X" is X."""

INSTITUTION_NOUNS: Final = frozenset({
    "ministry", "department", "agency", "government", "embassy", "newspaper", "outlet", "office",
})
"""Nouns of institutions that issue information on their own authority."""

SOURCE_WORDS: Final = SOURCE_NOUNS | INSTITUTION_NOUNS
"""Words that make a phrase a cited source (an outlet, agency, official or document), not a
person speaking for themself."""

DOCUMENT_NOUNS: Final = frozenset({"report", "story", "article", "statement", "document"})
"""Nouns of written material whose author is the source ("a report by X", "X's story")."""

BODY_NOUNS: Final = frozenset({
    "group", "agency", "company", "organization", "organisation", "campaign", "committee",
    "department", "ministry", "firm", "union", "association", "service", "network", "bureau",
    "council", "commission", "administration", "coalition", "foundation", "institute",
    "newspaper", "paper", "site", "website", "magazine", "corporation", "bank", "party",
})
"""Nouns by which an article speaks again of a body it has named ("the group said", "the
agency wrote")."""

ISSUED_NOUNS: Final = frozenset({
    "statement", "tweet", "post", "letter", "release", "memo", "email", "message", "note", "ad",
    "advertisement", "commercial", "video", "spot",
})
"""What someone issues that is then said to speak ("the statement said", "the ad says"): its
speaker is whoever issued it."""

REPORTED_SPEECH_NOUNS: Final = frozenset({
    "report", "claim", "rumour", "rumor", "allegation", "speculation", "suggestion", "story",
})
"""Nouns whose clause is what someone said, not what happened ("the claim that ...")."""

NEWS_WORDS: Final = frozenset({
    "news", "times", "post", "journal", "herald", "tribune", "daily", "press", "gazette",
    "telegraph", "magazine", "radio", "television", "tv", "broadcasting", "network", "channel",
    "newspaper", "outlet", "wire", "reuters", "afp", "ap", "bloomberg", "xinhua", "kyodo",
    "yonhap", "cnn", "bbc", "nbc", "abc", "cbs", "msnbc", "npr", "pbs", "politico", "axios",
    "reporter", "journalist", "correspondent", "editor", "interviewer",
})
"""Words that make a name a news organisation's, or a person one that reports: "told the
Financial Times" cites an outlet, "told the Senate" does not."""
