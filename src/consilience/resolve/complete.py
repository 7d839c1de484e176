"""Find the mentions the tagger missed: a resolved name written again where no mention was
tagged ("Secretary of State Smith" when only "John Smith" was recognised elsewhere)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc

from ..models import Article, Mention, Span
from .link import Cluster
from .local import LocalEntity, NamedMention
from .names import fold, parse_name

_MIN_NAME_LENGTH = 3
_SENTENCE_START = re.compile(r"(^|[.!?\n][\"”’']?\s*)$")


def _search_terms(cluster: Cluster) -> list[str]:
    """Names worth searching for: a person's surname, an organisation's or place's full name."""
    if not cluster.full:
        return []
    if cluster.type == "PERSON":
        return list(dict.fromkeys(form.tokens[-1] for form in cluster.full))
    return list(dict.fromkeys(" ".join(form.tokens) for form in cluster.full))


def _sentence_of(doc: Doc | None, start: int) -> int:
    if doc is None:
        return 0
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None:
        return 0
    sentence_start = token[0].sent.start
    return sum(1 for sent in doc.sents if sent.start < sentence_start)


def complete_mentions(clusters: Sequence[Cluster], articles: Sequence[Article],
                      docs: Sequence[Doc | None], mentions: Sequence[Mention]) -> None:
    """Add untagged occurrences of each cluster's names to it, in place. A name is only
    searched for when no other entity of the story uses it, and only where no mention stands."""
    owners: dict[str, set[int]] = defaultdict(set)
    for number, cluster in enumerate(clusters):
        for member in cluster.members:
            for form in member.forms:
                for token in form.tokens:
                    owners[fold(token)].add(number)
                owners[fold(" ".join(form.tokens))].add(number)
    occupied: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mention in mentions:
        occupied[mention.span.article].append((mention.span.start, mention.span.end))
    for number, cluster in enumerate(clusters):
        for term in _search_terms(cluster):
            if len(term) < _MIN_NAME_LENGTH or owners[fold(term)] != {number}:
                continue
            pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
            for article, doc in zip(articles, docs, strict=True):
                for match in pattern.finditer(article.text):
                    start, end = match.span()
                    if _SENTENCE_START.search(article.text[max(0, start - 3):start] or "\n"):
                        continue  # a capitalised word opening a sentence may be a common word
                    if any(start < taken_end and taken_start < end
                           for taken_start, taken_end in occupied[article.id]):
                        continue
                    occupied[article.id].append((start, end))
                    mention = Mention(Span(article.id, start, end, term),
                                      "PERSON" if cluster.type == "PERSON" else "",
                                      _sentence_of(doc, start))
                    _member_for(cluster, article.id).mentions.append(
                        NamedMention(mention, parse_name(term), ()))
        cluster.refresh()


def _member_for(cluster: Cluster, article: str) -> LocalEntity:
    for member in cluster.members:
        if member.article == article:
            return member
    member = LocalEntity(article)
    cluster.members.append(member)
    return member
