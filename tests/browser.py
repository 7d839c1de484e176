"""A real headless Chromium for the page tests, driven by Playwright.

Playwright drives the machine's own Chromium (Debian's `chromium`, which `.ci/run` installs),
never a downloaded browser. Each page is watched: console errors, uncaught script errors and
every network request are recorded, so a test can assert that a page is quiet and offline.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS_ENV = "CONSILIENCE_TEST_ARTIFACTS"
CHROMIUM_ENV = "CONSILIENCE_CHROMIUM"


def chromium_path() -> str | None:
    """$CONSILIENCE_CHROMIUM, else chromium / chromium-browser / google-chrome on PATH."""
    configured = os.environ.get(CHROMIUM_ENV)
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def artifacts_dir() -> Path:
    """Where screenshots go: $CONSILIENCE_TEST_ARTIFACTS or ./test-artifacts (git-ignored)."""
    folder = Path(os.environ.get(ARTIFACTS_ENV, ROOT / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class PageWatch:
    """What a page did: console errors, uncaught errors and the URLs it requested."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, page) -> None:  # type: ignore[no-untyped-def]
        page.on("console", lambda message: self.console_errors.append(message.text)
                if message.type == "error" else None)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))
