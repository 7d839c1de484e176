"""Build `src/consilience/lang/en/given_name_genders.txt` from the `nomquamgender` package.

nomquamgender (MIT, Ian Van Buskirk, 2022; https://github.com/ianvanbuskirk/nomquamgender)
ships the gender shares of 722,000 given names from 36 name-by-gender sources. consilience
keeps the names it counts at least MIN_COUNT times whose share of one gender is at least
SHARE (a name used for both is left out) and needs neither the package nor its 22 MB table
at run time. Run once by hand, in a throwaway environment:

    pip install nomquamgender && python tools/given_name_genders.py
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

MIN_COUNT = 300
SHARE = 0.9
TARGET = Path(__file__).resolve().parents[1] / "src/consilience/lang/en/given_name_genders.txt"
HEADER = f"""\
# Given names used for one gender ({SHARE:.0%} or more of {MIN_COUNT}+ bearers): name, f or m.
# Derived by tools/given_name_genders.py from nomquamgender's name_data.json:
# Copyright (c) 2022 Ian Van Buskirk. MIT License: Permission is hereby granted, free of
# charge, to any person obtaining a copy of this software and associated documentation files
# (the "Software"), to deal in the Software without restriction, including without limitation
# the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
# of the Software, and to permit persons to whom the Software is furnished to do so, subject
# to the following conditions: The above copyright notice and this permission notice shall be
# included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED
# "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
"""


def main() -> None:
    with resources.files("nomquamgender").joinpath("name_data.json").open() as handle:
        data = json.load(handle)
    lines = []
    for name, (_, count, female, *_) in sorted(data.items()):
        if not re.fullmatch(r"[a-z]{2,}", name) or count < MIN_COUNT:
            continue
        if female >= SHARE:
            lines.append(f"{name} f")
        elif female <= 1 - SHARE:
            lines.append(f"{name} m")
    TARGET.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
