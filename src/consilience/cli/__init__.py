"""The `consilience` command line: one module per command, wired here."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from ..about import __summary__, __version__
from ..errors import ConsilienceError
from .analyze import analyze_cli
from .console import report_error, setup_logging

app = typer.Typer(
    name="consilience",
    help=f"consilience: {__summary__}",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("analyze")(analyze_cli)

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
    """consilience: what many outlets say about one story, with proof.

    Example:

        consilience analyze examples/japan-2plus2 --format md -o story.md
    """
    setup_logging(verbose)
    if debug:
        os.environ[DEBUG_ENV] = "1"


def main() -> None:
    """Entry point: errors become one red line on stderr and exit code 1, never a traceback."""
    try:
        app(standalone_mode=False)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except ConsilienceError as error:
        report_error(error.one_line())
        sys.exit(1)
    except KeyboardInterrupt:
        report_error("interrupted")
        sys.exit(130)
    except Exception as error:  # the last guard: no traceback reaches the user
        import click

        if isinstance(error, click.ClickException):
            error.show()
            sys.exit(error.exit_code)
        if isinstance(error, click.exceptions.Abort):
            sys.exit(1)
        if os.environ.get(DEBUG_ENV):
            raise
        report_error(f"internal error: {type(error).__name__}: {error} "
                     f"(rerun with --debug for the traceback, and please report it)")
        sys.exit(2)
