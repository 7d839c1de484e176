"""Where the CLI writes: data to stdout, progress and messages to stderr."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape

from ..models import Problem

STDERR = Console(stderr=True, highlight=False, soft_wrap=True)


def setup_logging(verbose: bool) -> None:
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(message)s", force=True,
                        handlers=[RichHandler(console=STDERR, show_time=False, show_path=False)])


def report_problem(problem: Problem) -> None:
    style = "yellow" if problem.severity == "warning" else "red"
    STDERR.print(f"[{style}]{problem.severity}:[/{style}] {escape(problem.one_line())}")


def report_error(message: str) -> None:
    STDERR.print(f"[red]error:[/red] {escape(message)}")


def write_output(text: str, output: Path | None) -> None:
    """Write to `output` atomically (a reader never sees half a file), or to stdout."""
    if output is None or str(output) == "-":
        print(text, end="")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(temporary, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
