"""Where one analysis is written: stdout, one file, or several files in several formats.

`-o` may be repeated; each file's format is taken from its suffix (`.json`, `.md`,
`.markdown`, `.html`, `.htm`), so one run parses and analyses once and writes every report:

    consilience analyze ARTICLES -o story.json -o story.md -o story.html

With one output (stdout or one file) `--format` chooses the format, as before; without it a
known suffix chooses, else JSON.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer


class OutputFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


FORMAT_OF_SUFFIX = {".json": OutputFormat.json, ".md": OutputFormat.md,
                    ".markdown": OutputFormat.md, ".html": OutputFormat.html,
                    ".htm": OutputFormat.html}


def _is_stdout(output: Path) -> bool:
    return str(output) == "-"


def format_of(output: Path) -> OutputFormat | None:
    """The format a file's suffix names, or None (stdout, no suffix, another suffix)."""
    return None if _is_stdout(output) else FORMAT_OF_SUFFIX.get(output.suffix.lower())


def plan_outputs(output_format: OutputFormat | None,
                 outputs: list[Path] | None) -> list[tuple[OutputFormat, Path | None]]:
    """(format, file) for each report to write; file None is stdout. Raises typer.BadParameter
    with what to do when the combination cannot be written unambiguously."""
    if not outputs:
        return [(output_format or OutputFormat.json, None)]
    if len(outputs) == 1:
        only = outputs[0]
        chosen = output_format or format_of(only) or OutputFormat.json
        return [(chosen, None if _is_stdout(only) else only)]
    if output_format is not None:
        raise typer.BadParameter(
            "--format applies to one output; with several -o each file's suffix (.json, .md, "
            ".html) gives its format", param_hint="'--format'")
    seen: set[Path] = set()
    plan: list[tuple[OutputFormat, Path | None]] = []
    for output in outputs:
        if _is_stdout(output):
            raise typer.BadParameter("stdout (-) can only be the one output; name a file for "
                                     "each format", param_hint="'--output'")
        found = format_of(output)
        if found is None:
            raise typer.BadParameter(
                f"cannot tell the format of {output} from its suffix; end it with .json, .md "
                "or .html", param_hint="'--output'")
        resolved = output.resolve()
        if resolved in seen:
            raise typer.BadParameter(f"{output} is named twice", param_hint="'--output'")
        seen.add(resolved)
        plan.append((found, output))
    return plan
