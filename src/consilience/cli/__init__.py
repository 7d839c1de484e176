"""The `consilience` command line: one module per command, wired here."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from ..about import __version__
from ..errors import ConsilienceError, NothingToAnalyseError
from .analyze import analyze_cli
from .batch import batch_cli
from .check import check_cli
from .console import report_error, report_problem, setup_logging
from .ingest import ingest_cli
from .serve import serve_cli
from .stories import show_cli, stories_cli

app = typer.Typer(
    name="consilience",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("analyze")(analyze_cli)
app.command("batch")(batch_cli)
app.command("ingest")(ingest_cli)
app.command("stories")(stories_cli)
app.command("show")(show_cli)
app.command("serve")(serve_cli)
app.command("check")(check_cli)

DEBUG_ENV = "CONSILIENCE_DEBUG"


def _show_version(value: bool) -> None:
    if value:
        print(f"consilience {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                          help="Log what each stage does.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal "
                                        "errors.")] = False,
) -> None:
    """consilience: what many outlets say about one story, and how well it is known.

    Every statement in its reports points at character spans of the source articles.

    Example:

        consilience analyze examples/japan-2plus2 --format md -o story.md
    """
    setup_logging(verbose)
    if debug:
        os.environ[DEBUG_ENV] = "1"


def main() -> None:
    """Entry point: errors become one red line on stderr and exit code 1, never a traceback."""
    try:
        app(prog_name="consilience")  # usage errors are handled (exit 2) and exits raised here
    except ConsilienceError as error:
        if isinstance(error, NothingToAnalyseError):
            for problem in error.problems:
                report_problem(problem)
        report_error(error.one_line())
        sys.exit(1)
    except KeyboardInterrupt:
        report_error("interrupted")
        sys.exit(130)
    except Exception as error:  # the last guard: no traceback reaches the user
        if os.environ.get(DEBUG_ENV):
            raise
        report_error(f"internal error: {type(error).__name__}: {error} "
                     f"(rerun with --debug for the traceback, and please report it)")
        sys.exit(2)
