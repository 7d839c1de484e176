"""Verbs that report speech or writing, with their classes, and the cue verbs the claim reader
walks through ("decided to", "declined to").

One list serves every reader of attribution (claims, quotes, citations), so "X tweeted that
...", "X disclosed that ..." and "X told reporters that ..." give the same speaker everywhere.
A class says what the verb tells about the report:

- ``state``, ``assert``, ``predict``, ``manner``: the subject says the content ("said",
  "insisted", "warned", "quipped");
- ``tell``: the subject says it to someone named as the object ("told reporters");
- ``publish``, ``reveal``: the subject puts it in writing or makes it public ("wrote",
  "tweeted", "disclosed") - an outlet doing so is cited as having reported it;
- ``cite``, ``forward``: the subject passes on another source's words ("cited", "forwarded");
- ``confirm``, ``deny``: the subject vouches for or against the content;
- ``cognition``, ``learn``: the subject holds or obtained the content ("believes", "learned");
- ``direct``, ``commit``: the content is asked for or promised, not said to be so ("urged",
  "vowed");
- ``frame``: a verb that frames a quotation more than it reports ("continued", "called"),
  and verbs that judge someone in quoted words ("criticized the study as '...'", "praised
  the group 'for ...'", "branded it the '...'").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

_CLASS_MEMBERS: dict[str, tuple[str, ...]] = {
    "state": ("say", "state", "add", "note", "explain", "remark", "comment", "declare",
              "mention", "describe", "observe", "conclude", "point", "respond", "reply",
              "answer", "counter", "retort", "testify"),
    "assert": ("claim", "argue", "insist", "assert", "contend", "maintain", "allege", "stress",
               "emphasize", "emphasise", "highlight", "charge", "accuse"),
    "predict": ("warn", "predict", "estimate", "caution", "suggest", "hint", "indicate"),
    "manner": ("quip", "joke", "boast", "brag", "sing", "chant", "shout", "scream", "yell",
               "exclaim", "muse", "scoff", "lament", "whisper", "bristle", "snap", "complain",
               "wonder"),
    "tell": ("tell", "inform", "assure"),
    "publish": ("write", "report", "publish", "tweet", "post"),
    "reveal": ("reveal", "disclose"),
    "cite": ("cite", "quote"),
    "forward": ("forward",),
    "confirm": ("confirm", "acknowledge", "admit", "concede", "agree"),
    "deny": ("deny",),
    "cognition": ("believe", "think", "recall"),
    "learn": ("hear", "learn"),
    "direct": ("ask", "urge", "demand", "plead", "beg"),
    "commit": ("promise", "vow"),
    "frame": ("continue", "call", "criticize", "criticise", "praise", "blast", "slam",
              "decry", "brand", "dub", "label", "mock", "hail", "blame"),
}

REPORTING_VERB_CLASSES: Final[Mapping[str, str]] = MappingProxyType({
    verb: verb_class for verb_class, verbs in _CLASS_MEMBERS.items() for verb in verbs})
"""Lemma of a verb that reports speech or writing -> its class (see the module docstring)."""

REPORTING_VERBS: Final = frozenset(REPORTING_VERB_CLASSES)
"""Lemmas of every reporting verb: the cue of a quote and of a claim's attribution."""

REQUEST_CLASSES: Final = frozenset({"direct", "commit"})
"""Reporting-verb classes whose complement is asked for or promised, not stated as so: "X urged
Y to cancel" is a quote of X, but the claim is the outlet's report of the request, credited to
no one."""

QUOTATION_FRAME_CLASSES: Final = frozenset({"frame"})
"""Reporting-verb classes that report only when they frame a quotation ('"...," he continued');
with a clause they mean something else ("continued to rise", "called for talks")."""

SOURCE_PASSIVE_VERBS: Final = frozenset({"report", "cite", "quote", "forward"})
"""Verbs whose passive agent is the source of what precedes: "as reported by X", "cited by X",
"quoted by X", "forwarded by X"."""

DENYING_VERBS: Final = frozenset({
    "deny", "dismiss", "reject", "refute", "rebut", "debunk", "dispute", "contradict",
})
"""Verbs whose subject says what they report is not so ("dismissed reports that ...")."""

NEGATING_VERBS: Final = frozenset({"refuse", "fail", "decline", "deny"})
"""Verbs that negate their complement: "declined to comment" did not comment."""

LIGHT_VERBS: Final = frozenset({
    "decide", "plan", "want", "try", "seek", "move", "agree", "vote", "choose", "opt", "begin",
    "start", "continue", "threaten", "attempt", "aim", "intend", "expect", "schedule", "set",
    "hope", "prepare", "refuse", "fail", "go", "be", "have", "get", "make", "take", "look",
    "appear", "seem", "help", "need", "wish", "mean",
})
"""Verbs whose infinitive complement says what actually happens ("decided to pull out")."""


def reporting_class(lemma: str) -> str | None:
    """The class of a reporting verb's lemma, None when it reports nothing."""
    return REPORTING_VERB_CLASSES.get(lemma.casefold())
