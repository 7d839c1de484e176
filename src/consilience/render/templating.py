"""Jinja2 for every HTML view: one environment, autoescaping on, and the page assets.

Article text is untrusted, so autoescaping is on for every template and no template marks
article content safe. The only markup not escaped is our own: the stylesheet and script in
`templates/`, inlined so that a report is one self-contained file. The Content-Security-Policy
allows exactly those by their SHA-256 hashes (no 'unsafe-inline'), nothing else and no network.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

ASSET_FILES = {"css": ("report.css", "charts.css"), "js": ("report.js",)}


@dataclass(frozen=True, slots=True)
class Assets:
    """The inline stylesheet and script, and the policy that allows only them."""

    css: Markup
    js: Markup
    csp: str
    """For a <meta> element (a report file)."""
    csp_header: str
    """For the Content-Security-Policy header of a served page: also refuses framing, which
    a <meta> policy cannot say."""


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode(
        "ascii") + "'"


def _read(names: tuple[str, ...]) -> str:
    folder = resources.files(__package__).joinpath("templates")
    return "\n".join(folder.joinpath(name).read_text(encoding="utf-8") for name in names)


@cache
def assets() -> Assets:
    css, js = _read(ASSET_FILES["css"]), _read(ASSET_FILES["js"])
    policy = (f"default-src 'none'; script-src {_digest(js)}; style-src {_digest(css)}; "
              "img-src data:; base-uri 'none'; form-action 'self'")
    return Assets(Markup(css), Markup(js), policy, policy + "; frame-ancestors 'none'")


@cache
def environment() -> Environment:
    """The shared environment: templates from `render/templates`, autoescaped, strict about
    undefined names (a typo fails loudly instead of rendering nothing)."""
    env = Environment(loader=PackageLoader("consilience.render", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.globals["assets"] = assets
    return env


def render_template(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)
