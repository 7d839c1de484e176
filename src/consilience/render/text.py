"""Small text helpers every rendering shares: cutting a line short, and which links to keep."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..text import shorten

__all__ = ["shorten", "web_address"]


def web_address(url: str | None) -> str | None:
    """`url` when it is an http(s) address a page may link to, else None (article metadata is
    untrusted: no javascript:, data: or unparseable addresses)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None
