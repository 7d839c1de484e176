"""What an article is about, as features a story can be matched on.

Every feature is a pure function of the article alone (its text, title and publication date),
weighted by a fixed prior of word rarity (wordfreq) rather than by counts over the stream. So an
article's features do not depend on which articles came before it, and the streaming, the
single-process batch and the Dask paths see the same features for the same article.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from anyascii import anyascii
from wordfreq import word_frequency

from ..dates import normalise_expression
from ..lang.en.calendar import CALENDAR_WORDS, MONTH_NAMES, WEEKDAYS
from ..lang.sentences import split_sentences
from .candidates import band_keys

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s/]+(\S*)", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w.,])(?:19|20)\d\d(?![\w]|[.,]\d)")
_PHRASE_OPENING = re.compile(r"[:;\"“”]\s*$")
_MIN_FREQUENCY = 1e-8  # rarer than this (or unseen) counts as this rare
_TITLE_WEIGHT = 2.0
_LEAD_CHARS = 600  # the opening says what the story is: its words count more
_LEAD_WEIGHT = 1.5
_SMALL_NUMBERS = frozenset(str(number) for number in range(0, 13))
_KEY_TERMS = 8
_KEY_ENTITIES = 6

# Capitalised but naming no one: calendar words and time zones.
_CALENDAR_WORDS = CALENDAR_WORDS

_FUNCTION_WORDS = frozenset("""
a an and are as at be been but by for from had has have he her his i in is it its of on or our
she that the their them they this to was we were which who will with you mr mrs ms dr
""".split())  # noqa: SIM905


@lru_cache(maxsize=200_000)
def rarity(word: str) -> float:
    """-log of the word's frequency in general English: 0 for the commonest, about 18 for
    words never seen."""
    frequency = word_frequency(word, "en") if word.isascii() else 0.0
    return -math.log(max(frequency, _MIN_FREQUENCY))


def normalise_word(word: str) -> str:
    word = anyascii(word).casefold().replace("'", "").replace("’", "")
    return word.removesuffix("s") if len(word) > 4 and word.endswith("s") \
        and not word.endswith("ss") else word


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """An article's story features; `terms` is an L2-normalised weight vector."""

    article: str
    terms: dict[str, float]
    entities: frozenset[str]
    lead_entities: frozenset[str]  # the names in the title and opening: who the story is about
    numbers: frozenset[str]
    published: float | None  # seconds since the epoch, UTC
    years: frozenset[int]  # the years the text names (or its publication year)
    keys: tuple[str, ...]  # index keys: telling terms and names, LSH bands
    days: frozenset[str] = frozenset()  # the days its opening says things happened (ISO)
    ages: frozenset[str] = frozenset()  # the ages it gives people ("17" of "a 17-year-old")
    places: frozenset[str] = frozenset()  # where its title and opening say it happened
    sites: frozenset[str] = frozenset()  # finer than a town: a street, a block, a venue


_DAY_WORDS = re.compile(
    r"\b(?:(?:last|this|on|early|late)\s+)?(?:" + "|".join(sorted(WEEKDAYS, key=len,
                                                                     reverse=True)) +
    r")\b(?!-)|\byesterday\b|\blast\s+night\b|\btonight\b|\bthis\s+morning\b|"
    r"\b(?:" + "|".join(MONTH_NAMES) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?",
    re.IGNORECASE)
_AGE = re.compile(r"\b(\d{1,3})[\s-](?:years?|yr)[\s-]old\b|\b(?:aged?|ages)\s+(\d{1,3})\b|"
                  r"\b(\d{1,3})-month-old\b", re.IGNORECASE)
_EVENT_WINDOW = 1_200
"""The title and this many characters of the text: where a report says when its event was."""
_EVENT_RANGE = timedelta(days=400)


def event_days(text: str, title: str | None, published: str | None) -> frozenset[str]:
    """The days the article's title and opening say things happened ("was shot Sunday
    night", "on Nov. 10", "yesterday"), placed from its publication date as past events: a
    follow-up days later names the day of the event it follows up."""
    if not published:
        return frozenset()
    try:
        anchor = datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        return frozenset()
    opening = ((title + "\n") if title else "") + text[:_EVENT_WINDOW]
    days = set()
    for match in _DAY_WORDS.finditer(opening):
        value = normalise_expression(match.group(), anchor, "past")
        if value is not None and value.precision == "day" and value.end is None and \
                anchor - _EVENT_RANGE <= value.start_date <= anchor + timedelta(days=1):
            days.add(value.value)
    return frozenset(days)


_PLACE_WORD = r"[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)*"
_PLACE_RUN = rf"{_PLACE_WORD}(?:\s+(?:of\s+|de\s+|la\s+)?{_PLACE_WORD}){{0,4}}"
_COMPASS = (r"(?:north|south|east|west|northeast|northwest|southeast|southwest|central|"
            r"downtown|suburban|rural|nearby|neighbouring|neighboring|[NSEW]{1,2}|the)")
_IN_PLACE = re.compile(rf"\b(?:in|at|near|outside|across|of|from|on)\s+(?:{_COMPASS}\s+)?"
                       rf"({_PLACE_RUN})")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'’ -]{2,40}[A-Z.])\s*(?:,\s*[A-Z][\w. ]{1,20})?\s*"
                       r"(?:\([^)\n]{1,40}\)\s*)?[-—–]{1,2}")
_BLOCK = re.compile(rf"\b\d{{1,6}}\s+block\s+of\s+((?:[NSEW]\.?\s+)?(?:\d+\w*\s+)?{_PLACE_RUN})")
_SITE_HEADS = frozenset("""
street st avenue ave road rd boulevard blvd drive dr lane ln way place court ct parkway pkwy
highway hwy interstate route terrace circle trail square plaza park mall club bar lounge
nightclub church school college university hospital apartments apartment complex motel hotel
station center centre market store restaurant cafe theater theatre stadium arena inn
bank bridge
""".split())  # noqa: SIM905
"""The last word of a place finer than a town: a street or a venue."""
_PLACE_STOP = frozenset({"police", "department", "office", "news", "sheriff", "sheriffs",
                         "north", "south", "east", "west", "northeast", "northwest",
                         "southeast", "southwest", "central", "downtown"})


def _place_key(run: str) -> str:
    words = [normalise_word(word.strip(".")) for word in run.split()]
    words = [word for word in words if word and word not in _FUNCTION_WORDS
             and word not in _CALENDAR_WORDS]
    return " ".join(words)


def places(text: str, title: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """Where the title and opening say it happened: towns and areas ("in Hamilton", "in
    southeast Houston", a dateline "LANSING, Mich. --") and, apart, what is finer than a town
    (a street or a block of one, a venue: "at the Cascade Mall", "the 900 block of North
    Walnut Street"). Each as its words normalised; a run the text opens a sentence with is
    kept only after a preposition."""
    opening = text[:_EVENT_WINDOW]
    towns: set[str] = set()
    sites: set[str] = set()
    found = _DATELINE.match(opening)
    if found:
        key = _place_key(found.group(1).title())
        if key:
            towns.add(key)
    for part in (title or "", opening):
        for match in _IN_PLACE.finditer(part):
            key = _place_key(match.group(1))
            if not key:
                continue
            words = key.split()
            if words[-1] in _SITE_HEADS:
                sites.add(key)
            elif words[-1] not in _PLACE_STOP and "police" not in words:
                towns.add(key)
        for match in _BLOCK.finditer(part):
            key = _place_key(match.group(1))
            if key:
                sites.add(key)
    return frozenset(towns), frozenset(sites)


def ages(text: str, title: str | None) -> frozenset[str]:
    """The ages the article gives people ("a 17-year-old", "aged 56"; "15-month-old" as
    "15m"): who a report of a shooting is about, before anyone is named."""
    found = set()
    for match in _AGE.finditer(((title + "\n") if title else "") + text):
        years, aged, months = match.groups()
        found.add(f"{months}m" if months else years or aged)
    return frozenset(found)


def _timestamp(published: str | None) -> float | None:
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _sentence_starts(text: str) -> set[int]:
    """Offsets of tokens where capitals say nothing: the first token of a sentence (the
    shared text splitter's, which also starts one at every line) or of a phrase opened by a
    colon, a semicolon or a quotation mark."""
    opening = {first for first, _ in split_sentences(text)}
    starts = set()
    previous_end = 0
    for match in _TOKEN.finditer(text):
        begins_sentence = any(position in opening
                              for position in range(previous_end, match.start() + 1))
        if begins_sentence or previous_end == 0 or _PHRASE_OPENING.search(
                text, max(0, previous_end - 2), match.start()):
            starts.add(match.start())
        previous_end = match.end()
    return starts


def named_entities(text: str) -> Counter[str]:
    """Names by their capitals: runs of capitalised words not at a sentence start (or at one,
    when the run is long), normalised; each run also counts by its last word, so "Jane Roe"
    and "Roe" meet."""
    found: Counter[str] = Counter()
    starts = _sentence_starts(text)
    run: list[str] = []
    run_starts_sentence = False

    def close() -> None:
        if run and not (run_starts_sentence and len(run) == 1):
            words = [normalise_word(word) for word in run]
            words = [word for word in words if word not in _FUNCTION_WORDS
                     and word not in _CALENDAR_WORDS]
            if words and (len(words) > 1 or rarity(words[0]) > 9.0):
                found[" ".join(words)] += 1
                if len(words) > 1 and rarity(words[-1]) > 9.0:
                    found[words[-1]] += 1
        run.clear()

    previous_end = -1
    for match in _TOKEN.finditer(text):
        word = match.group()
        capitalised = (word[:1].isupper() and not word.isupper()) or (word.isupper()
                                                                     and len(word) > 1)
        adjacent = previous_end >= 0 and text[previous_end:match.start()] in (" ", "-")
        if capitalised and not word[:1].isdigit():
            if run and not adjacent:
                close()
            if not run:
                run_starts_sentence = match.start() in starts
            run.append(word)
        else:
            close()
        previous_end = match.end()
    close()
    return found


def _numbers(text: str) -> frozenset[str]:
    values = set()
    for match in _NUMBER.finditer(text):
        value = match.group().replace(",", "")
        if value not in _SMALL_NUMBERS:
            values.add(value)
    return frozenset(values)


def _weighted_terms(text: str, title: str | None) -> Counter[str]:
    counts: Counter[str] = Counter()
    for weight, part in ((_TITLE_WEIGHT, title or ""), (_LEAD_WEIGHT, text[:_LEAD_CHARS]),
                         (1.0, text[_LEAD_CHARS:])):
        for match in _TOKEN.finditer(part):
            word = normalise_word(match.group())
            if len(word) < 3 or word in _FUNCTION_WORDS or word.isdigit():
                continue
            counts[word] += weight
    return counts


def _without_addresses(text: str) -> str:
    """Web addresses reduced to the words of their path (a page's slug reads like a headline);
    the host and the scheme say nothing about the story."""
    return _URL.sub(lambda match: " ".join(re.split(r"[\W_]+", match.group(1))), text)


def article_features(article_id: str, text: str, title: str | None = None,
                     published: str | None = None) -> ArticleFeatures:
    """The story features of one article."""
    text = _without_addresses(text)
    counts = _weighted_terms(text, title)
    weights = {word: (1.0 + math.log(count)) * rarity(word) for word, count in counts.items()}
    norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
    terms = {word: weight / norm for word, weight in weights.items()}
    entity_counts = named_entities(((title + "\n") if title else "") + text)
    entities = frozenset(entity_counts)
    key_terms = sorted(terms, key=lambda word: (-terms[word], word))[:_KEY_TERMS]
    key_entities = sorted(entities, key=lambda name: (-entity_counts[name] * sum(
        rarity(word) for word in name.split()), name))[:_KEY_ENTITIES]
    keys = tuple(sorted({f"t:{word}" for word in key_terms} | {f"e:{name}" for name in
                                                                key_entities})) + band_keys(text)
    lead_entities = frozenset(named_entities(((title + "\n") if title else "")
                                             + text[:_LEAD_CHARS]))
    timestamp = _timestamp(published)
    years = frozenset({datetime.fromtimestamp(timestamp, UTC).year} if timestamp
                      else {int(year) for year in _YEAR.findall(
                          ((title + "\n") if title else "") + text)})
    towns, sites = places(text, title)
    return ArticleFeatures(article_id, terms, entities, lead_entities, _numbers(text),
                           timestamp, years, keys, event_days(text, title, published),
                           ages(text, title), towns, sites)


def features_to_json(features: ArticleFeatures) -> str:
    return json.dumps({
        "terms": {term: round(weight, 6) for term, weight in features.terms.items()},
        "entities": sorted(features.entities),
        "lead_entities": sorted(features.lead_entities),
        "numbers": sorted(features.numbers),
        "published": features.published,
        "years": sorted(features.years),
        "keys": list(features.keys),
        "days": sorted(features.days),
        "ages": sorted(features.ages),
        "places": sorted(features.places),
        "sites": sorted(features.sites),
    }, ensure_ascii=False, separators=(",", ":"))


def features_from_json(article: str, text: str) -> ArticleFeatures:
    data = json.loads(text)
    return ArticleFeatures(
        article=article,
        terms=data["terms"],
        entities=frozenset(data["entities"]),
        lead_entities=frozenset(data["lead_entities"]),
        numbers=frozenset(data["numbers"]),
        published=data["published"],
        years=frozenset(data["years"]),
        keys=tuple(data["keys"]),
        days=frozenset(data.get("days", ())),  # absent from features stored before days
        ages=frozenset(data.get("ages", ())),
        places=frozenset(data.get("places", ())),  # absent from features stored before places
        sites=frozenset(data.get("sites", ())),
    )
