"""How one analysis runs: the settings of `analyze`, `ingest` and `batch`, every tuned threshold
of the stages that compare articles (clustering, claim alignment, copies, brief), and the limits
that bound what an untrusted input can cost. One settings object, `AnalyzeConfig`, readable
from a TOML file (`--config FILE`, see `load_config`). Light to import: the command line and
the server read it without loading the language pipeline.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigFileError, Errors

MAX_ARTICLE_CHARS = 1_000_000
"""spaCy's own default limit: parsing needs about 1 GB per million characters."""
MAX_STORY_ARTICLES = 1_000

DEFAULT_BATCH = 200
"""Articles `ingest` stores per transaction."""
DEFAULT_WORKERS = 2
"""Workers of `consilience batch` on the local engine."""
CONNECT_TIMEOUT = 10.0
"""Seconds `consilience batch` waits for a scheduler given by address."""
DEFAULT_DEPTH = 40
"""Candidate stories looked up per index key when an article is clustered."""


@dataclass(frozen=True, slots=True)
class PairWeights:
    """A logistic model of "the same story" over pair evidence (an article against a story):
    the weight of each signal for it (`*_weight`) or against it (`*_penalty`); the article joins
    the best story whose sum reaches the level's `threshold` (the model's bias folded in).
    Fit on training data only (ECB+ train and dev topics, gva-dev's GVC train events and its
    articles outside the reported stream) by `benchmarks/clustering.py --fit`."""

    hand_weight: float = 0.0  # the level's hand-set sum (`ClusterParams`' other fields)
    recent_cosine_weight: float = 0.0  # `cosine`, decayed with the time since the story's latest
    recent_names_weight: float = 0.0  # `names`, decayed the same way
    cosine_weight: float = 1.0  # the article's term vector against the story's centroid
    names_weight: float = 0.3  # weighted Jaccard of names
    lead_names_weight: float = 0.0  # share of the names in its title and opening the story names
    place_weight: float = 0.0  # a town or area of its opening the story names
    place_penalty: float = 0.0  # both say where, and no town meets
    site_weight: float = 0.0  # a street, block or venue the story names
    site_penalty: float = 0.0  # both name sites, none shared
    day_weight: float = 0.0  # it names the story's event day (a day apart at most)
    day_penalty: float = 0.0  # both say when, no day meets
    age_weight: float = 0.0  # an age the story gives
    age_penalty: float = 0.0  # both give ages, none shared
    numbers_weight: float = 0.0  # shared numbers (up to 5, as a share of 5)
    years_penalty: float = 0.0  # both name years, none shared
    gap_penalty: float = 0.0  # log(1 + days since the story's latest article)
    gap_no_day_penalty: float = 0.0  # the same, when it does not name the story's day
    span_penalty: float = 0.0  # log(1 + days since the story's first article), no day named


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Weights and the joining threshold of one clustering level; tuned on ECB+ train and dev
    topics only, the event-day terms on gva-dev's GVC train events and its articles outside
    the reported stream (benchmarks/clustering.py). With `learned` (the story level) an
    article is scored by the pair model `model` and only `threshold`, `max_articles` and
    `depth` of the rest apply; without it (the topic level), by the hand-set sum below."""

    threshold: float = 0.32
    term_weight: float = 1.0
    entity_weight: float = 0.3
    number_weight: float = 0.0  # numbers alone mislead (ages, times, scores); kept to tune
    time_scale_days: float = 7.0
    other_years_penalty: float = 0.1  # taken off when the article and the story name years and
    # share none
    day_weight: float = 0.0  # added when the article and the story say their events happened
    # on the same day (a day apart at most); 0: the day only keeps follow-ups in (below)
    other_days_penalty: float = 0.1  # taken off when both say when and no day meets: the
    # same kind of event in the same place on another day is another story
    age_weight: float = 0.05  # added when the article gives an age the story gives ("a
    # 17-year-old"): who a shooting's first reports are about before anyone is named
    other_ages_penalty: float = 0.05  # taken off when both give ages and none is shared
    same_day_time_scale: float = 60.0  # the time decay is this many times slower for an
    # article naming the story's day: a follow-up weeks later (arrest, funeral, charges)
    depth: int = DEFAULT_DEPTH
    learned: bool = False
    model: PairWeights = PairWeights()
    max_articles: int = 0  # a story this big takes no more articles (0: no cap)


STORY_MODEL = PairWeights(
    hand_weight=3.065, recent_cosine_weight=1.802, recent_names_weight=3.622,
    cosine_weight=1.787, names_weight=3.626, lead_names_weight=0.983, place_weight=0.0,
    place_penalty=1.023, site_weight=0.404, site_penalty=0.426, day_weight=0.0,
    day_penalty=0.281, age_weight=0.613, age_penalty=0.473, numbers_weight=0.312,
    years_penalty=1.089, gap_penalty=0.491, gap_no_day_penalty=0.424, span_penalty=0.457)
"""The story model as fit by `benchmarks/clustering.py --fit` (bias -3.794, folded into
the story threshold: 1.544 is a logit of -2.25, chosen on the training streams)."""
STORY_PARAMS = ClusterParams(learned=True, model=STORY_MODEL, threshold=1.544,
                             max_articles=MAX_STORY_ARTICLES)
"""Articles into stories: one event. A story of `MAX_STORY_ARTICLES` (more than analysis
takes) takes no more: its next article starts another story."""
TOPIC_PARAMS = ClusterParams(threshold=0.16, entity_weight=0.3, number_weight=0.0,
                             other_years_penalty=0.0, time_scale_days=60.0,
                             other_days_penalty=0.0, same_day_time_scale=1.0,
                             age_weight=0.0, other_ages_penalty=0.0)
"""Stories into topics: events of one kind, or one long thread."""


@dataclass(frozen=True, slots=True)
class ClusteringSettings:
    """The two levels of story clustering."""

    stories: ClusterParams = STORY_PARAMS
    topics: ClusterParams = TOPIC_PARAMS


@dataclass(frozen=True, slots=True)
class AlignConfig:
    """Sentence alignment into facts (`claims.align`). `threshold`: least similarity of two
    sentences for them to state the same thing; `linkage`: least average similarity between
    two groups to merge; `per_article`: most sentences of one article in one fact;
    `meaning_weight`: the share of the sentence vectors' cosine in the similarity (the rest
    is the feature overlap); `paraphrase`: least cosine for two sentences that share no
    telling feature; `all_pairs`: a story of up to this many sentences compares every pair,
    a larger one each sentence's `neighbours` nearest by vector and the pairs that share one
    of their `keys` rarest features (a feature held by more than `max_postings` sentences is
    too common to block on). `compare_threshold`, `compare_linkage`, `compare_per_article`:
    the looser alignment whose groups of sentences are compared for different numbers and
    days (`claims.comparable_groups`)."""

    threshold: float = 0.4
    linkage: float = 0.35
    per_article: int = 1
    meaning_weight: float = 0.5
    paraphrase: float = 0.7
    all_pairs: int = 8000
    neighbours: int = 25
    keys: int = 5
    max_postings: int = 150
    compare_threshold: float = 0.25
    compare_linkage: float = 0.2
    compare_per_article: int = 2


@dataclass(frozen=True, slots=True)
class CopySettings:
    """Copied-passage detection. `shingle`: words per MinHash shingle; `threshold`: the LSH's
    Jaccard threshold between passages; `min_words`: least matching words of a copied
    passage. The alignment of two articles: matching blocks of `min_block` words or more join
    across gaps of up to `max_gap` words on each side, or up to `max_skip` on one side between
    blocks of `skip_block` words or more (a sentence dropped or added); `rounds` passes per
    article pair, each with the passages found masked."""

    shingle: int = 4
    threshold: float = 0.5
    min_words: int = 20
    min_block: int = 3
    max_gap: int = 4
    max_skip: int = 60
    skip_block: int = 8
    rounds: int = 4


@dataclass(frozen=True, slots=True)
class BriefSettings:
    """The extractive brief: at most `limit` sentences; vague single-source facts only to
    reach `minimum`; a sentence of `min_words` to `max_words` words may stand in it; two
    sentences whose content words overlap `same_words` (Jaccard) or more say the same thing;
    an entity shared between facts weighs `entity_weight` terms in a fact's centrality. The
    lead: one of an article's first `lead_sentences` eligible sentences, agreed with by an
    opening that shares `lead_agreement` of its words, keeping `lead_position_decay` of its
    score per sentence down the article and gaining `lead_day_bonus` when it names the day."""

    limit: int = 8
    minimum: int = 5
    min_words: int = 6
    max_words: int = 60
    same_words: float = 0.6
    entity_weight: float = 2.0
    lead_sentences: int = 3
    lead_agreement: float = 1 / 3
    lead_position_decay: float = 0.5
    lead_day_bonus: float = 0.5


@dataclass(frozen=True, slots=True)
class AnalyzeConfig:
    """How to run `analyze`, `ingest` and `batch`; the defaults suit the command line.

    The limits bound what one untrusted input can cost: an article over `max_article_chars`
    (after cleaning) is reported (E111) and skipped, and a story of more than
    `max_story_articles` articles is refused (E112) rather than analysed for hours. The
    nested settings hold every tuned threshold; a corpus unlike ours (local news, wire-heavy
    feeds) may want others. `jobs`: the processes that parse articles not in the cache (0: one
    per core; a few short articles are parsed in one, see `annotate.parse_processes`), and
    that analyse the stories an ingest changed (`stream.analyse_stale`).
    """

    model: str | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    batch_size: int = 32
    jobs: int = 0  # processes that parse and analyse; 0: one per core
    max_article_chars: int = MAX_ARTICLE_CHARS
    max_story_articles: int = MAX_STORY_ARTICLES
    clustering: ClusteringSettings = field(default_factory=ClusteringSettings)
    alignment: AlignConfig = field(default_factory=AlignConfig)
    copies: CopySettings = field(default_factory=CopySettings)
    brief: BriefSettings = field(default_factory=BriefSettings)


# --- reading a settings file -------------------------------------------------------------------

_PATH_FIELDS = frozenset({"cache_dir"})
_AT_LINE = re.compile(r" \(at line (\d+), column \d+\)")


def _build(defaults: Any, values: dict[str, Any], where: str, path: Path) -> Any:
    """`defaults` (a settings dataclass instance) with the values of a TOML table, checked
    field by field; a nested table starts from the nested default (the topic level's tuned
    values, not a bare ClusterParams)."""
    known = {item.name for item in dataclasses.fields(defaults)}
    chosen: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigFileError(Errors.E113.format(
                detail=f"unknown setting '{where}{key}' (known: {', '.join(sorted(known))})"),
                path=path)
        default = getattr(defaults, key)
        name = f"{where}{key}"
        if dataclasses.is_dataclass(default):
            if not isinstance(value, dict):
                raise ConfigFileError(Errors.E113.format(
                    detail=f"'{name}' must be a table ([{name}])"), path=path)
            chosen[key] = _build(default, value, f"{name}.", path)
        elif key in _PATH_FIELDS or default is None:
            if not isinstance(value, str):
                raise ConfigFileError(Errors.E113.format(
                    detail=f"'{name}' must be a string"), path=path)
            chosen[key] = Path(value).expanduser() if key in _PATH_FIELDS else value
        else:
            chosen[key] = _checked_value(name, value, default, path)
    return dataclasses.replace(defaults, **chosen)


def _checked_value(name: str, value: Any, default: Any, path: Path) -> Any:
    """`value` when it has the type of `default` (an int is also a float) and is not negative."""
    expected = type(default)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if type(value) is not expected:
        raise ConfigFileError(Errors.E113.format(
            detail=f"'{name}' must be {expected.__name__}, not {type(value).__name__} "
                   f"({value!r})"), path=path)
    if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
        raise ConfigFileError(Errors.E113.format(
            detail=f"'{name}' must not be negative ({value!r})"), path=path)
    return value


def load_config(path: str | Path) -> AnalyzeConfig:
    """The settings in the TOML file at `path`, over the defaults.

    Top-level keys are `AnalyzeConfig`'s fields (`model`, `max_article_chars`, ...); tables
    are its nested settings (`[alignment]`, `[copies]`, `[brief]`, `[clustering.stories]`,
    `[clustering.topics]`); a key left out keeps its default. Raises ConfigFileError (E113)
    naming the file, and the line for a syntax error, for a file that cannot be read, is not
    TOML, or names an unknown setting or a value of the wrong type.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigFileError(Errors.E113.format(detail=f"cannot read it: {error}"),
                              path=path) from error
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _AT_LINE.search(str(error))
        message = _AT_LINE.sub("", str(error))
        raise ConfigFileError(Errors.E113.format(detail=f"not valid TOML: {message}"),
                              path=path, line=int(found.group(1)) if found else None) from error
    loaded: AnalyzeConfig = _build(AnalyzeConfig(), values, "", path)
    return loaded
