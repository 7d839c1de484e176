"""Tiny real articles for the web app's tests, written as JSON files and ingested for real.

Two articles on one earthquake (one story), one on a football final (a story of one article),
one whose title, outlet and text carry markup meant to break out of a page (its own story);
`add_later` writes a third earthquake article (the earthquake story goes stale) and an enormous
article (a story that is never analysed).
"""

from __future__ import annotations

import json
from pathlib import Path

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
BIG_LENGTH = 300_000

FIRST = [
    {"title": "Earthquake of magnitude 6.8 strikes Valparaiso", "outlet": "Coast Herald",
     "author": "Ana Rojas", "published": "2024-03-01", "url": "https://herald.example/quake",
     "text": ("A strong earthquake of magnitude 6.8 struck the Chilean port city of Valparaiso "
              "on Friday, the national emergency office said. Three people were injured and "
              "dozens of buildings were damaged in the earthquake. President Gabriel Boric "
              "said rescue teams had been sent to Valparaiso.")},
    {"title": "Valparaiso earthquake injures four, damages buildings", "outlet": "Andes Wire",
     "published": "2024-03-02", "url": "https://wire.example/valparaiso",
     "text": ("An earthquake of magnitude 6.8 hit Valparaiso in Chile on Friday. According to "
              "the national emergency office, four people were injured and many buildings "
              "were damaged by the earthquake. Gabriel Boric said rescue teams were on their "
              "way to Valparaiso.")},
    {"title": "Riverside Rovers win the regional football cup", "outlet": "Sports Daily",
     "published": "2024-02-10",
     "text": ("The Riverside Rovers won the regional football cup on Sunday, beating the "
              "Hilltop Harriers by two goals to one. Coach Maria Santos praised her players "
              "after the final whistle and said the cup belonged to the supporters.")},
    {"title": f"Harbour council {XSS_SCRIPT} vote {XSS_IMG} ends", "url": "javascript:alert(1)",
     "outlet": f"Evil {XSS_IMG} Times", "author": XSS_SCRIPT, "published": "2024-01-15",
     "text": (f"The harbour council approved the new marina plan on Tuesday. A protester held "
              f"a sign reading {XSS_SCRIPT} outside the town hall, and another painted "
              f"{XSS_IMG} on the wall. Mayor Ellen Vasquez said the marina vote was close.")},
]

LATER_QUAKE = {
    "title": "Valparaiso counts the damage after the magnitude 6.8 earthquake",
    "outlet": "Pacific Times", "published": "2024-03-03",
    "text": ("Residents of Valparaiso cleared rubble on Sunday after Friday's earthquake of "
             "magnitude 6.8. The national emergency office said four people were injured and "
             "many buildings were damaged. President Gabriel Boric visited Valparaiso.")}


def big_text(length: int = BIG_LENGTH) -> str:
    """Distinct numbered lines about an archive, `length` characters in all."""
    lines: list[str] = []
    total, number = 0, 0
    while total < length:
        number += 1
        line = (f"Shelf {number} of the municipal archive holds ledger volume {number * 7} "
                f"catalogued by librarian Tomas Eklund.")
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)[:length].rstrip()


BIG = {"title": "The municipal archive catalogue", "outlet": "Archive Bulletin",
       "published": "2023-11-05", "text": big_text()}


def write(folder: Path, records: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, record in enumerate(records, start=1):
        (folder / f"article-{number}.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def first_batch(folder: Path) -> Path:
    return write(folder, FIRST)


def later_batch(folder: Path) -> Path:
    return write(folder, [LATER_QUAKE, BIG])
