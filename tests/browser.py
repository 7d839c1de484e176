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


OVERFLOW_SCRIPT = """() => {
  const limit = document.documentElement.clientWidth;
  const clipped = (element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (parent === document.body || parent === document.documentElement) { return false; }
      if (getComputedStyle(parent).overflowX !== "visible") { return true; }
    }
    return false;
  };
  const name = (element) => {
    const classes = element.getAttribute("class") || "";
    return element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
      + (classes ? "." + classes.trim().split(/\\s+/).join(".") : "");
  };
  const found = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.right > limit + 1 && !clipped(element)) {
      const style = getComputedStyle(element);
      found.push(name(element) + " right=" + Math.round(box.right) + " position="
                 + style.position + " display=" + style.display);
    }
  }
  return found;
}"""
"""Script: every element that reaches past the viewport's right edge and is not inside an
element that clips or scrolls sideways, as 'tag#id.classes right=N position=... display=...'."""


def sideways_overflow(page) -> list[str]:  # type: ignore[no-untyped-def]
    """What makes `page` wider than its viewport (see OVERFLOW_SCRIPT); empty when nothing."""
    return list(page.evaluate(OVERFLOW_SCRIPT))


def overflow_message(page, browser) -> str:  # type: ignore[no-untyped-def]
    """A failure message naming the page's width, the browser's version and the culprits."""
    width = page.evaluate("document.documentElement.scrollWidth")
    culprits = sideways_overflow(page)
    listed = "\n  ".join(culprits[:20]) or "(no element outside a sideways scroller; look at "
    "pseudo-elements, SVG content and positioned descendants)"
    return (f"page is {width} px wide at a viewport of "
            f"{page.evaluate('document.documentElement.clientWidth')} px in Chromium "
            f"{browser.version}; overflowing:\n  {listed}")
