"""The story as one self-contained HTML page: brief, facts, conflicts and sources.

Article text is untrusted: every string from a source goes through `html.escape`, and links are
kept only for http(s) addresses.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..models import Article, Story

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
.meta,.src{color:#666;font-size:.9rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:left;vertical-align:top}
blockquote{margin:.2rem 0 .2rem 1rem;padding-left:.6rem;border-left:3px solid #ccc}
"""


def _label(story: Story) -> dict[str, str]:
    return {article.id: f"[{index}]" for index, article in enumerate(story.articles, start=1)}


def _cite(labels: dict[str, str], ids: Iterable[str]) -> str:
    return " ".join(f'<a href="#{escape(i)}">{escape(labels.get(i, i))}</a>' for i in ids)


def _link(article: Article) -> str:
    name = escape(article.title or article.source)
    url = article.url or ""
    if url.startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{name}</a>'
    return name


def render_html(story: Story, model: str | None = None) -> str:
    labels = _label(story)
    parts = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>{escape(story.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(story.title)}</h1>",
        f'<p class="meta">{len(story.articles)} articles · {escape(story.first or "?")} – '
        f'{escape(story.last or "?")} · {len(story.facts)} facts · {len(story.conflicts)} '
        f'conflicts{" · " + escape(model) if model else ""}</p>',
        "<h2>Brief</h2><ol>",
    ]
    for sentence in story.brief:
        parts.append(f"<li>{escape(sentence.text)} <span class=\"src\">"
                     f"{_cite(labels, sentence.articles)}</span></li>")
    parts.append("</ol><h2>Facts</h2><table><tr><th>Fact</th><th>Status</th>"
                 "<th>Independent sources</th><th>Articles</th></tr>")
    for fact in story.facts:
        parts.append(f"<tr><td>{escape(fact.text)}</td><td>{escape(fact.status)}</td>"
                     f"<td>{fact.independent_sources or len(fact.articles)}</td>"
                     f"<td>{_cite(labels, fact.articles)}</td></tr>")
    parts.append("</table><h2>Conflicts</h2>")
    for conflict in story.conflicts:
        parts.append(f"<h3>{escape(conflict.kind)}: {escape(conflict.summary)}</h3>")
        for side in conflict.sides:
            quoted = "".join(f"<blockquote>{escape(span.text)}</blockquote>"
                             for span in side.spans[:3])
            parts.append(f"<p><b>{escape(side.value)}</b> <span class=\"src\">"
                         f"{_cite(labels, side.articles)}</span></p>{quoted}")
    parts.append("<h2>Sources</h2><ol>")
    for article in story.articles:
        outlet = f" — {escape(article.outlet)}" if article.outlet else ""
        date = f" ({escape(article.published[:10])})" if article.published else ""
        parts.append(f'<li id="{escape(article.id)}">{_link(article)}{outlet}{date} '
                     f'<span class="src">{escape(article.source)}</span></li>')
    parts.append("</ol></body></html>\n")
    return "\n".join(parts)
