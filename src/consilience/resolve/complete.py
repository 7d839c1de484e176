"""Find the mentions the tagger missed: a resolved name written again where no mention was
tagged ("Secretary of State Smith" when only "John Smith" was recognised elsewhere)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc

from ..models import Article, Mention, Span
from .link import Cluster
from .local import LocalEntity, NamedMention
from .names import fold, parse_name

_MIN_NAME_LENGTH = 3
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_SENTENCE_START = re.compile(r"(^|[.!?\n][\"”’']?\s*)$")


def _search_terms(cluster: Cluster) -> list[str]:
    """Names worth searching for: a person's surname, an organisation's or place's full name."""
    if not cluster.full:
        return []
    if cluster.type == "PERSON":
        return list(dict.fromkeys(form.tokens[-1] for form in cluster.full))
    return list(dict.fromkeys(" ".join(form.tokens) for form in cluster.full))


class _ArticleIndex:
    """Where each word starts in one article, and which spans are already mentions."""

    def __init__(self, article: Article, doc: Doc | None, occupied: list[tuple[int, int]]):
        self.article, self.doc, self.occupied = article, doc, occupied
        self.starts: dict[str, list[int]] = defaultdict(list)
        for match in _WORD.finditer(article.text):
            self.starts[match.group(0).rstrip(".'’")].append(match.start())
        self._sentence_starts = [sent.start_char for sent in doc.sents] if doc is not None \
            else [0]

    def occurrences(self, term: str, named_here: bool) -> list[tuple[int, int]]:
        """Untaken occurrences of `term`; at a sentence start only where the article already
        names the entity (there "Smith said" is Smith, elsewhere "Rice prices" is rice)."""
        text, found = self.article.text, []
        first_word = term.split()[0].rstrip(".'’")
        for start in self.starts.get(first_word, ()):
            end = start + len(term)
            if text[start:end] != term or (end < len(text) and (text[end].isalnum()
                                                                or text[end] == "-")):
                continue
            if not named_here and _SENTENCE_START.search(text[max(0, start - 3):start] or "\n"):
                continue  # a capitalised word opening a sentence may be a common word
            if any(start < taken_end and taken_start < end
                   for taken_start, taken_end in self.occupied):
                continue
            self.occupied.append((start, end))
            found.append((start, end))
        return found

    def sentence_of(self, start: int) -> int:
        return max(bisect_right(self._sentence_starts, start) - 1, 0)


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
    indexes = [_ArticleIndex(article, doc, occupied[article.id])
               for article, doc in zip(articles, docs, strict=True)]
    for number, cluster in enumerate(clusters):
        terms = [term for term in _search_terms(cluster)
                 if len(term) >= _MIN_NAME_LENGTH and owners[fold(term)] == {number}]
        if not terms:
            continue
        label = "PERSON" if cluster.type == "PERSON" else ""
        for term in terms:
            form = parse_name(term)
            for index in indexes:
                named_here = index.article.id in cluster.articles
                for start, end in index.occurrences(term, named_here):
                    mention = Mention(Span(index.article.id, start, end, term), label,
                                      index.sentence_of(start))
                    _member_for(cluster, index.article.id).mentions.append(
                        NamedMention(mention, form, ()))
        cluster.refresh()


def _member_for(cluster: Cluster, article: str) -> LocalEntity:
    for member in cluster.members:
        if member.article == article:
            return member
    member = LocalEntity(article)
    cluster.members.append(member)
    return member
