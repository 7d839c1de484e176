"""The brief's opening sentence: the main event, as the articles' leads agree on it.

News articles state their main event at the top. When several outlets tell one story, the
event is what their opening sentences have in common, so the brief opens with the opening
sentence (one of an article's first `lead_sentences` eligible sentences) whose words the other
articles' openings share most. A candidate must read as a statement in the outlet's own voice:
a whole declarative sentence that names its subject (no leading pronoun, no fragment left by a
dateline, no headline without final punctuation) and is not mostly, or opened by, a quotation.
A sentence anchored to a day ("on Friday", "June 20") is preferred: it reports the news rather
than framing it. Earlier sentences of an article are preferred over later ones.

The lead cites its own article and every article whose opening shares at least
`lead_agreement` of its content words: those articles state the same event near their top.
The numbers are `config.BriefSettings`.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass

from ..config import BriefSettings
from ..lang.en.calendar import MONTH_NAMES, WEEKDAYS
from .sentences import SentenceKey, StorySentences, dangling
from .words import stems

LOGGER = logging.getLogger(__name__)

_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_QUOTE_MARKS = "\"“‘'"
_FULL_STOP = re.compile(r"[.!][\"'”’»)\]]*$")
_DAY = re.compile(
    r"\b(?:" + "|".join(name for name in WEEKDAYS if len(name) > 4)
    + r"|today|yesterday|tonight)\b"
    r"|\b(?:" + "|".join(MONTH_NAMES) + r")\.?\s+\d{1,2}\b",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Lead:
    """The chosen opening sentence, and the articles whose openings agree with it."""

    key: SentenceKey
    score: float
    articles: tuple[str, ...]


def own_voice(text: str) -> bool:
    """A whole statement by the outlet: it opens with a word (not a quotation mark, a dash
    left by a dateline, or a pronoun that needs the sentence before), ends with a full stop
    (a headline has none), and less than half of it is quoted words."""
    text = text.strip()
    if not text or not text[0].isalnum() or dangling(text):
        return False
    if _FULL_STOP.search(text) is None:
        return False
    quoted = sum(len(match.group()) for match in _QUOTED.finditer(text))
    return 2 * quoted < len(text)


def anchored_to_a_day(text: str) -> bool:
    """Names the day of what it reports: a weekday, today/yesterday, or a month and day."""
    return _DAY.search(text) is not None


def article_leads(sentences: StorySentences, article_ids: Sequence[str],
                  count: int) -> dict[str, list[SentenceKey]]:
    """Each article's first `count` sentences that may stand in the brief."""
    leads: dict[str, list[SentenceKey]] = {}
    for article_id in article_ids:
        keys: list[SentenceKey] = []
        for start, end in sentences.bounds(article_id):
            key = (article_id, start, end)
            if sentences.eligible(key):
                keys.append(key)
                if len(keys) == count:
                    break
        leads[article_id] = keys
    return leads


def choose_lead(sentences: StorySentences, article_ids: Sequence[str],
                stating: Container[SentenceKey], excluded: Container[SentenceKey] = (),
                settings: BriefSettings = BriefSettings()) -> Lead | None:
    """The opening sentence the other articles' openings agree with most, or None when no
    opening in the outlet's own voice is shared by another article (a one-article story).

    Only sentences `stating` a fact of the story may lead, so the lead cites what it says.

    A candidate's agreement is the number of its words an other opening shares, averaged over
    the other articles and divided by the square root of its own word count (so a long
    sentence full of names does not win by length alone); it keeps `lead_position_decay` of it
    per sentence from the top, and gains `lead_day_bonus` when it is anchored to a day. Ties go
    to the earlier article, then the earlier sentence. `excluded` sentences (sides of a conflict,
    shown in the disputed part) are never the lead.
    """
    leads = article_leads(sentences, article_ids, settings.lead_sentences)
    words = {key: stems(sentences.text(key)) for keys in leads.values() for key in keys}
    opening_words = {article_id: frozenset().union(*(words[key] for key in keys))
                     for article_id, keys in leads.items()}
    best: Lead | None = None
    for article_id, keys in leads.items():
        for rank, key in enumerate(keys):
            own = words[key]
            if key in excluded or key not in stating or not own \
                    or not own_voice(sentences.text(key)):
                continue
            shared = {other: len(own & opening) for other, opening in opening_words.items()
                      if other != article_id}
            agreeing = tuple(other for other, count in shared.items()
                             if count >= settings.lead_agreement * len(own))
            if not agreeing:
                continue
            agreement = sum(shared.values()) / len(shared) / math.sqrt(len(own))
            score = (agreement * settings.lead_position_decay ** rank
                     + settings.lead_day_bonus * anchored_to_a_day(sentences.text(key)))
            if best is None or score > best.score:
                best = Lead(key, score, (article_id, *agreeing))
    if best is not None:
        LOGGER.debug("lead %s (score %.2f, agreeing %s)", best.key, best.score, best.articles)
    return best
